"""The issue's targets as the page benchmark checks them (bench/pages.py)."""

from types import SimpleNamespace

from bench.pages import checks


def figures(rps, p50=1.0, p99=3.0, x_floor=None, x_nginx=None):
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "x_floor": x_floor, "x_nginx": x_nginx}


def outcome(**extra):
    return {
        "summary": {
            "floor": figures(1000, x_floor=1.0),
            "nginx-static": figures(20_000, x_floor=20.0, x_nginx=1.0),
            "article/cold": figures(300, p99=40.0, x_floor=0.3),
            "article/warm": figures(900, x_floor=0.9),
            "search/warm": figures(700, x_floor=0.7),
            "search/cold": figures(100, p50=120.0, x_floor=0.1),
            "nginx-microcache": figures(12_000, x_nginx=0.6),
        },
        "queries": {"floor": 0, "article/cold": 7, "search/cold": 9, "article/warm": 0},
        "answers": {"nginx-microcache": {"headers": {"X-Cache-Status": "HIT"}}},
        **extra,
    }


def verdicts(result, sizes):
    return {
        item["check"].split(" (")[0]: item["passed"]
        for item in checks(result, SimpleNamespace(sizes=sizes))
    }


def test_each_target_is_judged_at_the_largest_size():
    memory = {"samples_mb": [[0, 70.0], [5000, 90.0], [10000, 91.0]], "growth_last_half_mb": 1.0}
    result = {"sizes": {"1000": {}, "100000": outcome(memory=memory)}}
    assert verdicts(result, [1000, 100000]) == {
        "article cold >= 0.2x floor": True,
        "article cold p99 < 50 ms": True,
        "article warm >= 0.8x floor": True,
        "every warm page >= 0.8x floor": False,
        "nginx micro-cache hits": True,
        "nginx micro-cache >= 0.5x nginx static": True,
        "search cold p50 < 100 ms": False,
        "<= 8 queries per page": False,
        "worker memory < 150 MB": True,
        "worker memory growth over the last half < 5 MB": True,
    }


def test_size_comparison_is_checked_when_there_is_one():
    comparison = {
        "article/cold": {"slower": True, "queries_differ": False},
        "tag/cold": {"slower": False, "queries_differ": True},
    }
    result = {"sizes": {"1000": outcome()}, "comparison": comparison}
    found = {item["check"]: item for item in checks(result, SimpleNamespace(sizes=[1000]))}
    assert found["no page > 20% slower at the largest size"]["value"] == "article/cold"
    assert found["same query counts at every size"]["value"] == "tag/cold"


def test_no_sizes_no_checks():
    assert checks({"sizes": {}}, SimpleNamespace(sizes=[1000])) == []


def test_the_article_ceiling_is_judged_against_the_uncached_article_target():
    low = outcome()
    low["summary"]["article-ceiling"] = figures(150, x_floor=0.15)
    high = outcome()
    high["summary"]["article-ceiling"] = figures(400, x_floor=0.4)

    judged = [
        verdicts({"sizes": {"100000": result}}, [100000])["article ceiling"]
        for result in (low, high)
    ]

    assert judged == [False, True]
