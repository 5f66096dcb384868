"""The test suite's small override of metro.settings."""

import os

os.environ.setdefault("SECRET_KEY", "metro-test-suite-key-not-secret")
# Readable log lines in test output; production logs JSON.
os.environ.setdefault("LOG_FORMAT", "plain")

from metro.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# The suite talks plain HTTP to the test client, whatever DEBUG says.
SECURE_SSL_REDIRECT = False
# Tasks are stored, not run, unless a test asks for the immediate backend.
TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
# The page cache is tested on its own (tests/metro/test_page_cache.py), with real
# commits; elsewhere a test's rolled-back changes would never make pages stale.
PAGE_CACHE_SECONDS = 0
PAGE_CACHE_GENERATION_FILE = os.path.join(
    os.environ.get("TMPDIR", "/tmp"), f"metro-test-page-generation-{os.getpid()}"
)
# The feed servers of the tests listen on 127.0.0.1, which fetching otherwise refuses
# (tests/metro/test_fetching.py checks the refusal with this emptied).
METRO_FETCH_ALLOW_PRIVATE = ["127.0.0.1"]
# The suite has no internet: embeds' details are fetched only by the tests that start a
# fake oEmbed server (tests/media/test_embed_details.py) and turn this on.
EMBED_FETCH_METADATA = False
