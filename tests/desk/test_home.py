"""The admin home is the desk: each section for the right people, rescheduling for editors."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import reversion
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section, make_sister_site

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


def reschedule_url(story):
    return reverse("desk:reschedule", args=[story.pk])


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def scheduled(hours=2, **overrides):
    return make_article(
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(hours=hours),
        **overrides,
    )


@pytest.fixture
def newsroom(writer, editor):
    """One story in each state, and a feed that failed and one that works."""
    return {
        "writer draft": make_article(headline="Amélie returns", created_by=writer),
        "editor draft": make_article(headline="Editor's own draft", created_by=editor),
        "assigned draft": make_article(headline="東京 nights", assignee=writer),
        "in review": make_article(headline="Beyoncé in review", status=Article.Status.REVIEW),
        "scheduled": scheduled(headline="Tomorrow's scoop"),
        "live": make_article(live=True, headline="Out this morning"),
        "failed feed": make_sister_site(name="Broken Gazette", last_refresh_ok=False),
        "good feed": make_sister_site(name="Working Herald", last_refresh_ok=True),
    }


def test_an_editor_sees_every_section_each_item_one_click_from_its_form(editor_client, newsroom):
    page = editor_client.get(HOME).content.decode()
    for key in ("editor draft", "in review", "scheduled", "live"):
        assert f'href="{change_url(newsroom[key])}"' in page, key
    assert "Waiting for review" in page
    assert "Beyoncé in review" in page
    assert (
        reverse("admin:sister_sites_sistersite_change", args=[newsroom["failed feed"].pk]) in page
    )
    assert "Working Herald" not in page
    # Only the editor's own drafts are theirs.
    assert "Amélie returns" not in page
    assert reschedule_url(newsroom["scheduled"]) in page
    # The list of apps is still there, below the desk.
    assert reverse("admin:articles_article_changelist") in page
    assert page.index("My drafts") < page.index("Everything in the admin")


def test_a_writer_sees_their_drafts_and_assignments_but_no_review_queue_or_move_form(
    writer_client, newsroom
):
    page = writer_client.get(HOME).content.decode()
    assert "Amélie returns" in page
    assert "東京 nights" in page
    assert "Editor&#x27;s own draft" not in page and "Editor's own draft" not in page
    assert "Waiting for review" not in page
    assert "Beyoncé in review" not in page
    assert "Tomorrow&#x27;s scoop" in page
    assert reschedule_url(newsroom["scheduled"]) not in page
    assert "Out this morning" in page


def test_the_calendar_shows_the_day_and_week_in_newsroom_time(editor_client, settings):
    zone = ZoneInfo(settings.TIME_ZONE)
    # 23:30 in the newsroom is already the next day in UTC (America/New_York in settings).
    late = datetime(2031, 3, 12, 23, 30, tzinfo=zone)
    make_article(headline="Late one", status=Article.Status.PUBLISHED, publish_at=late)
    make_article(
        headline="Next week", status=Article.Status.PUBLISHED, publish_at=late + timedelta(days=7)
    )
    day = editor_client.get(HOME, {"calendar": "day", "day": "2031-03-12"})
    desk = day.context["desk"]
    assert [story.headline for d in desk.calendar.days for story in d.stories] == ["Late one"]
    assert ">23:30<" in day.content.decode()
    week = editor_client.get(HOME, {"calendar": "week", "day": "2031-03-14"}).context["desk"]
    assert week.calendar.first_day.isoformat() == "2031-03-10"
    assert len(week.calendar.days) == 7
    assert [len(d.stories) for d in week.calendar.days] == [0, 0, 1, 0, 0, 0, 0]
    assert editor_client.get(HOME, {"calendar": "nonsense", "day": "x"}).status_code == 200


def test_an_editor_moves_a_scheduled_story_in_newsroom_time(editor_client, editor):
    story = scheduled()
    with reversion.create_revision():
        story.save()
    response = editor_client.post(
        reschedule_url(story), {"publish_at": "2031-05-02T09:15", "next": HOME}, follow=True
    )
    story.refresh_from_db()
    assert story.publish_at == datetime(2031, 5, 2, 9, 15, tzinfo=ZoneInfo(settings.TIME_ZONE))
    assert story.status == Article.Status.PUBLISHED
    assert story.last_edited_by == editor
    messages = [str(message) for message in response.context["messages"]]
    assert any("now goes live on Friday 2 May 2031, 09:15" in m for m in messages), messages
    assert reversion.models.Version.objects.get_for_object(story).count() == 2


def test_moving_to_a_past_time_is_refused_with_a_message(editor_client):
    story = scheduled()
    before = story.publish_at
    response = editor_client.post(
        reschedule_url(story), {"publish_at": "2001-01-01T09:00"}, follow=True
    )
    story.refresh_from_db()
    assert story.publish_at == before
    assert any("has passed" in str(m) for m in response.context["messages"])


def test_a_writer_cannot_reschedule(writer_client):
    story = scheduled()
    before = story.publish_at
    response = writer_client.post(reschedule_url(story), {"publish_at": "2031-05-02T09:15"})
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.publish_at == before


def test_rescheduling_needs_a_csrf_token(editor, client):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(editor)
    story = scheduled()
    before = story.publish_at
    response = csrf_client.post(reschedule_url(story), {"publish_at": "2031-05-02T09:15"})
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.publish_at == before


def test_only_scheduled_stories_are_moved(editor_client):
    live = make_article(live=True)
    before = live.publish_at
    editor_client.post(reschedule_url(live), {"publish_at": "2031-05-02T09:15"})
    live.refresh_from_db()
    assert live.publish_at == before


def test_the_desk_costs_the_same_queries_with_a_bigger_archive(
    editor_client, editor, django_assert_max_num_queries
):
    section = make_section()

    def add_stories():
        for n in range(4):
            make_article(section=section, created_by=editor)
            make_article(section=section, status=Article.Status.REVIEW)
            scheduled(hours=n + 1, section=section)
            make_article(live=True, section=section)
            make_sister_site(last_refresh_ok=False)

    add_stories()
    # Session, user, permissions, one query per section (drafts, review, calendar,
    # published, feeds) and the admin's recent actions: none of them per story.
    with django_assert_max_num_queries(10):
        editor_client.get(HOME)
    for _ in range(3):
        add_stories()
    with django_assert_max_num_queries(10):
        editor_client.get(HOME)
