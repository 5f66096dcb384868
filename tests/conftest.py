from contextlib import contextmanager

import pytest
from django.db import connection

from tests.factories import make_user


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached (the local-memory cache outlives tests)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def writer(db):
    return make_user("writer", username="writer")


@pytest.fixture
def editor(db):
    return make_user("editor", username="editor")


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or database['NAME']}"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Make changes as one committed transaction: what ran on commit is then done."""

    @contextmanager
    def committing():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        connection.run_on_commit.clear()

    return committing


@pytest.fixture
def fake_oembed(settings):
    """Every embed provider's oEmbed, answered by a server on 127.0.0.1 (tests/oembed_server.py)."""
    from tests.oembed_server import fake_oembed_server

    yield from fake_oembed_server(settings)


@pytest.fixture(scope="session")
def private_redis():
    """A redis-server of the suite's own (never the machine's shared one on 6379),
    started on first use and stopped when the run ends."""
    from bench.private_services import PrivateRedis, ServiceUnavailable

    server = PrivateRedis()
    try:
        server.start()
    except ServiceUnavailable as error:
        server.close()
        pytest.skip(f"{error} (apt-get install redis-server)")
    yield server
    server.close()


@pytest.fixture
def redis_url(private_redis):
    return private_redis.url


@pytest.fixture
def redis_cache(settings, redis_url):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "metro-tests",
        }
    }
    from django.core.cache import caches

    caches["default"].clear()
    from core import pagecache

    pagecache.reset()
    yield caches["default"]
    caches["default"].clear()
