"""Every admin save keeps a version that editors can list, compare and restore."""

import logging

import pytest
import reversion
from django.core import serializers
from django.test import Client
from django.urls import reverse
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article
from films.models import Film
from media.models import Keyword
from people.models import Person
from tests.factories import (
    article_form_data,
    byline_as_shown,
    make_article,
    make_film,
    make_image,
    make_person,
    make_section,
    started_from,
)

pytestmark = pytest.mark.django_db


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def save_article(client, article_pk, section, headline, tags="thrillers, streaming"):
    data = article_form_data(section, headline=headline, tags=tags)
    if article_pk is None:
        response = client.post(reverse("admin:articles_article_add"), data)
    else:
        data |= started_from(Article.objects.get(pk=article_pk))
        response = client.post(reverse("admin:articles_article_change", args=[article_pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(slug=data["slug"])


def test_edit_twice_then_restore_the_first_version(editor_client):
    section = make_section()
    article = save_article(editor_client, None, section, "First headline")
    save_article(editor_client, article.pk, section, "Second headline")

    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200

    first = versions.last()
    compare = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": first.pk, "version_id2": versions.first().pk},
    )
    assert compare.status_code == 200
    assert "First headline" in compare.content.decode()
    assert "Second headline" in compare.content.decode()

    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    form_page = editor_client.get(revision_url)
    assert form_page.status_code == 200
    restored = editor_client.post(
        revision_url, article_form_data(section, headline="First headline", **started_from(article))
    )
    assert restored.status_code == 302
    article.refresh_from_db()
    assert article.headline == "First headline"
    assert Version.objects.get_for_object(article).count() == 3


def test_restoring_a_published_version_publishes_the_story_again(editor_client, writer):
    story = make_article(no_hero_image=True, authors=[make_person()], headline="Amélie")
    form = article_form_data(story.section, slug=story.slug, headline="Amélie", no_hero_image="on")
    for button in ("_publish", "_save_draft"):  # Published, then pulled back to a draft.
        data = form | byline_as_shown(story) | started_from(story)
        assert editor_client.post(change_url(story), data | {button: "1"}).status_code == 302
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    published = Version.objects.get_for_object(story)[1]
    revision_url = reverse("admin:articles_article_revision", args=[story.pk, published.pk])
    restore = form | byline_as_shown(story) | {"_continue": "1"}

    # A writer may not publish by restoring: the restored story is a published one.
    writer_client = Client()
    writer_client.force_login(writer)
    assert writer_client.get(revision_url).context["has_change_permission"] is False
    writer_client.post(revision_url, restore | started_from(story))
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT

    page = editor_client.get(revision_url)
    assert [name for name, _, _ in page.context["publishing_buttons"]] == [
        "_continue",
        "_save_draft",
    ]
    assert "Live since" in page.text
    assert editor_client.post(revision_url, restore | started_from(story)).status_code == 302
    story.refresh_from_db()
    assert story.is_live


def test_a_deleted_article_can_be_recovered(editor_client):
    section = make_section()
    article = save_article(editor_client, None, section, "Gone tomorrow")
    delete_url = reverse("admin:articles_article_delete", args=[article.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Article.objects.exists()

    version = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:articles_article_recover", args=[version.pk])
    assert editor_client.get(reverse("admin:articles_article_recoverlist")).status_code == 200
    editor_client.post(recover_url, article_form_data(section, headline="Gone tomorrow"))
    assert Article.objects.get().headline == "Gone tomorrow"


def test_people_and_films_keep_versions(editor_client):
    person = make_person(name="Ana Reyes")
    film = make_film(title="Night Train")
    person_data = {
        "name": "Ana María Reyes",
        "slug": person.slug,
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
        **started_from(person),
    }
    response = editor_client.post(
        reverse("admin:people_person_change", args=[person.pk]), person_data
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    film_data = {
        "title": "Night Train",
        "slug": film.slug,
        "kind": "film",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
        "availabilities-TOTAL_FORMS": "0",
        "availabilities-INITIAL_FORMS": "0",
        **started_from(film),
    }
    response = editor_client.post(reverse("admin:films_film_change", args=[film.pk]), film_data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Version.objects.get_for_model(Person).count() == 1
    assert Version.objects.get_for_model(Film).count() == 1


def tag_names(obj):
    return sorted(obj.tags.names())


def tags_shown(response):
    """The tags field's text as the editor sees it in the form, and the browser posts it."""
    field = response.context["adminform"].form["tags"]
    return field.field.widget.format_value(field.value())


def test_restoring_an_older_revision_brings_back_its_tags(editor_client):
    section = make_section()
    article = save_article(editor_client, None, section, "First", tags="Beyoncé, 東京, C++")
    save_article(editor_client, article.pk, section, "Second", tags="Amélie, c++")
    Tag.objects.filter(name="東京").delete()
    first = Version.objects.get_for_object(article).last()

    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    form_page = editor_client.get(revision_url)
    assert form_page.status_code == 200
    shown = tags_shown(form_page)
    assert sorted(shown.split(", ")) == ["Beyoncé", "C++", "東京"]
    assert tag_names(article) == ["Amélie", "C++"]  # Looking is not restoring.

    restored = editor_client.post(
        revision_url,
        article_form_data(
            section, headline="First", slug=article.slug, tags=shown, **started_from(article)
        ),
    )
    assert restored.status_code == 302
    assert tag_names(article) == ["Beyoncé", "C++", "東京"]
    assert Tag.objects.get(name="東京").slug == "東京"
    assert editor_client.get(article.get_preview_url()).status_code == 200


def test_a_recovered_article_comes_back_with_its_tags(editor_client):
    section = make_section()
    article = save_article(editor_client, None, section, "Gone", tags="Beyoncé, 東京")
    delete_url = reverse("admin:articles_article_delete", args=[article.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302

    version = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:articles_article_recover", args=[version.pk])
    form_page = editor_client.get(recover_url)
    assert form_page.status_code == 200
    shown = tags_shown(form_page)
    assert sorted(shown.split(", ")) == ["Beyoncé", "東京"]

    recovered = editor_client.post(
        recover_url, article_form_data(section, headline="Gone", slug=article.slug, tags=shown)
    )
    assert recovered.status_code == 302
    assert tag_names(Article.objects.get()) == ["Beyoncé", "東京"]


def test_comparing_versions_shows_added_and_removed_tags_without_errors(editor_client, caplog):
    section = make_section()
    article = save_article(editor_client, None, section, "Same", tags="Beyoncé, 東京")
    save_article(editor_client, article.pk, section, "Same", tags="東京, Amélie")
    newer, older = Version.objects.get_for_object(article)

    with caplog.at_level(logging.WARNING):
        compare = editor_client.get(
            reverse("admin:articles_article_compare", args=[article.pk]),
            {"version_id1": older.pk, "version_id2": newer.pk},
        )
    assert compare.status_code == 200
    page = compare.content.decode()
    assert "<del>- Beyoncé</del>" in page
    assert "<ins>+ Amélie</ins>" in page
    assert "There are no differences" not in page
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_versions_saved_before_tags_were_kept_compare_and_restore_without_tags(editor_client):
    section = make_section()
    article = save_article(editor_client, None, section, "Old", tags="Beyoncé")
    save_article(editor_client, article.pk, section, "New", tags="Amélie")
    newer, older = Version.objects.get_for_object(article)
    # What a version saved before looked like: Django's JSON, which leaves tags out.
    Version.objects.filter(pk=older.pk).update(
        format="json", serialized_data=serializers.serialize("json", [article])
    )

    compare = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert compare.status_code == 200
    assert "cannot show them" in compare.content.decode()
    Version.objects.get(pk=older.pk).revision.revert(delete=True)
    assert tag_names(article) == ["Amélie"]


def test_restoring_an_image_brings_back_its_keywords():
    image = make_image()
    with reversion.create_revision():
        image.tags.set(["Beyoncé", "東京"])
        image.save()
    with reversion.create_revision():
        image.tags.set(["Amélie"])
        image.save()
    Keyword.objects.filter(name="東京").delete()

    Version.objects.get_for_object(image).last().revision.revert(delete=True)
    assert tag_names(image) == ["Beyoncé", "東京"]
