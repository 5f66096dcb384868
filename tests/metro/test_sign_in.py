"""Signing in to the admin: where editors land, and what a locked-out client is told."""

import pytest
from django.urls import reverse

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
