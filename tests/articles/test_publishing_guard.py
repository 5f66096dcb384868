"""A draft needs only a headline; publishing checks what a reader needs and says what is missing."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article
from tests.factories import (
    article_form_data,
    byline_as_shown,
    make_article,
    make_image,
    make_person,
    make_section,
    make_user,
    shown_versions,
    started_from,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def bare_form(**overrides):
    """The form as an editor posts it with only a headline typed."""
    data = article_form_data(make_section(), standfirst="", body="", tags="")
    return data | {"section": ""} | overrides


def with_byline(data, person):
    return data | {
        "authorships-TOTAL_FORMS": "1",
        "authorships-0-person": person.pk,
        "authorships-0-role": "author",
        "authorships-0-order": "0",
    }


def ready_form(**overrides):
    data = article_form_data(make_section(), hero_image=make_image().pk)
    return with_byline(data, make_person(name="Amélie Poulain")) | overrides


def shown_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_draft_with_only_a_headline_saves(editor_client):
    response = editor_client.post(ADD_URL, bare_form(headline="Beyoncé in 東京", _save_draft="1"))

    story = Article.objects.get(slug="a-thriller-arrives")
    assert response.status_code == 302
    assert story.status == Article.Status.DRAFT and story.section is None
    assert "Draft saved: Beyoncé in 東京" in shown_messages(response)
    # A story without a section has no public address yet, only its preview.
    assert story.get_absolute_url() == story.get_preview_url()
    assert editor_client.get(story.get_preview_url()).status_code == 200
    assert editor_client.get(CHANGELIST_URL).status_code == 200
    assert editor_client.get(change_url(story)).status_code == 200


def test_publishing_an_empty_story_is_refused_with_what_is_missing(editor_client):
    response = editor_client.post(ADD_URL, bare_form(headline="Half a story", _publish="1"))

    assert response.status_code == 200
    assert not Article.objects.exists()
    expected = "To publish, add: a body; a byline; a section; a hero image (or tick “No picture”)."
    assert expected in shown_messages(response)
    # Everything typed is still in the form.
    assert 'value="Half a story"' in response.text


def readonly_value(response, name):
    """The text the story form shows for a read-only field."""
    row = re.search(rf'field-{name}\b.*?<div class="readonly">(.*?)</div>', response.text, re.S)
    assert row, f"no read-only {name} on the page"
    return row.group(1).strip()


def test_a_refused_publish_shows_the_story_as_it_is_stored(editor_client):
    story = make_article(hero_image=make_image())
    data = article_form_data(story.section, slug=story.slug, hero_image=story.hero_image.pk)

    response = editor_client.post(change_url(story), data | started_from(story) | {"_publish": "1"})

    story.refresh_from_db()
    assert response.status_code == 200
    assert story.status == Article.Status.DRAFT and story.first_published_at is None
    assert "To publish, add: a byline." in shown_messages(response)
    # The buttons and the state of a draft, not of the published story it would have been.
    buttons = [name for name, _, _ in response.context["publishing_buttons"]]
    assert buttons == ["_save_draft", "_submit_review", "_publish"]
    assert 'name="_save_draft" class="default"' in response.text
    assert readonly_value(response, "publication_state") == "Draft"
    assert readonly_value(response, "first_published_at") == "-"


def test_a_refused_publish_of_a_new_story_shows_a_draft(editor_client):
    response = editor_client.post(ADD_URL, bare_form(_publish="1"))

    assert response.status_code == 200
    assert readonly_value(response, "publication_state") == "Draft"
    assert readonly_value(response, "first_published_at") == "-"
    assert 'name="_save_draft" class="default"' in response.text


def test_the_form_has_no_status_field(editor_client):
    story = make_article()
    page = editor_client.get(change_url(story))
    assert "status" not in page.context["adminform"].form.fields
    assert 'name="status"' not in page.text


def test_a_forged_status_is_ignored(editor_client):
    draft = make_article(no_hero_image=True, authors=[make_person()])
    live = make_article(live=True, no_hero_image=True, authors=[make_person()])

    for story, forged in [(draft, "published"), (live, "draft")]:
        data = article_form_data(story.section, slug=story.slug, no_hero_image="on")
        data |= started_from(story) | byline_as_shown(story)
        response = editor_client.post(
            change_url(story), data | {"status": forged, "_continue": "1"}
        )
        assert response.status_code == 302

    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and draft.first_published_at is None
    assert live.is_live


NEWSROOM_NOW = datetime(2025, 12, 1, 12, 0, tzinfo=ZoneInfo("America/New_York"))


@pytest.mark.parametrize(
    "fields,expected",
    [
        ({"status": "draft"}, "Draft"),
        ({"status": "review"}, "In review"),
        (
            {"status": "published", "publish_at": datetime(2025, 12, 9, 12, 0, tzinfo=UTC)},
            "Scheduled for Tue 9 Dec, 07:00",
        ),
        (
            {"status": "published", "publish_at": datetime(2025, 11, 30, 23, 30, tzinfo=UTC)},
            "Live since Sun 30 Nov, 18:30",
        ),
        (
            {"status": "published", "publish_at": datetime(2019, 5, 3, 13, 0, tzinfo=UTC)},
            "Live since Fri 3 May 2019, 09:00",
        ),
    ],
    ids=["draft", "review", "scheduled", "live", "live-years-ago"],
)
def test_the_publishing_fieldset_says_where_the_story_stands(
    editor_client, settings, fields, expected
):
    settings.TIME_ZONE = "America/New_York"
    with time_machine.travel(NEWSROOM_NOW, tick=False):
        story = make_article(**fields)
        page = editor_client.get(change_url(story))
        assert readonly_value(page, "publication_state") == expected
        # In the newsroom's time zone, whichever zone is active.
        with timezone.override(ZoneInfo("Asia/Tokyo")):
            assert publishing.state_text(story) == expected


def publisher_without_byline_permission(client):
    """Someone who may publish stories but has no permission on their bylines."""
    user = make_user()
    codenames = ["add_article", "change_article", "view_article", "publish_article"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def test_publishing_without_the_byline_on_the_form_is_checked_too(client):
    publisher = publisher_without_byline_permission(client)
    data = article_form_data(make_section(), no_hero_image="on") | {"section": ""}
    assert "authorships-TOTAL_FORMS" not in publisher.get(ADD_URL).text

    response = publisher.post(ADD_URL, data | {"_publish": "1"})

    # A form error, not the database's refusal (article_published_has_section) as a 500.
    assert response.status_code == 200
    assert "To publish, add: a byline; a section." in response.text
    assert not Article.objects.exists()

    story = make_article(no_hero_image=True, authors=[make_person()])
    data = article_form_data(story.section, slug=story.slug, no_hero_image="on")
    publish = data | started_from(story) | {"_publish": "1"}
    response = publisher.post(change_url(story), publish | {"section": ""})
    assert response.status_code == 200
    assert "To publish, add: a section." in response.text

    assert publisher.post(change_url(story), publish).status_code == 302
    story.refresh_from_db()
    assert story.is_live


def test_the_hero_image_needs_alt_text_and_credit_unless_no_picture_is_chosen(editor_client):
    image = make_image(alt_text="", credit="")
    data = ready_form(hero_image=image.pk, _publish="1")

    response = editor_client.post(ADD_URL, data)
    assert "To publish, add: alt text for the hero image; a credit for the hero image." in (
        shown_messages(response)
    )

    response = editor_client.post(ADD_URL, data | {"hero_image": "", "no_hero_image": "on"})
    assert response.status_code == 302
    assert Article.objects.get().is_live


def test_publish_now_confirms_with_the_address(editor_client):
    response = editor_client.post(ADD_URL, ready_form(headline="Amélie returns", _publish="1"))

    story = Article.objects.get()
    assert story.is_live
    assert response.url == change_url(story)
    url = f"http://testserver{story.get_absolute_url()}"
    assert f"Published: Amélie returns is live at {url}" in shown_messages(response)


def test_schedule_confirms_with_the_time(editor_client, settings):
    when = timezone.localtime() + timedelta(days=3)
    typed = when.strftime("%Y-%m-%dT%H:%M")
    data = ready_form(_schedule="1", _schedule_at=["", typed])

    response = editor_client.post(ADD_URL, data)

    story = Article.objects.get()
    assert story.is_scheduled
    assert timezone.localtime(story.publish_at).strftime("%Y-%m-%dT%H:%M") == typed
    expected = f"Scheduled for {when.strftime('%a %-d %b, %H:%M')}: {story.headline}"
    assert expected in shown_messages(response)


def test_schedule_needs_a_future_time(editor_client):
    response = editor_client.post(ADD_URL, ready_form(_schedule="1", _schedule_at=""))
    assert response.status_code == 200
    assert "To schedule, choose a date and time in the future." in response.text
    assert not Article.objects.exists()


def test_the_publish_action_skips_stories_that_are_not_ready(editor_client):
    ready = make_article(hero_image=make_image(), authors=[make_person()])
    empty = make_article(body="")

    response = editor_client.post(
        CHANGELIST_URL,
        {
            "action": "publish",
            "_selected_action": [ready.pk, empty.pk],
            **shown_versions(ready, empty),
        },
    )

    ready.refresh_from_db()
    empty.refresh_from_db()
    assert ready.is_live and empty.status == Article.Status.DRAFT
    assert any("To publish, add: a body; a byline;" in m for m in shown_messages(response))


def test_writers_see_only_draft_and_review_buttons(writer_client):
    writer_page = writer_client.get(ADD_URL).text
    assert 'name="_save_draft"' in writer_page and 'name="_submit_review"' in writer_page
    assert 'name="_publish"' not in writer_page and 'name="_schedule"' not in writer_page


def test_editors_see_publish_and_schedule_at_the_top_and_bottom(editor_client):
    editor_page = editor_client.get(ADD_URL).text
    # Top and bottom of the form.
    assert editor_page.count('name="_publish"') == 2
    assert editor_page.count('name="_schedule"') == 2


def test_writer_cannot_press_publish(writer_client):
    response = writer_client.post(ADD_URL, ready_form(_publish="1"))
    assert response.status_code == 200
    assert not Article.objects.exists()


def test_a_published_story_without_a_section_cannot_be_stored():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(section=None, live=True)
