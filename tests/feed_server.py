"""A real HTTP server on 127.0.0.1 serving sister-site feeds, good and bad, for the refresh tests."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FeedServer:
    """Serves `routes[path] = (status, headers, body)`.

    A callable body is called with the handler and the server, and writes the
    whole answer itself (status line and headers too), slowly if it likes.

    `release` lets a route hold its answer until the test is over (a server
    that never answers), without sleeping for a fixed time.
    """

    def __init__(self):
        self.routes = {}
        self.requests = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                # A route without a query answers for any query (oEmbed's ?url=…).
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                status, headers, body = route or (404, {}, b"not here")
                try:
                    if callable(body):
                        body(self, server)
                        return
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # The client gave up (size cap or timeout): that is the point.

            def log_message(self, format, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def origin(self):
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path):
        return self.origin + path

    def add(self, path, body, *, status=200, content_type="application/xml", headers=None):
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, body)
        return self.url(path)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def hang(handler, server):
    """Answer nothing until the test ends."""
    server.release.wait(timeout=30)


def start_feed(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/xml")
    handler.end_headers()


def endless(handler, server):
    """A feed that never ends: far more than any size cap (50 MB), sent as fast as it is read."""
    start_feed(handler)
    handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>')
    chunk = b"<item><title>filler</title><link>https://big.example/x</link></item>" * 1000
    for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
        if server.release.is_set():
            return
        handler.wfile.write(chunk)


def trickle(handler, server):
    """A feed that sends a few bytes at a time and never finishes (each wait well under the timeout)."""
    start_feed(handler)
    handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
    handler.wfile.flush()
    while not server.release.wait(timeout=0.2):
        handler.wfile.write(b" ")
        handler.wfile.flush()


def header_drip(interval, lines=10, body=b""):
    """A server that sends a header line every `interval` seconds, `lines` of them, then `body`.

    Each wait is well under any timeout: only a deadline for the whole exchange stops it.
    """

    def answer(handler, server):
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n")
        handler.wfile.flush()
        for number in range(lines):
            if server.release.wait(timeout=interval):
                return
            handler.wfile.write(f"X-Drip-{number}: still coming\r\n".encode())
            handler.wfile.flush()
        handler.wfile.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)

    return answer
