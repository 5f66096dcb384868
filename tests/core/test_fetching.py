"""core.fetching: one deadline for the whole exchange, against real servers on 127.0.0.1."""

import socket
import threading
import time

import pytest

from core import fetching
from tests.feed_server import FeedServer, hang, header_drip, trickle

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def timed(call):
    started = time.monotonic()
    try:
        call()
    except fetching.FetchError as error:
        return error, time.monotonic() - started
    raise AssertionError("the fetch should have failed")


def test_a_plain_get_returns_the_body_headers_and_final_address(server):
    server.add("/feed", FEED, headers={"ETag": '"v1"'})
    server.add("/moved", b"", status=301, headers={"Location": "/feed"})

    response = fetching.fetch(server.url("/moved"), timeout=2, max_bytes=10_000, accept="text/xml")

    assert (response.status, response.body, response.url) == (200, FEED, server.url("/feed"))
    assert response.headers["ETag"] == '"v1"'
    assert [path for path, _ in server.requests] == ["/moved", "/feed"]
    assert server.requests[0][1]["Accept"] == "text/xml"
    assert server.requests[0][1]["Host"] == server.origin.removeprefix("http://")


def test_a_server_dripping_header_lines_is_cut_off_at_the_deadline(server):
    # One header line a second: every single read is quick, only the whole exchange is slow.
    url = server.add("/drip", header_drip(1.0, lines=10, body=FEED))

    error, seconds = timed(lambda: fetching.fetch(url, timeout=2, max_bytes=10_000))

    assert isinstance(error, fetching.FetchTimeout)
    assert str(error) == "did not answer within 2 s"
    assert 1.9 <= seconds < 2.8


def test_a_body_trickling_in_is_cut_off_at_the_same_deadline(server):
    error, seconds = timed(
        lambda: fetching.fetch(server.add("/trickle", trickle), timeout=1, max_bytes=10_000)
    )

    assert str(error) == "took longer than 1 s to download"
    assert 0.9 <= seconds < 1.8


def test_a_server_that_never_answers_is_left_at_the_deadline(server):
    error, seconds = timed(
        lambda: fetching.fetch(server.add("/hang", hang), timeout=1, max_bytes=10_000)
    )

    assert str(error) == "did not answer within 1 s"
    assert seconds < 1.8


def test_a_slow_name_lookup_counts_against_the_deadline(monkeypatch):
    lookup_may_end = threading.Event()

    def slow_getaddrinfo(*args, **kwargs):
        lookup_may_end.wait(timeout=10)
        raise socket.gaierror("too late")

    monkeypatch.setattr(fetching.socket, "getaddrinfo", slow_getaddrinfo)
    try:
        error, seconds = timed(
            lambda: fetching.fetch("http://slow-dns.example/feed", timeout=1, max_bytes=10_000)
        )
    finally:
        lookup_may_end.set()

    assert isinstance(error, fetching.FetchTimeout) and "slow-dns.example" in str(error)
    assert seconds < 1.8


# Server-side request forgery: what an editor types must not reach the server's own network.

INTERNAL_ADDRESSES = {
    "IPv4 loopback": "http://127.0.0.1:{port}/feed",
    "loopback by name": "http://localhost:{port}/feed",
    "loopback, decimal": "http://2130706433:{port}/feed",
    "loopback, short hex": "http://0x7f.1:{port}/feed",
    "IPv6 loopback": "http://[::1]:{port}/feed",
    "IPv4-mapped loopback": "http://[::ffff:127.0.0.1]:{port}/feed",
    "6to4 loopback": "http://[2002:7f00:1::]:{port}/feed",
    "unspecified": "http://0.0.0.0:{port}/feed",
    "private 10/8": "http://10.0.0.1/feed",
    "private 172.16/12": "http://172.16.5.4/feed",
    "private 192.168/16": "https://192.168.1.1/feed",
    "shared address space": "http://100.100.100.200/latest/meta-data/",
    "IPv6 unique local": "http://[fd00:ec2::254]/latest/meta-data/",
    "link-local": "http://169.254.10.20/",
    "cloud metadata": "http://169.254.169.254/latest/meta-data/iam/",
    "metadata, IPv4-mapped": "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "metadata through NAT64": "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
    "IPv6 link-local": "http://[fe80::1]/",
    "multicast": "http://224.0.0.1/",
}


@pytest.mark.parametrize("case", INTERNAL_ADDRESSES, ids=list(INTERNAL_ADDRESSES))
def test_internal_addresses_are_refused_before_any_connection(server, settings, case):
    settings.METRO_FETCH_ALLOW_PRIVATE = []
    server.add("/feed", FEED)
    url = INTERNAL_ADDRESSES[case].format(port=server.httpd.server_address[1])

    with pytest.raises(fetching.ForbiddenAddress) as refused:
        fetching.fetch(url, timeout=2, max_bytes=10_000)

    assert str(refused.value).endswith("the server does not fetch internal addresses")
    assert server.requests == []


def fake_dns(monkeypatch, answers):
    """Resolve names from `answers` (name -> list of addresses, used in turn); count lookups."""
    lookups = []

    def getaddrinfo(host, port, *args, **kwargs):
        lookups.append(host)
        addresses = answers[host]
        address = addresses[min(lookups.count(host), len(addresses)) - 1]
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(fetching.socket, "getaddrinfo", getaddrinfo)
    return lookups


def test_a_name_is_checked_by_the_addresses_it_resolves_to(monkeypatch, settings):
    settings.METRO_FETCH_ALLOW_PRIVATE = []
    fake_dns(monkeypatch, {"intranet.metro.example": ["10.1.2.3"]})

    with pytest.raises(fetching.ForbiddenAddress) as refused:
        fetching.fetch("https://intranet.metro.example/feed", timeout=2, max_bytes=10_000)

    assert str(refused.value) == (
        "leads to intranet.metro.example (10.1.2.3), a private network address: "
        "the server does not fetch internal addresses"
    )


def test_one_internal_address_among_public_ones_is_enough_to_refuse(monkeypatch, settings):
    settings.METRO_FETCH_ALLOW_PRIVATE = []

    def getaddrinfo(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
            for address in ("93.184.216.34", "169.254.169.254")
        ]

    monkeypatch.setattr(fetching.socket, "getaddrinfo", getaddrinfo)

    with pytest.raises(fetching.ForbiddenAddress, match="169.254.169.254"):
        fetching.fetch("http://mixed.example/feed", timeout=2, max_bytes=10_000)


@pytest.mark.parametrize(
    "target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/"]
)
def test_a_redirect_to_an_internal_address_is_refused(server, target):
    # 127.0.0.1 is allowed (tests/settings.py), so the first hop is fetched; the next one is not.
    url = server.add("/moved", b"", status=302, headers={"Location": target})

    with pytest.raises(fetching.ForbiddenAddress) as refused:
        fetching.fetch(url, timeout=2, max_bytes=10_000)

    assert str(refused.value).startswith("redirects to ")
    assert [path for path, _ in server.requests] == ["/moved"]


def test_the_connection_goes_to_the_checked_address_with_the_name_in_the_host_header(
    server, monkeypatch
):
    # A rebinding name: a harmless address first, an internal one on any second lookup.
    lookups = fake_dns(monkeypatch, {"rebind.metro.example": ["127.0.0.1", "10.9.9.9"]})
    port = server.httpd.server_address[1]
    server.add("/feed", FEED)

    response = fetching.fetch(
        f"http://rebind.metro.example:{port}/feed", timeout=2, max_bytes=10_000
    )

    assert response.body == FEED
    assert lookups == ["rebind.metro.example"]
    assert server.requests[0][1]["Host"] == f"rebind.metro.example:{port}"


def test_allowed_host_names_and_networks_let_internal_addresses_through(
    server, monkeypatch, settings
):
    fake_dns(monkeypatch, {"feeds.staging.internal": ["127.0.0.1"]})
    port = server.httpd.server_address[1]
    server.add("/feed", FEED)
    by_name = f"http://feeds.staging.internal:{port}/feed"

    settings.METRO_FETCH_ALLOW_PRIVATE = ["feeds.staging.internal"]
    assert fetching.fetch(by_name, timeout=2, max_bytes=10_000).body == FEED
    settings.METRO_FETCH_ALLOW_PRIVATE = ["127.0.0.0/8"]
    assert fetching.fetch(by_name, timeout=2, max_bytes=10_000).body == FEED
    settings.METRO_FETCH_ALLOW_PRIVATE = ["other.internal", "10.0.0.0/8"]
    with pytest.raises(fetching.ForbiddenAddress):
        fetching.fetch(by_name, timeout=2, max_bytes=10_000)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://x/"])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(fetching.FetchError, match="is not an http or https address"):
        fetching.fetch(url, timeout=2, max_bytes=10_000)


def test_a_unicode_host_name_and_path_are_sent_in_their_ascii_forms(server, monkeypatch):
    lookups = fake_dns(monkeypatch, {"東京.example": ["127.0.0.1"]})
    port = server.httpd.server_address[1]
    server.add("/Am%C3%A9lie", FEED)

    response = fetching.fetch(f"http://東京.example:{port}/Amélie", timeout=2, max_bytes=10_000)

    assert response.body == FEED
    assert lookups == ["東京.example"]
    [(path, headers)] = server.requests
    assert (path, headers["Host"]) == ("/Am%C3%A9lie", f"xn--1lqs71d.example:{port}")
