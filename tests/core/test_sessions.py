"""Session cookies no session could have: no lookup, no database error, just no session."""

import pytest

from core.sessions import cached_db, db
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# Quoted cookie values may carry octal escapes; Python's cookie parser decodes them.
NUL_SESSION_COOKIE = 'sessionid="' + "\\000" * 8 + '"'
IMPOSSIBLE_KEYS = [
    "\x00" * 8,
    "\x00" + "a" * 31,
    "A" * 32,
    "a" * 31,
    "a" * 33,
    "a" * 5000,
    "é" * 32,
]


@pytest.mark.parametrize("store", [db.SessionStore, cached_db.SessionStore])
@pytest.mark.parametrize("key", IMPOSSIBLE_KEYS)
def test_an_impossible_session_key_is_no_session(store, key):
    session = store(session_key=key)

    assert session.session_key is None
    assert session.load() == {}
    assert session.is_empty()


@pytest.mark.parametrize("store", [db.SessionStore, cached_db.SessionStore])
def test_a_real_session_still_loads(store):
    session = store()
    session["seen"] = True
    session.save()

    again = store(session_key=session.session_key)
    assert again.session_key == session.session_key
    assert again.load() == {"seen": True}


@pytest.fixture
def hardened_sessions(settings):
    settings.SESSION_ENGINE = "core.sessions.db"


def test_a_nul_in_the_session_cookie_is_no_login(client, hardened_sessions):
    draft = make_article()
    client.raise_request_exception = False

    preview = client.get(draft.get_preview_url(), headers={"Cookie": NUL_SESSION_COOKIE})
    login = client.get("/admin/login/", headers={"Cookie": NUL_SESSION_COOKIE})

    assert preview.status_code == 302
    assert "/login/" in preview["Location"]
    assert login.status_code == 200


def test_editors_stay_logged_in(client, hardened_sessions, editor):
    client.force_login(editor)

    response = client.get(make_article().get_preview_url())

    assert response.status_code == 200
