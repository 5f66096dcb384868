"""Production behaviour: headers, cookies, admin lockouts, health, outages, logs, transactions."""

import json
import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import redis
import time_machine
from django.core.cache import caches
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from articles.models import Article, Authorship
from core.cache import ResilientRedisCache
from core.security import client_ip, wait_before_next_try
from metro.logging import JsonFormatter
from tests.factories import (
    article_form_data,
    make_article,
    make_person,
    make_section,
    make_sister_link,
    make_sister_site,
    make_user,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def csp(response):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split("; ")
    }


@pytest.mark.parametrize(
    "path", ["/", "/search/?q=x", "/no-such-page/", "/feeds/rss/", "/admin/login/"]
)
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)

    policy = csp(response)
    # Our own origin, and at most this response's nonce: nothing inline by default.
    assert "'self'" in policy["script-src"]
    assert all(value == "'self'" or value.startswith("'nonce-") for value in policy["script-src"])
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_import_map_runs_by_nonce(editor_client):
    response = editor_client.get("/admin/articles/article/add/")
    nonce = next(value for value in csp(response)["script-src"] if value.startswith("'nonce-"))
    html = response.content.decode()
    assert f'<script type="importmap" nonce="{nonce[7:-1]}">' in html
    assert " onclick=" not in html and " onload=" not in html


def test_https_responses_carry_strict_transport_security(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_session_and_csrf_cookies_are_locked_down(client, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    make_user(username="edie", is_superuser=True)

    login_page = client.get("/admin/login/", secure=True)
    csrf = login_page.cookies["csrftoken"]
    response = client.post(
        "/admin/login/?next=/admin/",
        {
            "username": "edie",
            "password": "pw-for-tests",
            "csrfmiddlewaretoken": login_page.context["csrf_token"],
        },
        secure=True,
        headers={"Referer": "https://testserver/admin/login/"},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"


def failed_login(client, username="edie", password="wrong"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR="203.0.113.7"
    )


def test_repeated_failed_logins_are_slowed_then_locked_out(settings):
    settings.AXES_SLOW_AFTER, settings.AXES_FAILURE_LIMIT = 2, 4
    make_user(username="edie", is_superuser=True)
    client = Client(enforce_csrf_checks=False)
    start = timezone.now()

    with time_machine.travel(start, tick=False) as clock:
        for _ in range(2):
            assert "Please enter the correct username" in failed_login(client).content.decode()
        # After two failures the next try must wait…
        slowed = failed_login(client, password="pw-for-tests")
        assert "Please wait 5 seconds" in slowed.content.decode()
        clock.shift(timedelta(seconds=6))
        failed_login(client)  # third failure: now 10 s
        clock.shift(timedelta(seconds=11))
        locked = failed_login(client)  # fourth: locked out
        assert locked.status_code == 429
        assert "Too many failed sign-in attempts" in locked.content.decode()
        clock.shift(timedelta(minutes=5))
        # Even the right password is refused while locked out.
        assert failed_login(client, password="pw-for-tests").status_code == 429

    # Another client is not affected.
    other = Client().post(
        "/admin/login/",
        {"username": "edie", "password": "pw-for-tests"},
        REMOTE_ADDR="198.51.100.4",
    )
    assert other.status_code == 302


def test_the_slow_down_doubles_and_stops_at_nothing_before_the_threshold(settings):
    settings.AXES_SLOW_AFTER = 3
    now = timezone.now()
    assert wait_before_next_try(2, now, now) == 0
    assert wait_before_next_try(3, now, now) == 5
    assert wait_before_next_try(4, now, now) == 10
    assert wait_before_next_try(5, now - timedelta(seconds=15), now) == 5
    assert wait_before_next_try(5, now - timedelta(seconds=25), now) == 0


def test_the_client_address_comes_from_trusted_proxies_only(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # not the 6.6.6.6 the client claimed


def test_the_admin_address_is_configurable():
    script = "import django; django.setup(); from django.urls import reverse; print(reverse('admin:index'))"
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env | {"DJANGO_SETTINGS_MODULE": "tests.settings", "ADMIN_URL": "newsroom-desk"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "/newsroom-desk/"


def test_healthz_answers_from_the_database_alone(client, monkeypatch):
    def no_cache(*args, **kwargs):
        raise AssertionError("healthz must not touch the cache")

    monkeypatch.setattr(caches["default"], "get", no_cache)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_healthz_says_503_when_the_database_is_away(client, monkeypatch):
    from django.db import connection

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_pages_answer_503_not_a_traceback_when_the_database_is_away(monkeypatch, caplog):
    from articles.models import ArticleQuerySet

    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(ArticleQuerySet, "live", broken)
    with caplog.at_level(logging.INFO):
        response = Client(raise_request_exception=False).get("/")
    # One warning line per request during an outage, not a traceback each.
    assert not [record for record in caplog.records if record.exc_info]
    assert "Database unavailable: server closed the connection" in caplog.text
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "back in a moment" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_other_errors_get_the_plain_500_page(monkeypatch):
    from articles.models import ArticleQuerySet

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(ArticleQuerySet, "live", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@pytest.fixture
def cache_on_a_closed_port(settings):
    """Redis configured but nothing listening: the cache must shrug it off."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.SESSION_ENGINE = "core.sessions.cached_db"
    ResilientRedisCache._down_until = 0.0
    yield
    ResilientRedisCache._down_until = 0.0
    ResilientRedisCache._missed_writes = False


def test_pages_and_sessions_work_with_the_cache_down(client, cache_on_a_closed_port):
    site = make_sister_site(name="Nightshift")
    make_sister_link(site, title="From the sister site")
    story = make_article(live=True, headline="Served without a cache")

    home = client.get("/")
    assert home.status_code == 200
    assert "Served without a cache" in home.content.decode()
    assert "From the sister site" in home.content.decode()
    assert client.get(story.get_absolute_url()).status_code == 200

    client.force_login(make_user("editor"))
    assert client.get("/admin/").status_code == 200


def test_after_an_outage_the_cache_drops_what_it_could_not_invalidate(
    settings, monkeypatch, redis_url
):
    """A delete missed while Redis was away would leave stale HTML: it is cleared on return."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": redis_url,
        }
    }
    cache = caches["default"]
    ResilientRedisCache._down_until = 0.0
    cache.set("block", "old html")
    real_delete = cache._cache.delete

    def unreachable(*args, **kwargs):
        raise redis.exceptions.ConnectionError("Redis went away")

    monkeypatch.setattr(cache._cache, "delete", unreachable)
    assert cache.delete("block") is False  # an edit during the outage
    monkeypatch.setattr(cache._cache, "delete", real_delete)
    ResilientRedisCache._down_until = 0.0  # Redis is back

    assert cache.get("block") is None
    cache.set("block", "new html")
    assert cache.get("block") == "new html"
    cache.clear()


def test_a_save_that_fails_half_way_changes_nothing(editor_client, monkeypatch):
    """The admin writes a story and its byline in one transaction."""
    section = make_section()
    author = make_person()

    def fail(*args, **kwargs):
        raise OperationalError("disk full")

    monkeypatch.setattr(Authorship, "save", fail)
    editor_client.raise_request_exception = False
    data = article_form_data(
        section,
        headline="Half-saved story",
        **{
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-person": str(author.pk),
            "authorships-0-role": "author",
            "authorships-0-order": "0",
        },
    )
    response = editor_client.post("/admin/articles/article/add/", data)

    assert response.status_code == 503
    assert not Article.objects.filter(headline="Half-saved story").exists()


def test_an_invalid_inline_saves_nothing(editor_client):
    section = make_section()
    data = article_form_data(
        section,
        headline="Story with a bad byline",
        **{
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-person": "999999",
            "authorships-0-role": "author",
            "authorships-0-order": "0",
        },
    )
    response = editor_client.post("/admin/articles/article/add/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Article.objects.filter(headline="Story with a bad byline").exists()


def test_each_request_is_one_json_log_line(client, caplog):
    make_article(live=True)
    with caplog.at_level(logging.INFO, logger="metro.requests"):
        client.get("/?utm=1", headers={"User-Agent": "probe"})
    [record] = [r for r in caplog.records if r.name == "metro.requests"]
    line = json.loads(JsonFormatter().format(record))
    assert line["method"] == "GET" and line["path"] == "/" and line["status"] == 200
    assert line["bytes"] > 0 and line["duration_ms"] >= 0
    assert line["user_agent"] == "probe"
    assert line["message"] == "GET /?utm=1 200"


def test_errors_are_logged_with_their_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/x",),
            sys.exc_info(),
        )
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "ERROR"
    assert line["message"] == "Internal Server Error: /x"
    assert "ValueError: boom" in line["traceback"]
    assert "\n" not in JsonFormatter().format(record)


def test_a_request_for_another_host_is_one_warning_line(client, settings, caplog):
    settings.ALLOWED_HOSTS = ["www.metro.example"]
    with caplog.at_level(logging.INFO):
        response = client.get("/", headers={"Host": "scanner.example"})

    assert response.status_code == 400
    [record] = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.levelname == "WARNING"
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "WARNING"
    assert "Invalid HTTP_HOST header: 'scanner.example'" in line["message"]
    assert "traceback" not in line
    assert "Traceback" not in caplog.text
