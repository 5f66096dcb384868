"""The two-instance check: a session and an editor's changes on A are B's at once."""

import html
import secrets
import time

from bench.drills import DrillError
from bench.drills.client import Browser, fetch, form_fields
from bench.drills.figures import bad_hits_sample, log_figures, summarize
from bench.drills.load import Load
from bench.drills.report import (
    fmt_ms,
    print_log_figures,
    report_failures,
    statuses_text,
    table,
    yes,
)
from bench.drills.set_up import EDITOR_USERNAME
from bench.drills.timeline import CHANGE_LIMIT, sleep_until


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
    change_path = f"/admin/sister_sites/sisterlink/{link['id']}/change/"
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
