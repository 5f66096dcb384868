"""Shared drafts: one story, for someone with no login, until the link is revoked or expires."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from core import pagecache
from desk.models import SharedPreview
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-generation")
    pagecache.reset()
    yield
    pagecache.reset()


@pytest.fixture
def draft():
    return make_article(headline="Beyoncé talks to Amélie in 東京", body="<p>Draft words.</p>")


def share(editor_client, story, days=7):
    """The link the story form's "Create share link" button gives."""
    response = editor_client.post(f"/desk/stories/{story.pk}/shared-links/", {"days": days})
    assert response.status_code == 200
    return re.search(r'value="http://testserver(/shared/[^"]+/)"', response.content.decode())[1]


def test_a_shared_link_shows_the_draft_to_anyone_and_is_never_kept_or_indexed(editor_client, draft):
    other_draft = make_article(headline="Another secret draft")
    path = share(editor_client, draft)
    reader = Client()

    first, second = reader.get(path), reader.get(path)

    page = second.content.decode()
    assert first.status_code == second.status_code == 200
    assert "Beyoncé talks to Amélie in 東京" in page
    assert "Shared draft for review" in page
    assert other_draft.headline not in page
    assert f"/{settings.ADMIN_URL}" not in page
    assert "/preview/articles/" not in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert second["X-Robots-Tag"] == "noindex, nofollow"
    assert second["Cache-Control"] == "private, no-store"
    assert second.get("Set-Cookie") is None


def test_the_link_shows_the_story_as_last_saved(editor_client, draft):
    path = share(editor_client, draft)
    draft.headline = "A newer saved headline"
    draft.save()

    assert "A newer saved headline" in Client().get(path).content.decode()


def test_a_revoked_link_stops_at_once(editor_client, draft):
    path = share(editor_client, draft)
    assert Client().get(path).status_code == 200
    link = SharedPreview.objects.get()

    panel = editor_client.post(f"/desk/shared-links/{link.pk}/revoke/")

    assert "No live share links" in panel.content.decode()
    gone = Client().get(path)
    assert gone.status_code == 410
    assert draft.headline not in gone.content.decode()
    assert gone["Cache-Control"] == "private, no-store"


def test_a_link_stops_when_it_expires(editor_client, draft):
    path = share(editor_client, draft, days=1)
    assert SharedPreview.objects.get().expires_at - timezone.now() < timedelta(days=1, minutes=1)

    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        assert Client().get(path).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert Client().get(path).status_code == 410


def test_links_last_seven_days_unless_the_editor_chooses(editor_client, draft):
    share(editor_client, draft, days=365)  # Not a choice: the default.

    lasts = SharedPreview.objects.get().expires_at - timezone.now()
    assert timedelta(days=6, hours=23) < lasts <= timedelta(days=7)


def test_a_tampered_or_unknown_token_finds_nothing(editor_client, draft):
    path = share(editor_client, draft)
    token = path.split("/")[2]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")

    assert Client().get(f"/shared/{tampered}/").status_code == 404
    assert Client().get(f"/shared/{token.upper()}/").status_code == 404
    assert Client().get("/shared/x/").status_code == 404


def test_a_link_opens_only_its_own_story(editor_client, draft):
    other = make_article(headline="The other story")
    mine = Client().get(share(editor_client, draft)).content.decode()
    theirs = Client().get(share(editor_client, other)).content.decode()

    assert draft.headline in mine and other.headline not in mine
    assert other.headline in theirs and draft.headline not in theirs


def test_only_the_hash_of_a_token_is_stored(editor_client, draft):
    token = share(editor_client, draft).split("/")[2]

    assert token not in SharedPreview.objects.get().token_hash


def test_the_story_form_lists_live_links_with_their_expiry(editor_client, draft):
    share(editor_client, draft)
    share(editor_client, draft)
    SharedPreview.objects.first().revoke()

    panel = editor_client.get(f"/desk/stories/{draft.pk}/shared-links/").content.decode()

    assert panel.count("Revoke</button>") == 1


def test_only_staff_make_or_revoke_links(client, writer, draft):
    assert client.post(f"/desk/stories/{draft.pk}/shared-links/").status_code == 302
    published = make_article(live=True)
    client.force_login(writer)
    assert client.post(f"/desk/stories/{published.pk}/shared-links/").status_code == 403
    assert not SharedPreview.objects.exists()
