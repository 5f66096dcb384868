"""Medians, same-round ratios and size comparisons of the page benchmark (bench/report.py)."""

import pytest

from bench.report import compare_sizes, summarize, table


def run(rps, p50=1.0, errors=0):
    return {
        "requests": int(rps * 5),
        "rps": rps,
        "p50_ms": p50,
        "p99_ms": p50 * 3,
        "errors": errors,
        "wire_bytes_per_response": 1000,
    }


def test_ratios_are_taken_within_a_round_then_medianed():
    # The machine got twice as fast in round 2: per-round ratios stay 0.5.
    rounds = [
        {"floor": run(1000), "nginx-static": run(10_000), "article/cold": run(500)},
        {"floor": run(2000), "nginx-static": run(20_000), "article/cold": run(1000)},
        {"floor": run(1500), "nginx-static": run(15_000), "article/cold": run(750, errors=2)},
    ]
    summary = summarize(rounds)
    article = summary["article/cold"]
    assert article["rps"] == 750
    assert article["x_floor"] == pytest.approx(0.5)
    assert article["x_nginx"] == pytest.approx(0.05)
    assert article["errors"] == 2
    assert article["rounds"] == 3
    assert summary["floor"]["x_floor"] == pytest.approx(1.0)


def test_a_round_without_its_floor_gives_no_ratio():
    summary = summarize([{"article/cold": run(500)}])
    assert summary["article/cold"]["x_floor"] is None
    assert summary["article/cold"]["rps"] == 500


def test_compare_sizes_flags_slower_pages_and_changed_query_counts():
    small = summarize([{"home/cold": run(1000), "tag/cold": run(1000), "search/cold": run(50, 20)}])
    large = summarize([{"home/cold": run(900), "tag/cold": run(700), "search/cold": run(5, 150)}])
    rows = compare_sizes(
        small,
        large,
        {"home/cold": 5, "tag/cold": 5, "search/cold": 4},
        {"home/cold": 5, "tag/cold": 6, "search/cold": 4},
    )
    assert rows["home/cold"]["rps_ratio"] == pytest.approx(0.9)
    assert rows["home/cold"]["x_floor_ratio"] is None
    assert not rows["home/cold"]["slower"]
    assert rows["tag/cold"]["slower"]
    assert rows["tag/cold"]["queries_differ"]
    assert rows["tag/cold"]["queries"] == [5, 6]
    # Search is judged by its p50 at the large size alone.
    assert rows["search/cold"]["slower"]
    assert rows["search/cold"]["p50_ratio"] == pytest.approx(7.5)


def test_compare_sizes_judges_against_the_floor_when_the_machine_slowed_down():
    # The whole machine was half as fast during the large run: the page kept its ratio.
    small = summarize([{"floor": run(2000), "article/cold": run(1000)}])
    large = summarize([{"floor": run(1000), "article/cold": run(500)}])
    row = compare_sizes(small, large, {}, {})["article/cold"]
    assert row["rps_ratio"] == pytest.approx(0.5)
    assert row["x_floor_ratio"] == pytest.approx(1.0)
    assert not row["slower"]


def test_floor_and_nginx_rows_are_not_judged():
    small = summarize([{"nginx-static": run(20_000)}])
    large = summarize([{"nginx-static": run(5_000)}])
    assert not compare_sizes(small, large, {}, {})["nginx-static"]["slower"]


def test_search_under_the_p50_limit_is_not_flagged_however_it_scales():
    small = summarize([{"search/cold": run(1000, 5)}])
    large = summarize([{"search/cold": run(200, 40)}])
    assert not compare_sizes(small, large, {}, {})["search/cold"]["slower"]


def test_table_aligns_columns():
    text = table(["target", "req/s"], [["floor", "1,000"], ["article/cold", "12"]])
    lines = text.splitlines()
    assert lines[0] == "target        req/s"
    assert lines[2] == "floor         1,000"
    assert lines[3] == "article/cold     12"
