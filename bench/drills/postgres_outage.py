"""The PostgreSQL drill: the database stops under load on A; 503 pages in the gap, then recovery."""

import contextlib
import subprocess
import threading
import time
from collections import Counter

from bench.drills import DrillError
from bench.drills.client import fetch
from bench.drills.figures import log_figures, phases, summarize
from bench.drills.load import Load
from bench.drills.report import (
    fmt_seconds,
    phase_table,
    print_log_figures,
    report_failures,
    statuses_text,
    yes,
)
from bench.drills.timeline import AFTER, FAULT_AT, PG_GAP, RECOVERY_LIMIT, sleep_until, wait_until
from bench.private_services import ServiceUnavailable

# A page no cache can hold: every request searches for a word never asked before
# ({n} is the load generator's request number), so it needs the database.
UNCACHED_PATH = "/search/?q=outage+{n}"


def drill_postgres(context):
    """PostgreSQL stops under load on A: 503 pages in the gap, and A recovers by itself."""
    a, b, services = context.a, context.b, context.services
    failures = []
    masters = {a.name: a.pid, b.name: b.pid}
    marks = {instance.name: instance.log_mark() for instance in (a, b)}
    hard_limit = FAULT_AT + 15 + PG_GAP + RECOVERY_LIMIT + AFTER
    load = Load(
        {"A": a.port},
        [*context.paths, UNCACHED_PATH],
        context.args.threads,
        max(context.args.seconds, hard_limit),
        context.args.max_requests,
    ).start()
    sleep_until(load.started + FAULT_AT)
    stopped_at = time.monotonic()
    services.postgres.stop()
    down_at = time.monotonic()
    sleep_until(down_at + PG_GAP)
    start_at = time.monotonic()
    starter = threading.Thread(target=start_quietly, args=(services.postgres,), daemon=True)
    starter.start()
    back_at = wait_until(services.postgres_accepting, 60.0, 0.02)
    starter.join(timeout=60)
    if back_at is None:
        raise DrillError("PostgreSQL did not come back within 60 s")
    recovered = wait_until(
        lambda: load.last_uncached_ok_end["A"] > back_at, RECOVERY_LIMIT + 1, 0.02
    )
    sleep_until(max(load.started + context.args.seconds, (recovered or back_at) + AFTER))
    load.stop()
    hits = load.hits

    # B was idle: its very next request that needs the database.
    b_first = fetch(b.port, UNCACHED_PATH.format(n="b"))
    health = {instance.name: fetch(instance.port, "/healthz").status for instance in (a, b)}
    same_masters = all(
        instance.running() and instance.pid == masters[instance.name] for instance in (a, b)
    )

    # Cached pages answer 200 all through the gap: recovery is the first 200 of a
    # page that needed the database.
    first_ok = min(
        (hit for hit in hits if hit.uncached and hit.status == 200 and hit.start >= down_at),
        key=lambda hit: hit.end,
        default=None,
    )
    recovery = None if first_ok is None else first_ok.end - back_at
    gap_end = first_ok.end if first_ok else load.ended
    gap_hits = [hit for hit in hits if stopped_at <= hit.end < gap_end]
    rows = phases(
        hits,
        [
            ("before", load.started),
            ("gap", stopped_at),
            ("after", gap_end),
            ("end", load.ended),
        ],
    )
    overall = summarize(hits, load.ended - load.started)
    gap = summarize(gap_hits)
    logs = {instance.name: log_figures(instance, marks[instance.name]) for instance in (a, b)}
    disallowed = [
        hit for hit in hits if hit.kind not in {"ok", "503 page"} or hit.status not in {200, 503}
    ]
    gap_uncached = [hit for hit in gap_hits if hit.uncached]
    gap_cached = [hit for hit in gap_hits if not hit.uncached]
    unavailable = sum(1 for hit in gap_uncached if hit.kind == "503 page")
    cached_ok = sum(1 for hit in gap_cached if hit.status == 200)
    uncached_before = [hit for hit in hits if hit.uncached and hit.end < stopped_at]

    print(
        f"  PostgreSQL stopped {stopped_at - load.started:.1f} s into the load (stop took "
        f"{down_at - stopped_at:.2f} s), started again after {start_at - down_at:.1f} s down, "
        f"accepting connections {back_at - start_at:.2f} s later "
        f"(unavailable {back_at - stopped_at:.2f} s in all)"
    )
    phase_table([*rows, ("all", overall)])
    print(
        f"  in the gap: {statuses_text(gap['statuses'])}; other than 200 or the 503 page: "
        f"{len(disallowed)}"
    )
    print(
        f"    pages that need the database ({UNCACHED_PATH}): {len(gap_uncached)} requests, "
        f"{unavailable} got the 503 page with Retry-After "
        f"(before the gap: {sum(hit.status == 200 for hit in uncached_before)} of "
        f"{len(uncached_before)} answered 200)"
    )
    print(f"    cached pages: {len(gap_cached)} requests, {cached_ok} answered 200 from the cache")
    print(
        f"  first 200 from A for a page that needs the database "
        f"{fmt_seconds(first_ok and first_ok.end, back_at)} after PostgreSQL accepted "
        f"connections (limit {RECOVERY_LIMIT:g} s)"
    )
    print(
        f"  B's first request afterwards (a page that needs the database): {b_first.status}; "
        f"/healthz: A {health['A']}, B {health['B']}"
    )
    print(
        f"  gunicorn masters unchanged (no restart): {yes(same_masters)} "
        f"(A {masters['A']} -> {a.pid if a.running() else 'gone'}, "
        f"B {masters['B']} -> {b.pid if b.running() else 'gone'})"
    )
    for name, figures in logs.items():
        print_log_figures(name, figures)

    if disallowed:
        kinds = Counter(f"{hit.status} {hit.kind}" for hit in disallowed)
        failures.append(f"{len(disallowed)} responses were not 200 or the 503 page: {dict(kinds)}")
    if not unavailable:
        failures.append("no request in the gap reached the database and got the 503 page")
    if recovery is None or recovery > RECOVERY_LIMIT:
        failures.append(f"A did not serve a 200 within {RECOVERY_LIMIT:g} s of the database")
    if not same_masters:
        failures.append("a gunicorn master restarted or exited")
    if b_first.status != 200:
        failures.append(f"B's first request after the restart answered {b_first.status}")
    if set(health.values()) != {200}:
        failures.append(f"/healthz after the drill: {health}")
    report_failures(failures)
    return {
        "passed": not failures,
        "failures": failures,
        "postgres_stopped_after_s": round(stopped_at - load.started, 2),
        "postgres_unavailable_s": round(back_at - stopped_at, 2),
        "recovery_s": None if recovery is None else round(recovery, 3),
        "phases": dict(rows),
        "gap": gap,
        "gap_needing_database": len(gap_uncached),
        "gap_503_pages": unavailable,
        "gap_cached_200": cached_ok,
        "overall": overall,
        "disallowed": len(disallowed),
        "bad_samples": [
            {"path": h.path, "status": h.status, "kind": h.kind} for h in disallowed[:3]
        ],
        "b_first_status": b_first.status,
        "healthz": health,
        "masters_unchanged": same_masters,
        "log": logs,
    }


def start_quietly(server):
    with contextlib.suppress(ServiceUnavailable, subprocess.SubprocessError):
        server.start()
