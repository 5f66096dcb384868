"""The command line: which drills to run, and running them with everything stopped after."""

import argparse
import contextlib
import fcntl
import html
import json
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import bench.drills
from bench.drills import DrillError
from bench.drills.client import Browser, fetch, form_fields
from bench.drills.figures import bad_hits_sample, log_figures, phases, summarize
from bench.drills.load import Load
from bench.drills.report import (
    banner,
    fmt_ms,
    fmt_seconds,
    phase_table,
    print_log_figures,
    print_summary,
    report_failures,
    statuses_text,
    table,
    yes,
)
from bench.drills.services import Services, environment
from bench.drills.set_up import EDITOR_USERNAME, set_up
from bench.drills.timeline import (
    AFTER,
    CACHE_RESUME_LIMIT,
    CHANGE_LIMIT,
    FAULT_AT,
    PG_GAP,
    RECOVERY_LIMIT,
    REDIS_OUTAGE,
    sleep_until,
    wait_until,
)
from bench.private_services import ServiceUnavailable

# One run at a time: runs would share the gunicorn ports.
LOCK_PATH = Path(tempfile.gettempdir()) / "metro-drills.lock"
# A page no cache can hold: every request searches for a word never asked before
# ({n} is the load generator's request number), so it needs the database.
UNCACHED_PATH = "/search/?q=outage+{n}"


def main(argv=None):
    args = parse_args(argv)
    # Progress shows as it happens under make and CI too.
    sys.stdout.reconfigure(line_buffering=True)
    # SIGTERM (a CI timeout) unwinds like Ctrl-C: instances and private servers stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    lock = LOCK_PATH.open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"Another drills run holds {LOCK_PATH}; try again when it is done.", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="metro-drills-"))
    report = {"environment": {}, "options": options(args), "setup": {}, "drills": {}}
    instances = []
    services = Services()
    ok = False
    exit_code = 2
    try:
        services.start()
        report["environment"] = environment(services)
        context = set_up(args, workdir, report, instances, services)
        for name in args.drills:
            banner(DRILL_TITLES[name])
            try:
                report["drills"][name] = DRILLS[name](context)
            finally:
                Load.stop_all()
                services.start()  # Whichever a drill left stopped, if it raised.
        ok = all(result["passed"] for result in report["drills"].values())
        exit_code = 0 if ok else 1
    except DrillError as error:
        print(f"\nDRILLS COULD NOT RUN: {error}", file=sys.stderr)
        report["error"] = str(error)
    finally:
        for instance in instances:
            instance.stop()
        if not ok and instances:
            with contextlib.suppress(OSError):
                shutil.copy(services.postgres.log_path, workdir)
        services.close()
        if not ok and instances:
            print(f"\nKept for a look: the gunicorn and PostgreSQL logs under {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    report["passed"] = ok
    print_summary(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"\nFigures written to {args.json}")
    return exit_code


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.drills", description=bench.drills.__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--drill",
        choices=["redis", "postgres", "scale", "all"],
        default="all",
        help="which drill to run (default all: redis, postgres, then scale)",
    )
    parser.add_argument(
        "--seconds",
        type=float,
        default=8.0,
        help="load per drill in seconds (default 8; the postgres drill goes on "
        f"until {AFTER:g} s after A recovers)",
    )
    parser.add_argument("--port-a", type=int, default=8411, help="instance A (default 8411)")
    parser.add_argument("--port-b", type=int, default=8412, help="instance B (default 8412)")
    parser.add_argument("--threads", type=int, default=8, help="load generator threads (default 8)")
    parser.add_argument(
        "--max-requests",
        type=int,
        default=100_000,
        help="at most this many requests per drill's load (default 100000)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    args = parser.parse_args(argv)
    if args.seconds < FAULT_AT + REDIS_OUTAGE + 1:
        parser.error(f"--seconds must be at least {FAULT_AT + REDIS_OUTAGE + 1:g}")
    if args.port_a == args.port_b:
        parser.error("--port-a and --port-b must differ")
    if args.threads < 1 or args.max_requests < 1:
        parser.error("--threads and --max-requests must be at least 1")
    args.drills = ["redis", "postgres", "scale"] if args.drill == "all" else [args.drill]
    return args


def options(args):
    return {
        "drills": args.drills,
        "seconds": args.seconds,
        "port_a": args.port_a,
        "port_b": args.port_b,
        "threads": args.threads,
        "max_requests": args.max_requests,
    }


# Drills ------------------------------------------------------------------------


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


def drill_scale(context):
    """A and B share PostgreSQL and Redis: a session and edits on A are B's at once."""
    a, b = context.a, context.b
    draft, link = context.facts["draft"], context.facts["link"]
    if not draft or not link:
        raise DrillError("the demo data has no draft story or no visible sister link")
    failures = []
    marks = {instance.name: instance.log_mark() for instance in (a, b)}
    load = Load(
        {"A": a.port, "B": b.port},
        context.paths,
        context.args.threads,
        context.args.seconds,
        context.args.max_requests,
    ).start()

    # The editor logs in on A; B gets the same cookies.
    editor = Browser(a.port)
    page = editor.get("/admin/login/?next=/admin/")
    fields = dict(form_fields(page, "login-form"))
    fields.update(username=EDITOR_USERNAME, password=context.password)
    login = editor.post("/admin/login/?next=/admin/", fields)
    logged_in = login.status == 302 and "sessionid" in editor.cookies
    on_b = Browser(b.port, editor.cookies)
    b_admin = on_b.get("/admin/")
    b_changelist = on_b.get("/admin/articles/article/")
    shared_session = (
        b_admin.status == 200
        and EDITOR_USERNAME.encode() in b_admin.body
        and b_changelist.status == 200
    )
    print(
        f"  editor logs in on A: {login.status} -> {login.headers.get('Location')}, "
        f"session cookie: {yes('sessionid' in editor.cookies)}"
    )
    print(
        f"  same session on B: GET /admin/ {b_admin.status}, article changelist "
        f"{b_changelist.status} -> sessions work across both: {yes(shared_session)}"
    )
    if not logged_in:
        failures.append(f"the editor could not log in on A ({login.status})")
    if not shared_session:
        failures.append(f"B did not accept A's session (GET /admin/ {b_admin.status})")

    # Publish a draft with the changelist action on A; B must serve it at once.
    before = fetch(b.port, draft["url"]).status
    changelist = editor.get("/admin/articles/article/")
    fields = [
        (name, value)
        for name, value in form_fields(changelist, "changelist-form")
        if name not in {"action", "_selected_action"}
    ]
    fields += [("action", "publish"), ("_selected_action", str(draft["id"]))]
    published = editor.post("/admin/articles/article/", fields)
    published_at = time.monotonic()
    story = poll_b(b.port, draft["url"], lambda response: response.status == 200, published_at)
    b_home = fetch(b.port, "/")
    on_home = draft["url"].encode() in b_home.body
    print(
        f"  draft {draft['id']} ({draft['url']}) on B before: {before}; publish action on A: "
        f"{published.status} -> {published.headers.get('Location')}"
    )
    print(
        f"  the story on B: 200 after {fmt_ms(story['seconds'])} "
        f"({story['tries']} request(s); on its first request: {yes(story['first'])}); "
        f"on B's home page: {yes(on_home)}"
    )
    if published.status != 302:
        failures.append(f"the publish action on A answered {published.status}")
    if before == 200:
        failures.append("the draft was already visible on B before it was published")
    if not story["first"]:
        failures.append(
            f"B did not serve the published story on its first request "
            f"(statuses {story['statuses'][:5]})"
        )

    # Edit a sister link's title on A; B's next home page must show it (the
    # block is cached in the shared Redis, so this is shared invalidation).
    warm = [fetch(b.port, "/") for _ in range(2)]
    old_title = html.escape(link["title"]).encode()
    old_on_b = all(old_title in response.body for response in warm)
    cached_before = context.services.block_key_cached()
    marker = f"drill {secrets.token_hex(4)}"
    new_title = f"{link['title']} [{marker}]"
    change_path = f"/admin/metro/sisterlink/{link['id']}/change/"
    form = editor.get(change_path)
    fields = [(name, value) for name, value in form_fields(form, "sisterlink_form")]
    fields = [(name, new_title if name == "title" else value) for name, value in fields]
    fields.append(("_save", "Save"))
    edited = editor.post(change_path, fields)
    edited_at = time.monotonic()
    block = poll_b(b.port, "/", lambda response: marker.encode() in response.body, edited_at)
    cached_after = context.services.block_key_cached()
    print(
        f"  sister link {link['id']} ({link['site']}): old title on B's home page before the "
        f"edit: {yes(old_on_b)}, block cached in Redis: {yes(cached_before)}"
    )
    print(
        f"  title edited on A: {edited.status} -> {edited.headers.get('Location')}; "
        f"new title on B after {fmt_ms(block['seconds'])} ({block['tries']} request(s); "
        f"on its very next home page: {yes(block['first'])}); re-cached: {yes(cached_after)}"
    )
    if edited.status != 302:
        failures.append(
            f"saving the sister link on A answered {edited.status}: {form_errors(edited)}"
        )
    if not old_on_b or not cached_before:
        failures.append("B's home page did not show the cached block before the edit")
    if not block["first"]:
        failures.append("B's next home page still showed the old sister-link title (stale cache)")

    sleep_until(load.started + context.args.seconds)
    load.stop()
    hits = load.hits
    per_instance = {
        name: summarize([hit for hit in hits if hit.instance == name], load.ended - load.started)
        for name in ("A", "B")
    }
    print()
    table(
        [
            "instance",
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
                name,
                s["requests"],
                s["per_second"],
                s["errors"],
                s["5xx"],
                s["p50_ms"],
                s["p99_ms"],
                s["max_ms"],
                statuses_text(s["statuses"]),
            ]
            for name, s in per_instance.items()
        ],
    )
    logs = {instance.name: log_figures(instance, marks[instance.name]) for instance in (a, b)}
    for name, figures in logs.items():
        print_log_figures(name, figures)
    for name, s in per_instance.items():
        if s["errors"]:
            failures.append(f"{s['errors']} load errors on {name}: {s['statuses']}")
    report_failures(failures)
    return {
        "passed": not failures,
        "failures": failures,
        "login_status": login.status,
        "session_on_b": {"admin": b_admin.status, "changelist": b_changelist.status},
        "sessions_shared": shared_session,
        "publish": {
            "story": draft,
            "on_b_before": before,
            "action_status": published.status,
            "visible_on_b_ms": None if story["seconds"] is None else round(story["seconds"] * 1000),
            "first_request": story["first"],
            "tries": story["tries"],
            "on_b_home": on_home,
        },
        "sister_link": {
            "link": link,
            "new_title": new_title,
            "cached_before": cached_before,
            "save_status": edited.status,
            "visible_on_b_ms": None if block["seconds"] is None else round(block["seconds"] * 1000),
            "first_request": block["first"],
            "tries": block["tries"],
            "recached": cached_after,
        },
        "load": per_instance,
        "bad_samples": bad_hits_sample(hits),
        "log": logs,
    }


def poll_b(port, path, shows, since):
    """Ask B until `shows(response)`: seconds from `since`, tries, first answer's verdict."""
    statuses = []
    deadline = since + CHANGE_LIMIT
    while True:
        response = fetch(port, path)
        statuses.append(response.status)
        if shows(response):
            return {
                "seconds": time.monotonic() - since,
                "tries": len(statuses),
                "first": len(statuses) == 1,
                "statuses": statuses,
            }
        if time.monotonic() >= deadline:
            return {"seconds": None, "tries": len(statuses), "first": False, "statuses": statuses}
        time.sleep(0.05)


def form_errors(response):
    text = response.text()
    start = text.find("errornote")
    return html.unescape(text[start : start + 300]) if start >= 0 else f"{response.body[:200]!r}"


DRILLS = {"redis": drill_redis, "postgres": drill_postgres, "scale": drill_scale}
DRILL_TITLES = {
    "redis": "Drill: Redis stops under load on A",
    "postgres": "Drill: PostgreSQL stops and starts under load on A",
    "scale": "Two instances sharing PostgreSQL and Redis",
}
