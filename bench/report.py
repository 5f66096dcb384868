"""Figures from the rounds: medians, ratios to the floor and to nginx, size comparisons, tables."""

import statistics

FLOOR = "floor"
NGINX_STATIC = "nginx-static"
# A page may cost at most this much more per request at the largest size than at the smallest.
SLOWDOWN_LIMIT = 1.20
SEARCH_P50_LIMIT_MS = 100.0


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def summarize(rounds):
    """Per target, the median over rounds of each figure and of its same-round ratios.

    `rounds` is a list of {target: wrk figures}; errors are summed over rounds.
    """
    targets = list(dict.fromkeys(target for figures in rounds for target in figures))
    summary = {}
    for target in targets:
        runs = [figures[target] for figures in rounds if target in figures]
        summary[target] = {
            "rps": median([run["rps"] for run in runs]),
            "p50_ms": median([run["p50_ms"] for run in runs]),
            "p99_ms": median([run["p99_ms"] for run in runs]),
            "errors": sum(run["errors"] for run in runs),
            "requests": sum(run["requests"] for run in runs),
            "wire_bytes_per_response": median([run["wire_bytes_per_response"] for run in runs]),
            "x_floor": median(
                [
                    ratio(f[target]["rps"], f.get(FLOOR, {}).get("rps"))
                    for f in rounds
                    if target in f
                ]
            ),
            "x_nginx": median(
                [
                    ratio(f[target]["rps"], f.get(NGINX_STATIC, {}).get("rps"))
                    for f in rounds
                    if target in f
                ]
            ),
            "rounds": len(runs),
        }
    return summary


def compare_sizes(small, large, queries_small, queries_large):
    """Per target measured at both sizes: how much slower the large archive is, and a flag.

    The sizes are measured minutes apart, so the machine's load may differ: the
    slowdown is judged on req/s relative to the floor (`x_floor`) when there is
    one, else on raw req/s. A page ("kind/mode") is flagged when a request costs
    more than SLOWDOWN_LIMIT times as much at the large size; search instead
    when its p50 there reaches SEARCH_P50_LIMIT_MS. Query counts must be equal.
    """
    rows = {}
    for target, figures in large.items():
        if target not in small:
            continue
        rps_ratio = ratio(figures["rps"], small[target]["rps"])
        x_floor_ratio = ratio(figures["x_floor"], small[target]["x_floor"])
        p50_ratio = ratio(figures["p50_ms"], small[target]["p50_ms"])
        judged = x_floor_ratio if x_floor_ratio is not None else rps_ratio
        q_small, q_large = queries_small.get(target), queries_large.get(target)
        if "/" not in target:  # the floor and nginx: not pages, not judged
            slow = False
        elif target.startswith("search/"):
            slow = figures["p50_ms"] is None or figures["p50_ms"] >= SEARCH_P50_LIMIT_MS
        else:
            slow = judged is None or judged < 1 / SLOWDOWN_LIMIT
        rows[target] = {
            "rps_ratio": rps_ratio,
            "x_floor_ratio": x_floor_ratio,
            "p50_ratio": p50_ratio,
            "queries": [q_small, q_large],
            "slower": slow,
            "queries_differ": q_small != q_large,
        }
    return rows


def number(value, digits=0):
    if value is None:
        return "-"
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def table(headers, rows, align=None):
    """A plain text table; columns right-aligned except the first."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(str(h)), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    align = align or ["<"] + [">"] * (len(headers) - 1)

    def line(row):
        return "  ".join(f"{cell:{a}{w}}" for cell, a, w in zip(row, align, widths, strict=True))

    return "\n".join(
        [line(headers), line(["-" * w for w in widths]), *(line(row) for row in cells)]
    )
