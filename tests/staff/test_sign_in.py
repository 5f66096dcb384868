"""Signing in to the admin: where editors land, and what a locked-out client is told."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from staff.models import FailedSignIn
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")


def sign_in(client, query="", **extra):
    return client.post(
        LOGIN_URL + query, {"username": "Amélie", "password": "pw-for-tests", **extra}
    )


@pytest.mark.parametrize(
    "query,extra",
    [
        pytest.param("", {}, id="no-next"),
        pytest.param("", {"next": ""}, id="empty-next"),
        pytest.param("?next=https://evil.example/", {}, id="next-off-site-in-query"),
        pytest.param("", {"next": "https://evil.example/"}, id="next-off-site-in-form"),
        pytest.param("", {"next": "//evil.example/admin/"}, id="next-scheme-relative"),
    ],
)
def test_without_a_safe_next_editors_land_on_the_admin(client, query, extra):
    make_user("editor", username="Amélie")

    response = sign_in(client, query, **extra)

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def test_a_safe_next_is_followed(client):
    make_user("editor", username="Amélie")
    response = sign_in(client, next=reverse("admin:articles_article_changelist"))
    assert response["Location"] == reverse("admin:articles_article_changelist")


def lock_out(address="203.0.113.7", username="Amélie"):
    """Fail to sign in from `address` until django-axes locks it out; the last answer."""
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            LOGIN_URL, {"username": username, "password": "wrong"}, REMOTE_ADDR=address
        )
    assert response.status_code == 429
    return response


def can_sign_in(address="203.0.113.7"):
    response = Client().post(
        LOGIN_URL, {"username": "Amélie", "password": "pw-for-tests"}, REMOTE_ADDR=address
    )
    return response.status_code == 302


@pytest.fixture
def quick_lockout(settings):
    """Lock out after two failures, with no slow-down before."""
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_SLOW_AFTER = 10


def test_the_lockout_page_is_the_sites_and_says_who_can_unlock(quick_lockout):
    make_user("editor", username="Amélie")

    page = lock_out().content.decode().replace("\N{NO-BREAK SPACE}", " ")

    assert "Metro editorial" in page
    assert "Django" not in page
    assert "nonce=" not in strip_tags(page)
    assert "Signing in from your address (203.0.113.7) is blocked for 30 minutes" in page
    assert "Editors can unlock it sooner" in page
    assert "Can unlock locked-out sign-ins" in page
    assert can_sign_in() is False


FAILED_SIGN_INS_URL = reverse("admin:staff_failedsignin_changelist")


def unlock(client, address):
    rows = FailedSignIn.objects.filter(ip_address=address)
    return client.post(
        FAILED_SIGN_INS_URL, {"action": "unlock", "_selected_action": [rows.first().pk]}
    )


def test_editors_unlock_an_address_whatever_usernames_it_tried(quick_lockout, editor_client):
    make_user("editor", username="Amélie")
    # One failure each under two names: the address is locked out all the same.
    Client().post(LOGIN_URL, {"username": "東京", "password": "x"}, REMOTE_ADDR="203.0.113.7")
    Client().post(LOGIN_URL, {"username": "Amélie", "password": "x"}, REMOTE_ADDR="203.0.113.7")
    lock_out("198.51.100.4")
    assert not can_sign_in("203.0.113.7")

    listing = editor_client.get(FAILED_SIGN_INS_URL)
    assert listing.status_code == 200
    rows = {(row.ip_address, row.username) for row in listing.context["cl"].result_list}
    assert rows == {("203.0.113.7", "東京"), ("203.0.113.7", "Amélie"), ("198.51.100.4", "Amélie")}
    assert listing.content.decode().count("Locked out") == 3

    response = unlock(editor_client, "203.0.113.7")

    assert response.status_code == 302
    assert can_sign_in("203.0.113.7")
    assert not can_sign_in("198.51.100.4")


def test_only_those_allowed_to_unlock_see_failed_sign_ins(quick_lockout, writer_client, writer):
    make_user("editor", username="Amélie")
    lock_out()

    assert writer_client.get(FAILED_SIGN_INS_URL).status_code == 403
    unlock(writer_client, "203.0.113.7")
    assert not can_sign_in()

    writer.user_permissions.add(Permission.objects.get(codename="unlock_sign_ins"))
    assert writer_client.get(FAILED_SIGN_INS_URL).status_code == 200
    unlock(writer_client, "203.0.113.7")
    assert can_sign_in()


def test_editors_may_unlock_and_writers_may_not(editor, writer):
    assert editor.has_perm("staff.unlock_sign_ins")
    assert not writer.has_perm("staff.unlock_sign_ins")


def test_the_admin_index_leads_editors_to_failed_sign_ins(editor_client):
    assert FAILED_SIGN_INS_URL in editor_client.get(reverse("admin:index")).content.decode()
