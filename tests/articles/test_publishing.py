"""The publishing rule: a story is public only when published and its time has come."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_person, shown_versions

pytestmark = pytest.mark.django_db


def test_only_published_stories_whose_time_has_come_are_live():
    live = make_article(live=True)
    draft = make_article(status=Article.Status.DRAFT)
    review = make_article(status=Article.Status.REVIEW)
    scheduled = make_article(
        status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(hours=2)
    )

    assert list(Article.objects.live()) == [live]
    assert list(Article.objects.scheduled()) == [scheduled]
    assert not draft.is_live and not review.is_live and not scheduled.is_live
    assert scheduled.is_scheduled


def test_a_scheduled_story_goes_live_when_its_time_passes():
    publish_at = timezone.now() + timedelta(days=1)
    story = make_article(status=Article.Status.PUBLISHED, publish_at=publish_at)
    assert not Article.objects.live().filter(pk=story.pk).exists()

    with time_machine.travel(publish_at + timedelta(seconds=1)):
        assert Article.objects.live().filter(pk=story.pk).exists()
        story.refresh_from_db()
        assert story.is_live


def test_a_draft_with_a_past_publish_time_is_still_not_live():
    story = make_article(status=Article.Status.DRAFT, publish_at=timezone.now() - timedelta(days=1))
    assert not Article.objects.live().filter(pk=story.pk).exists()


def test_publishing_without_a_time_publishes_now_and_records_first_publication():
    story = make_article(status=Article.Status.DRAFT)
    before = timezone.now()
    story.status = Article.Status.PUBLISHED
    story.save()

    assert story.publish_at >= before
    assert story.first_published_at == story.publish_at
    assert story.is_live


def test_first_publication_time_survives_unpublishing_and_republishing():
    story = make_article(live=True)
    first = story.first_published_at
    story.status = Article.Status.DRAFT
    story.save()
    story.status = Article.Status.PUBLISHED
    story.publish_at = timezone.now()
    story.save()
    assert story.first_published_at == first


@pytest.mark.parametrize(
    "status,offset",
    [("draft", -1), ("review", -1), ("published", +2)],
    ids=["draft", "in-review", "scheduled"],
)
def test_unpublished_stories_answer_404_to_the_public(client, status, offset):
    story = make_article(status=status, publish_at=timezone.now() + timedelta(hours=offset))
    assert client.get(story.get_absolute_url()).status_code == 404
    assert client.get(story.section.get_absolute_url()).content.count(story.headline.encode()) == 0
    assert story.headline not in client.get("/").content.decode()


def test_a_live_story_is_public(client):
    story = make_article(live=True)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert story.headline in response.content.decode()


def test_an_article_url_with_the_wrong_section_redirects_to_the_right_one(client):
    story = make_article(live=True)
    other = make_article(live=True)
    response = client.get(f"/{other.section.slug}/{story.slug}/")
    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url()


def test_staff_preview_shows_a_draft_marked_noindex(editor_client):
    story = make_article(status=Article.Status.DRAFT, headline="Secret scoop")
    response = editor_client.get(story.get_preview_url())
    assert response.status_code == 200
    assert "Secret scoop" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_preview_is_refused_to_the_public(client):
    story = make_article(status=Article.Status.DRAFT)
    response = client.get(story.get_preview_url())
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_offers_preview_for_drafts_and_view_on_site_for_live_stories(editor_client):
    draft = make_article(status=Article.Status.DRAFT)
    live = make_article(live=True)
    draft_page = editor_client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    live_page = editor_client.get(f"/admin/articles/article/{live.pk}/change/").content.decode()
    assert ">Preview</a>" in draft_page
    assert "View on site" not in draft_page
    assert ">View on site</a>" in live_page
    assert f'href="{draft.get_preview_url()}"' in draft_page
    assert f'href="{live.get_absolute_url()}"' in live_page


def test_a_schedule_is_not_a_first_publication_until_it_comes():
    story = make_article(
        status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=1)
    )
    later = timezone.now() + timedelta(days=3)
    story.publish_at = later
    story.save()
    assert story.first_published_at == later

    story.status = Article.Status.DRAFT
    story.save()
    assert story.first_published_at is None


def test_the_publish_action_sends_a_new_story_out_now(editor_client):
    stale = timezone.now() - timedelta(days=30)
    future = timezone.now() + timedelta(days=30)
    ready = {"no_hero_image": True, "authors": [make_person()]}
    backdated = make_article(status=Article.Status.REVIEW, publish_at=stale, **ready)
    postdated = make_article(status=Article.Status.REVIEW, publish_at=future, **ready)
    before = timezone.now()
    editor_client.post(
        "/admin/articles/article/",
        {
            "action": "publish",
            "_selected_action": [backdated.pk, postdated.pk],
            **shown_versions(backdated, postdated),
        },
    )
    for story in (backdated, postdated):
        story.refresh_from_db()
        assert story.is_live
        assert story.publish_at >= before


def test_the_publish_action_returns_a_pulled_story_at_its_original_time(editor_client):
    story = make_article(live=True, no_hero_image=True, authors=[make_person()])
    original = story.publish_at
    story.status = Article.Status.DRAFT
    story.save()
    editor_client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [story.pk], **shown_versions(story)},
    )
    story.refresh_from_db()
    assert story.is_live
    assert story.publish_at == original
