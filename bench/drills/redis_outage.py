"""The Redis drill: Redis stops under load on A; pages keep coming and caching resumes."""

import time

from bench.drills import DrillError
from bench.drills.client import fetch
from bench.drills.figures import bad_hits_sample, log_figures, phases, summarize
from bench.drills.load import Load
from bench.drills.report import fmt_seconds, phase_table, print_log_figures, report_failures, yes
from bench.drills.timeline import (
    AFTER,
    CACHE_RESUME_LIMIT,
    FAULT_AT,
    REDIS_OUTAGE,
    sleep_until,
    wait_until,
)
from bench.private_services import ServiceUnavailable


def drill_redis(context):
    """Redis stops under load on A: no 5xx, and caching resumes when it returns."""
    a, services = context.a, context.services
    failures = []
    cached_before = services.block_key_cached()
    mark = a.log_mark()
    load = Load(
        {"A": a.port},
        context.paths,
        context.args.threads,
        context.args.seconds + 30,
        context.args.max_requests,
    ).start()
    sleep_until(load.started + FAULT_AT)
    stopped_at = time.monotonic()
    services.redis.stop()
    down_at = time.monotonic()
    sleep_until(stopped_at + REDIS_OUTAGE)
    restart_at = time.monotonic()
    try:
        services.redis.start()
    except ServiceUnavailable as error:
        raise DrillError(f"Redis would not start again: {error}") from error
    back_at = time.monotonic()
    resumed_at = wait_until(services.block_key_cached, CACHE_RESUME_LIMIT, 0.05)
    sleep_until(max(load.started + context.args.seconds, back_at + AFTER))
    load.stop()
    hits = load.hits

    # After the load: two pages on A, and the block must be in Redis.
    pages = [fetch(a.port, "/").status for _ in range(2)]
    cached_after = services.block_key_cached()

    rows = phases(
        hits,
        [
            ("before", load.started),
            ("Redis down", stopped_at),
            ("after", back_at),
            ("end", load.ended),
        ],
    )
    overall = summarize(hits, load.ended - load.started)
    logs = log_figures(a, mark)

    print(
        f"  Redis stopped {stopped_at - load.started:.1f} s into the load "
        f"(SIGTERM, stopped in {down_at - stopped_at:.2f} s), restarted after "
        f"{restart_at - stopped_at:.1f} s, answering PING {back_at - restart_at:.2f} s later"
    )
    phase_table([*rows, ("all", overall)])
    print(
        f"  block cached in Redis before the drill: {yes(cached_before)}; "
        f"cached again {fmt_seconds(resumed_at, back_at)} after Redis returned"
    )
    print(f"  after the load: GET / on A twice -> {pages}; block key in Redis: {yes(cached_after)}")
    print_log_figures("A", logs)

    if overall["5xx"]:
        failures.append(f"{overall['5xx']} responses were 5xx while Redis was away")
    if overall["no_answer"]:
        failures.append(f"{overall['no_answer']} requests got no answer")
    if overall["error_pages"]:
        failures.append(f"{overall['error_pages']} responses were error pages")
    if resumed_at is None or not cached_after:
        failures.append("caching did not resume: the block is not in Redis after it returned")
    if pages != [200, 200]:
        failures.append(f"home page on A after the drill answered {pages}")
    report_failures(failures)
    return {
        "passed": not failures,
        "failures": failures,
        "redis_stopped_after_s": round(stopped_at - load.started, 2),
        "redis_down_s": round(back_at - stopped_at, 2),
        "phases": dict(rows),
        "overall": overall,
        "cache_resumed_after_s": None if resumed_at is None else round(resumed_at - back_at, 2),
        "block_cached_after": cached_after,
        "home_after": pages,
        "bad_samples": bad_hits_sample(hits),
        "log": logs,
    }
