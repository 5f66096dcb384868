"""Writers write and submit; only editors publish, schedule, unpublish and delete."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    article_form_data,
    make_article,
    make_person,
    make_section,
    shown_versions,
    started_from,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_writer_can_create_a_draft_and_submit_it_for_review(writer_client, writer):
    section = make_section()
    response = writer_client.post(ADD_URL, article_form_data(section, _submit_review="1"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="a-thriller-arrives")
    assert article.status == Article.Status.REVIEW
    assert article.created_by == writer
    assert sorted(article.tags.names()) == ["streaming", "thrillers"]


def test_writer_form_does_not_offer_publishing(writer_client):
    make_section()
    page = writer_client.get(ADD_URL)
    form = page.context["adminform"].form
    assert "status" not in form.fields
    assert "publish_at" not in form.fields
    assert 'name="_publish"' not in page.text and 'name="_schedule"' not in page.text


@pytest.mark.parametrize(
    "forged",
    [
        {"status": "published", "_continue": "1"},
        {"status": "published", "_publish": "1"},
        {"_schedule": "1", "_schedule_at": "2099-01-01T09:00"},
    ],
    ids=["status-field", "publish-button", "schedule-button"],
)
def test_writer_cannot_publish_through_a_crafted_post(writer_client, forged):
    section = make_section()
    data = ready_to_publish(article_form_data(section)) | forged
    response = writer_client.post(ADD_URL, data)
    # A posted status is no field of the form: the story is saved, as a draft.
    assert not Article.objects.filter(status=Article.Status.PUBLISHED).exists()
    if "status" in forged and "_continue" in forged:
        assert response.status_code == 302
        assert Article.objects.get().status == Article.Status.DRAFT
    else:
        assert response.status_code == 200
        assert "Only editors can publish or schedule a story." in response.text
        assert not Article.objects.exists()


@pytest.mark.parametrize("forged", [{"status": "published"}, {"_publish": "1"}])
def test_writer_cannot_publish_an_existing_draft_through_a_crafted_post(writer_client, forged):
    article = make_article(
        status=Article.Status.REVIEW, no_hero_image=True, authors=[make_person()]
    )
    data = article_form_data(article.section, slug=article.slug, **started_from(article))
    writer_client.post(change_url(article), data | forged)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_writer_cannot_use_the_publish_action(writer_client):
    article = make_article(status=Article.Status.REVIEW)
    response = writer_client.post(
        CHANGELIST_URL, {"action": "publish", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert response.status_code in (200, 302)
    actions = writer_client.get(CHANGELIST_URL).context["action_form"].fields["action"].choices
    assert "publish" not in dict(actions)
    assert "submit_for_review" in dict(actions)


def test_writer_cannot_edit_or_delete_a_published_story(writer_client):
    article = make_article(live=True, headline="Live story")
    data = article_form_data(
        article.section, slug=article.slug, headline="Vandalised", **started_from(article)
    )
    response = writer_client.post(change_url(article), data)
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Live story"

    delete_url = reverse("admin:articles_article_delete", args=[article.pk])
    assert writer_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_writer_can_use_the_submit_for_review_action(writer_client):
    article = make_article(status=Article.Status.DRAFT)
    writer_client.post(
        CHANGELIST_URL,
        {
            "action": "submit_for_review",
            "_selected_action": [article.pk],
            **shown_versions(article),
        },
    )
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def ready_to_publish(data):
    """A byline and a deliberate "no picture": what publishing needs besides the words."""
    return data | {
        "no_hero_image": "on",
        "authorships-TOTAL_FORMS": "1",
        "authorships-0-person": make_person().pk,
        "authorships-0-role": "author",
        "authorships-0-order": "0",
    }


def test_editor_can_publish_through_the_form(editor_client):
    section = make_section()
    data = ready_to_publish(article_form_data(section, _publish="1"))
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302
    assert Article.objects.live().filter(slug="a-thriller-arrives").exists()


def test_editor_can_schedule_through_the_form(editor_client):
    section = make_section()
    when = timezone.localtime() + timedelta(days=2)
    data = article_form_data(section, _schedule="1", _schedule_at=when.strftime("%Y-%m-%dT%H:%M"))
    assert editor_client.post(ADD_URL, ready_to_publish(data)).status_code == 302
    assert Article.objects.scheduled().filter(slug="a-thriller-arrives").exists()


def test_editor_publish_and_unpublish_actions(editor_client):
    article = make_article(
        status=Article.Status.REVIEW, no_hero_image=True, authors=[make_person()]
    )
    editor_client.post(
        CHANGELIST_URL,
        {"action": "publish", "_selected_action": [article.pk], **shown_versions(article)},
    )
    assert Article.objects.live().filter(pk=article.pk).exists()

    article.refresh_from_db()
    editor_client.post(
        CHANGELIST_URL,
        {"action": "unpublish", "_selected_action": [article.pk], **shown_versions(article)},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.live().filter(pk=article.pk).exists()


def test_editor_can_delete_a_story(editor_client):
    article = make_article(live=True)
    delete_url = reverse("admin:articles_article_delete", args=[article.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_roles_come_from_the_data_migration():
    from django.contrib.auth.models import Group

    writers = Group.objects.get(name="Writers")
    editors = Group.objects.get(name="Editors")
    writer_perms = set(writers.permissions.values_list("codename", flat=True))
    editor_perms = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article", "view_article"} <= writer_perms
    assert "publish_article" not in writer_perms
    assert "delete_article" not in writer_perms
    assert {"publish_article", "delete_article", "delete_person", "delete_film"} <= editor_perms


def test_writer_sees_a_published_story_read_only(writer_client):
    article = make_article(live=True, headline="Live story")
    page = writer_client.get(change_url(article))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert "Live story" in page.content.decode()
    assert writer_client.get(CHANGELIST_URL).status_code == 200
