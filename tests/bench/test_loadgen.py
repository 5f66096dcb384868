"""The page benchmark reads wrk's output and memory samples correctly (bench/loadgen.py)."""

import pytest

from bench.loadgen import half_growth, milliseconds, parse_wrk

CLEAN = """\
Running 5s test @ http://127.0.0.1:8434/article
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   610.57us    1.11ms  20.03ms   94.69%
    Req/Sec    13.27k     2.03k   16.07k    70.00%
  Latency Distribution
     50%  340.00us
     75%  530.00us
     90%    1.00ms
     99%    5.09ms
  131785 requests in 5.00s, 3.32GB read
Requests/sec:  26357.00
Transfer/sec:    679.34MB
"""

WITH_ERRORS = """\
Running 5s test @ http://127.0.0.1:8430/search/?q=review
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   766.80ms  120.00ms   1.95s    80.00%
    Req/Sec    10.00      5.00     20.00     70.00%
  Latency Distribution
     50%  766.80ms
     75%  800.00ms
     90%  900.00ms
     99%    1.95s
  104 requests in 5.01s, 3.22MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:     20.76
Transfer/sec:    658.12KB
"""

NOTHING_DONE = """\
Running 1s test @ http://127.0.0.1:8430/sitemap-articles.xml
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     0.00      0.00     0.00      -nan%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  0 requests in 1.00s, 1.20MB read
Requests/sec:      0.00
Transfer/sec:      1.19MB
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("340.00us", 0.34), ("5.09ms", 5.09), ("1.95s", 1950.0), ("1.50m", 90_000.0)],
)
def test_milliseconds(text, expected):
    assert milliseconds(text) == pytest.approx(expected)


def test_milliseconds_refuses_other_text():
    with pytest.raises(ValueError):
        milliseconds("fast")


def test_clean_run():
    figures = parse_wrk(CLEAN)
    assert figures["requests"] == 131785
    assert figures["seconds"] == pytest.approx(5.0)
    assert figures["rps"] == pytest.approx(26357.0)
    assert figures["p50_ms"] == pytest.approx(0.34)
    assert figures["p99_ms"] == pytest.approx(5.09)
    assert figures["errors"] == 0
    assert figures["wire_bytes_per_response"] == round(3.32 * 1024**3 / 131785)


def test_errors_add_socket_errors_and_bad_statuses():
    figures = parse_wrk(WITH_ERRORS)
    assert figures["errors"] == 9
    assert figures["error_detail"] == {
        "non_2xx_3xx": 4,
        "connect": 0,
        "read": 2,
        "write": 0,
        "timeout": 3,
    }
    assert figures["p99_ms"] == pytest.approx(1950.0)
    assert figures["wire_bytes_per_response"] == round(3.22 * 1024**2 / 104)


def test_a_run_that_finished_nothing_has_no_latency():
    figures = parse_wrk(NOTHING_DONE)
    assert figures["requests"] == 0
    assert figures["rps"] == 0
    assert figures["p50_ms"] is None
    assert figures["p99_ms"] is None
    assert figures["wire_bytes_per_response"] is None


def test_output_without_a_summary_is_an_error():
    with pytest.raises(ValueError):
        parse_wrk("unable to connect to 127.0.0.1:8430 Connection refused\n")


def test_half_growth_compares_the_end_with_the_middle():
    samples = [(0, 70.0), (2000, 84.0), (4000, 85.0), (6000, 86.0), (8000, 86.5), (10000, 88.0)]
    assert half_growth(samples) == pytest.approx(88.0 - 85.0)


def test_half_growth_without_samples():
    assert half_growth([]) is None
