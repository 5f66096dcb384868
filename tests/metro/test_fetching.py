"""metro.fetching: one deadline for the whole exchange, against real servers on 127.0.0.1."""

import socket
import threading
import time

import pytest

from metro import fetching
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
