"""What the drills print: banners, tables, log counts, verdicts and the summary."""

import textwrap

from bench.report import table as text_table


def banner(title):
    print(f"\n== {title}")


def table(header, rows):
    """Print bench.report's plain table, indented, with missing figures left blank."""
    text = text_table(header, [["" if value is None else value for value in row] for row in rows])
    print(textwrap.indent(text, "  "))


def statuses_text(statuses):
    return ", ".join(f"{status}: {count}" for status, count in statuses.items()) or "-"


def phase_table(rows):
    table(
        [
            "phase",
            "seconds",
            "requests",
            "req/s",
            "errors",
            "5xx",
            "p50 ms",
            "p99 ms",
            "max ms",
            "statuses",
        ],
        [
            [
                label,
                f"{s['seconds']:.1f}",
                s["requests"],
                s["per_second"],
                s["errors"],
                s["5xx"],
                s["p50_ms"],
                s["p99_ms"],
                s["max_ms"],
                statuses_text(s["statuses"]),
            ]
            for label, s in rows
        ],
    )


def print_log_figures(name, figures):
    print(
        f"  instance {name} log: {figures['lines']} JSON lines; "
        f"workers booted meanwhile: {figures['worker_boots']}"
    )
    for message, count in figures["noted"].items():
        print(f"    {count:6d} x {message}")
    for exception, count in figures["exceptions"].items():
        print(f"    {count:6d} x traceback ending: {exception}")
    for line in figures["gunicorn_errors"]:
        print(f"    gunicorn: {line}")


def yes(value):
    return "yes" if value else "NO"


def fmt_seconds(moment, since):
    return "never" if moment is None else f"{moment - since:.3f} s"


def fmt_ms(seconds):
    return "never" if seconds is None else f"{seconds * 1000:.0f} ms"


def report_failures(failures):
    print("  result: " + ("PASS" if not failures else "FAIL"))
    for failure in failures:
        print(f"    - {failure}")


def print_summary(report):
    banner("Summary")
    drills = report["drills"]
    if "redis" in drills and "overall" in drills["redis"]:
        r = drills["redis"]
        print(
            f"  redis:    {verdict(r)}  {r['overall']['requests']} requests, "
            f"{r['overall']['errors']} errors ({r['overall']['5xx']} 5xx) with Redis down "
            f"{r['redis_down_s']} s; cached again {r['cache_resumed_after_s']} s after it "
            "returned"
        )
    if "postgres" in drills and "overall" in drills["postgres"]:
        p = drills["postgres"]
        print(
            f"  postgres: {verdict(p)}  {p['overall']['requests']} requests; in the gap "
            f"{statuses_text(p['gap']['statuses'])} ({p['gap_503_pages']} of "
            f"{p['gap_needing_database']} that needed the database got the 503 page, "
            f"{p['gap_cached_200']} cached 200); not 200/503 page: {p['disallowed']}; "
            f"A served 200 again {p['recovery_s']} s after PostgreSQL returned; "
            f"masters unchanged: {yes(p['masters_unchanged'])}"
        )
    if "scale" in drills and "load" in drills["scale"]:
        s = drills["scale"]
        load = ", ".join(
            f"{name} {figures['requests']} requests / {figures['errors']} errors"
            for name, figures in s["load"].items()
        )
        print(
            f"  scale:    {verdict(s)}  sessions shared: {yes(s['sessions_shared'])}; "
            f"published story on B after {s['publish']['visible_on_b_ms']} ms "
            f"(first request: {yes(s['publish']['first_request'])}); sister-link title on B "
            f"after {s['sister_link']['visible_on_b_ms']} ms (first request: "
            f"{yes(s['sister_link']['first_request'])}); load {load}"
        )
    if "error" in report:
        print(f"  could not run: {report['error']}")
    print("  ALL DRILLS PASSED" if report.get("passed") else "  DRILLS FAILED")


def verdict(result):
    return "PASS" if result["passed"] else "FAIL"
