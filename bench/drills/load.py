"""The load generator: threads requesting public pages, each answer timed and classified."""

import http.client
import itertools
import threading
import time
from dataclasses import dataclass

from bench.drills.client import USER_AGENT
from bench.servers import HOST

# Bodies that mean an unhandled error reached the reader: a traceback, Django's
# bare 500 page, or Metro's 500 template.
ERROR_PAGE_MARKERS = (
    b"Traceback (most recent call last)",
    b"Server Error (500)",
    b"You're seeing this error because you have",
    b"<title>Something went wrong",
)
# Metro's 503 page (templates/503.html).
UNAVAILABLE_PAGE_MARKER = b"back in a moment"


@dataclass(slots=True)
class Hit:
    instance: str
    path: str
    start: float
    end: float
    status: int | None
    kind: str  # "ok", "503 page", "503 other", "error page", "5xx", "connection error: ..."
    uncached: bool = False  # A page no cache can hold (UNCACHED_PATH).


def classify(status, body, headers):
    if any(marker in body for marker in ERROR_PAGE_MARKERS):
        return "error page"
    if status == 503:
        clean = UNAVAILABLE_PAGE_MARKER in body and headers.get("Retry-After")
        return "503 page" if clean else "503 other"
    if status >= 500:
        return "5xx"
    return "ok"


class Load:
    """Threads requesting public paths from 127.0.0.1 as fast as answers come, until
    stopped, `seconds` have passed or `max_requests` are done. Each thread keeps to one
    instance (threads are shared out between the targets) and walks the paths in turn.
    A path with "{n}" in it (UNCACHED_PATH) is a new address on every request."""

    def __init__(self, targets, paths, threads, seconds, max_requests):
        self.targets = list(targets.items())
        self.paths = paths
        self.threads = threads
        self.seconds = seconds
        self.max_requests = max_requests
        self.results = [[] for _ in range(threads)]
        self.last_ok_end = dict.fromkeys(targets, 0.0)
        self.last_uncached_ok_end = dict.fromkeys(targets, 0.0)
        self._numbers = itertools.count()
        self._stop = threading.Event()
        self._count = 0
        self._lock = threading.Lock()
        self._workers = []
        self.started = self.ended = None

    running = set()

    @classmethod
    def stop_all(cls):
        """Stop any load a drill left running when it raised."""
        for load in list(cls.running):
            load.stop()

    def start(self):
        Load.running.add(self)
        self.started = time.monotonic()
        for index in range(self.threads):
            worker = threading.Thread(target=self._run, args=(index,), daemon=True)
            worker.start()
            self._workers.append(worker)
        return self

    def stop(self):
        self._stop.set()
        for worker in self._workers:
            worker.join()
        self.ended = time.monotonic()
        Load.running.discard(self)

    @property
    def hits(self):
        return sorted((hit for hits in self.results for hit in hits), key=lambda hit: hit.start)

    def _take(self):
        with self._lock:
            if self._count >= self.max_requests:
                return False
            self._count += 1
            return True

    def _run(self, index):
        name, port = self.targets[index % len(self.targets)]
        hits = self.results[index]
        deadline = self.started + self.seconds
        step = index
        connection = None
        while not self._stop.is_set() and time.monotonic() < deadline and self._take():
            path = self.paths[step % len(self.paths)]
            uncached = "{n}" in path
            if uncached:
                path = path.format(n=next(self._numbers))
            step += 1
            start = time.monotonic()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(HOST, port, timeout=10)
                connection.request("GET", path, headers={"User-Agent": USER_AGENT})
                response = connection.getresponse()
                body = response.read()
                status = response.status
                kind = classify(status, body, response.headers)
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as error:
                status, kind = None, f"connection error: {type(error).__name__}"
                if connection is not None:
                    connection.close()
                connection = None
            end = time.monotonic()
            hits.append(Hit(name, path, start, end, status, kind, uncached))
            if status == 200:
                self.last_ok_end[name] = end
                if uncached:
                    self.last_uncached_ok_end[name] = end
            elif status is None:
                self._stop.wait(0.05)
        if connection is not None:
            connection.close()
