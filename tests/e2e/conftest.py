"""Real-browser tests: Playwright driving Debian's Chromium against a live Metro server.

They run when Chromium is installed (CHROMIUM_PATH, default /usr/bin/chromium)
and are skipped, with a line saying so, when it is not. `make e2e` runs only
these. When one fails, a screenshot and the page's HTML are kept under
test-artifacts/e2e/ (git-ignored).
"""

import contextlib
import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Steps wait for what a person would see, never for a fixed time; this bounds each wait.
STEP_TIMEOUT_MS = 15_000
PASSWORD = "pw-for-tests"  # Every user tests.factories.make_user() makes has it.


def log_in(page, username):
    """Log in through the admin's form, as a person does, and land on the newsroom."""
    from playwright.sync_api import expect

    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Newsroom")).to_be_visible()


def chromium_available():
    return bool(shutil.which(CHROMIUM)) and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    browser_tests = [item for item in items if here in Path(item.fspath).parents]
    for item in browser_tests:
        item.add_marker(pytest.mark.e2e)
    if not chromium_available():
        skip = pytest.mark.skip(
            reason=f"Chromium not found at {CHROMIUM}: apt-get install -y chromium"
        )
        for item in browser_tests:
            item.add_marker(skip)
        config._metro_browser_tests_skipped = len(browser_tests)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = getattr(config, "_metro_browser_tests_skipped", 0)
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"{skipped} browser tests SKIPPED: Chromium is not installed at {CHROMIUM} "
            "(apt-get install -y chromium; .ci/run installs it)",
            yellow=True,
            bold=True,
        )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module.

    Playwright's sync API keeps an event loop in this thread while it runs,
    which makes Django refuse ORM calls; the tests' own set-up queries (and
    the database flush after each test) are plain synchronous code, so that
    check is off exactly as long as the browser is open.
    """
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def one_request_at_a_time(live_server):
    """Serve the browser's requests one after another while the database is in-memory SQLite,
    and yield a function that waits until the browser has stopped sending requests.

    The live server's request threads then share the test's one SQLite connection,
    and a page full of pictures has the browser fetch them side by side: concurrent
    queries on one connection fail ("bad parameter or other API misuse") and the
    pictures come out broken. PostgreSQL gives each thread its own connection.
    Pages also send requests as they close (the desk's "leave" beacon, a last
    autosave): the test's database must not be flushed while one is still being
    served, so once the test ends the wrapper waits for them, then answers any
    later request with a 503 that never reaches the database.
    """
    serialize = any(
        connection.vendor == "sqlite" and connection.is_in_memory_db()
        for connection in connections.all()
    )
    server = live_server.thread.httpd
    # The live server outlives the test; an earlier test left its closed wrapper in place.
    application = getattr(server, "metro_application", None) or server.get_app()
    server.metro_application = application
    lock = threading.Lock() if serialize else contextlib.nullcontext()
    state = threading.Lock()
    activity = {"in_flight": 0, "last": time.monotonic(), "closed": False}

    def tracked(environ, start_response):
        with state:
            if activity["closed"]:
                # The test is over and its database about to be flushed: a late request
                # (a page's last autosave or beacon) must not reach it.
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test has ended."]
            activity["in_flight"] += 1
        try:
            with lock:
                response = application(environ, start_response)
                try:
                    body = b"".join(response)
                finally:
                    if hasattr(response, "close"):
                        response.close()
            return [body]
        finally:
            with state:
                activity["in_flight"] -= 1
                activity["last"] = time.monotonic()

    def wait_until_quiet(quiet=0.5, limit=10, *, close=False):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with state:
                if activity["in_flight"] == 0 and time.monotonic() - activity["last"] >= quiet:
                    break
            time.sleep(0.05)
        if close:
            # Refuse what comes from now on, and let what is being served finish.
            with state:
                activity["closed"] = True
            deadline = time.monotonic() + limit
            while activity["in_flight"] and time.monotonic() < deadline:
                time.sleep(0.05)

    server.set_app(tracked)
    yield wait_until_quiet
    # Whatever the test did with its pages, nothing reaches the database once it ends.
    wait_until_quiet(close=True)


@pytest.fixture
def new_page(browser, live_server, one_request_at_a_time, request):
    """Open pages in fresh browser contexts (a reader, a writer, an editor each get one)."""
    contexts = []
    blocked = []

    def open_page(*, javascript=True, width=1280, height=900, bypass_csp=False):
        """`bypass_csp` lets a test inject its own tools (axe) past the site's CSP."""
        context = browser.new_context(
            base_url=live_server.url,
            java_script_enabled=javascript,
            bypass_csp=bypass_csp,
            viewport={"width": width, "height": height},
        )
        context.set_default_timeout(STEP_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        # Anything the Content Security Policy blocks is a bug: a page relying on it breaks.
        page.on(
            "console",
            lambda message: (
                blocked.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return page

    yield open_page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        keep_evidence(request.node.name, contexts)
    for context in contexts:
        context.close()
    one_request_at_a_time()  # The pages' last requests, before the database is flushed.
    assert not blocked, "the Content Security Policy blocked:\n" + "\n".join(blocked)


@pytest.fixture
def page(new_page):
    return new_page()


def keep_evidence(test_name, contexts):
    """A screenshot and the HTML of every page open when a test failed."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", test_name)
    folder.mkdir(parents=True, exist_ok=True)
    for number, context in enumerate(contexts):
        for tab, open_page in enumerate(context.pages):
            stem = folder / f"context{number}-page{tab}"
            try:
                open_page.screenshot(path=f"{stem}.png", full_page=True)
                Path(f"{stem}.html").write_text(open_page.content())
            except Exception as error:  # The page may have crashed: keep what we can.
                Path(f"{stem}.txt").write_text(f"{open_page.url}\n{error}\n")
