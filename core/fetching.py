"""Fetching what an editor typed (a feed URL today; embeds, webhooks, imports later).

fetch() GETs one URL within ONE deadline that covers the DNS lookup, the
connection, TLS, every header line and the body: each socket read waits only
for what is left of it, so a server trickling header lines cannot keep a
worker. Redirects are followed by hand, a few at most, web addresses only.

Each hop's host is resolved once and every address it resolves to must be a
public one (no loopback, private, link-local, metadata, multicast or reserved
address, also when hidden in an IPv6 form); the connection then goes to the
checked address, so a second DNS answer cannot swap it (DNS rebinding), while
TLS (SNI, certificate) and the Host header still use the name.
settings.METRO_FETCH_ALLOW_PRIVATE (host names or networks) lets deliberately
internal hosts through, for staging and the test suite.

Every failure is a FetchError whose message completes a sentence about what was
fetched, for editors: f"the feed {error}".
"""

import http.client
import io
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

MAX_REDIRECTS = 5
READ_CHUNK = 64 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
# RFC 6052's NAT64 prefix: its last 32 bits are an IPv4 address.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(Exception):
    """Why a URL could not be fetched, in words an editor can act on."""


class FetchTimeout(FetchError):
    pass


class TooLarge(FetchError):
    pass


class BadStatus(FetchError):
    def __init__(self, status, reason):
        super().__init__(f"answered HTTP {status} {reason}".rstrip())
        self.status = status


class BadRedirect(FetchError):
    pass


class ForbiddenAddress(FetchError):
    """The URL leads to an address the server must not reach for an editor (SSRF)."""


@dataclass(frozen=True)
class Response:
    url: str  # After redirects.
    status: int  # 2xx, or 304 to a conditional request.
    headers: http.client.HTTPMessage
    body: bytes


def fetch(url, *, timeout, max_bytes, accept="*/*", headers=None, max_redirects=MAX_REDIRECTS):
    """GET `url` within `timeout` seconds overall and `max_bytes`; raise FetchError otherwise."""
    deadline = time.monotonic() + timeout
    request_headers = {"Accept": accept, **(headers or {})}
    seen = {url}
    for hop in range(max_redirects + 1):
        status, response_headers, body = _get(
            url, request_headers, deadline, timeout, max_bytes, redirected=hop > 0
        )
        if status not in REDIRECT_STATUSES:
            if not (200 <= status < 300 or status == 304):
                raise BadStatus(status, http.client.responses.get(status, ""))
            return Response(url=url, status=status, headers=response_headers, body=body)
        location = response_headers.get("Location", "").strip()
        if not location:
            raise BadRedirect(f"redirects ({status}) without saying where to")
        next_url = urljoin(url, location)
        if urlsplit(next_url).scheme not in {"http", "https"}:
            raise BadRedirect(f"redirects to a non-web address ({location[:80]})")
        if next_url in seen:
            raise BadRedirect(f"redirects in a loop ({status} to {next_url[:80]})")
        seen.add(next_url)
        url = next_url
    raise BadRedirect(f"redirects too often (more than {max_redirects} times)")


def _get(url, request_headers, deadline, timeout, max_bytes, *, redirected):
    """One exchange: (status, headers, body); the body is left unread for redirects."""
    parts = urlsplit(url)
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise FetchError(f"has an invalid address ({error})") from None
    if parts.scheme not in {"http", "https"} or not host:
        raise FetchError("is not an http or https address")
    https = parts.scheme == "https"
    port = port or (443 if https else 80)
    addresses = _resolve(host, port, deadline, timeout)
    refuse_internal(host, addresses, redirected=redirected)
    connection = _PinnedConnection(host, port, addresses, deadline, timeout, https=https)
    target = quote(
        (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe="/%?=&;:@!$'()*+,~"
    )
    try:
        connection.request("GET", target, headers=request_headers)
        response = connection.getresponse()
        connection.answered = True
        if response.status in REDIRECT_STATUSES or response.status == 304:
            return response.status, response.headers, b""
        return response.status, response.headers, _read_body(response, max_bytes)
    except FetchError:
        raise
    except TimeoutError:
        raise connection.timeout_error() from None
    except ssl.SSLError as error:
        raise FetchError(f"could not be reached securely ({error.reason or error})") from None
    except (OSError, ValueError, http.client.HTTPException) as error:
        raise FetchError(f"could not be read ({error or type(error).__name__})") from None
    finally:
        connection.close()
        if connection.raw_socket:
            connection.raw_socket.close()


def _read_body(response, max_bytes):
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"is too large ({int(declared):,} bytes)")
    body = bytearray()
    while chunk := response.read1(READ_CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise TooLarge(f"is larger than {max_bytes:,} bytes")
    return bytes(body)


def _remaining(deadline, timeout):
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchTimeout(f"did not answer within {timeout:g} s")
    return left


def refuse_internal(host, addresses, *, redirected=False):
    """Raise ForbiddenAddress unless every address `host` resolved to may be fetched."""
    names, networks = _allowances()
    if host.rstrip(".") in names:
        return
    for _family, sockaddr in addresses:
        address = ipaddress.ip_address(sockaddr[0].partition("%")[0])  # Without an IPv6 zone.
        reason = internal_reason(address)
        if reason and not any(
            candidate in network for candidate in _forms(address) for network in networks
        ):
            where = f"redirects to {host}" if redirected else f"leads to {host}"
            if str(address) != host:
                where += f" ({address})"
            raise ForbiddenAddress(
                f"{where}, {reason}: the server does not fetch internal addresses"
            )


def internal_reason(address):
    """Why `address` is not a public internet address (checked in every form it hides), or None."""
    for form in _forms(address):
        if form.is_unspecified:
            return "an unspecified address"
        if form.is_loopback:
            return "a loopback address"
        if form.is_link_local:
            return "a link-local address (where cloud metadata services answer)"
        if form.is_private:
            return "a private network address"
        if form.is_multicast or form.is_reserved or not form.is_global:
            return "not a public internet address"
    return None


def _forms(address):
    """The IPv4 addresses an IPv6 one carries (mapped, 6to4, Teredo, NAT64), then itself."""
    if address.version == 4:
        return [address]
    nat64 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in NAT64 else None
    embedded = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ()), nat64]
    return [*(form for form in embedded if form is not None), address]


def _allowances():
    """settings.METRO_FETCH_ALLOW_PRIVATE as (host names, networks)."""
    names, networks = set(), []
    for entry in settings.METRO_FETCH_ALLOW_PRIVATE:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            names.add(entry.strip().lower().rstrip("."))
    return names, networks


def _resolve(host, port, deadline, timeout):
    """Every (family, sockaddr) `host` resolves to, looked up once, within the deadline."""
    outcome = {}
    done = threading.Event()

    def look_up():
        try:
            outcome["addresses"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            outcome["error"] = error
        finally:
            done.set()

    # getaddrinfo cannot be given a timeout: a daemon thread keeps a slow resolver off the deadline.
    threading.Thread(target=look_up, name="metro-fetch-dns", daemon=True).start()
    if not done.wait(_remaining(deadline, timeout)):
        raise FetchTimeout(f"did not answer within {timeout:g} s (the name {host} did not resolve)")
    if "error" in outcome:
        raise FetchError(f"could not be reached (no address for {host})")
    return [(family, sockaddr) for family, _type, _proto, _name, sockaddr in outcome["addresses"]]


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to addresses already resolved (and checked), under one deadline."""

    def __init__(self, host, port, addresses, deadline, timeout, *, https):
        super().__init__(host, port)
        self.addresses, self.deadline, self.limit, self.https = addresses, deadline, timeout, https
        if https:
            self.default_port = 443  # The Host header leaves out the default port.

    raw_socket = None
    answered = False  # Whether the status line and headers have all arrived.

    def timeout_error(self):
        if self.answered:
            return FetchTimeout(f"took longer than {self.limit:g} s to download")
        return FetchTimeout(f"did not answer within {self.limit:g} s")

    def remaining(self):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.timeout_error()
        return left

    def connect(self):
        error = None
        for family, sockaddr in self.addresses:
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.settimeout(self.remaining())
                sock.connect(sockaddr)
                break
            except OSError as failure:
                sock.close()
                if isinstance(failure, TimeoutError):
                    raise self.timeout_error() from None
                error = failure
        else:
            raise FetchError(f"could not be reached ({error})")
        self.raw_socket = sock
        if self.https:
            sock.settimeout(self.remaining())  # Covers the whole TLS handshake.
            context = ssl.create_default_context()
            sock = self.raw_socket = context.wrap_socket(sock, server_hostname=self.host)
        self.sock = _DeadlineSocket(sock, self)


class _DeadlineSocket:
    """What http.client needs of a socket, with every send and read bounded by the deadline."""

    def __init__(self, sock, connection):
        self.sock, self.connection = sock, connection

    def sendall(self, data):
        self.sock.settimeout(self.connection.remaining())
        self.sock.sendall(data)

    def makefile(self, mode):
        return io.BufferedReader(_DeadlineReader(self))

    def close(self):
        pass  # http.client closes early, handing the socket to the response: _get closes it.


class _DeadlineReader(io.RawIOBase):
    def __init__(self, deadline_socket):
        self.deadline_socket = deadline_socket

    def readable(self):
        return True

    def readinto(self, buffer):
        connection = self.deadline_socket.connection
        sock = self.deadline_socket.sock
        sock.settimeout(connection.remaining())
        try:
            return sock.recv_into(buffer)
        except TimeoutError:
            raise connection.timeout_error() from None
