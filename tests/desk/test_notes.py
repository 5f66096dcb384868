"""Notes on a story for the desk: signed and dated, staff only, never public, kept in revisions."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from desk.models import StoryNote
from tests.factories import (
    article_form_data,
    make_article,
    make_section,
    make_user,
    started_from,
)

pytestmark = pytest.mark.django_db

MARKER = "NOTE-MARKER-Beyoncé-東京"


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def with_note(data, text):
    return data | {
        "desk_notes-TOTAL_FORMS": "1",
        "desk_notes-0-text": text,
    }


def save_with_note(client, section, text, **overrides):
    data = with_note(article_form_data(section, **overrides), text)
    story = Article.objects.filter(slug=data["slug"]).first()
    url = change_url(story) if story else reverse("admin:articles_article_add")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(slug=data["slug"])


def test_a_note_is_signed_and_dated_and_shown_on_the_story_form(writer_client, writer):
    section = make_section()
    story = save_with_note(writer_client, section, "Check the quote with Amélie's agent")
    note = story.desk_notes.get()
    assert note.author == writer
    assert note.created_at is not None
    page = writer_client.get(change_url(story)).content.decode()
    assert "Check the quote with Amélie&#x27;s agent" in page
    assert "notes for the desk" in page.lower()


def test_earlier_notes_cannot_be_rewritten_by_a_later_save(editor_client, editor):
    section = make_section()
    story = save_with_note(editor_client, section, "The first note")
    note = story.desk_notes.get()
    data = article_form_data(section) | {
        "desk_notes-TOTAL_FORMS": "1",
        "desk_notes-INITIAL_FORMS": "1",
        "desk_notes-0-id": str(note.pk),
        "desk_notes-0-article": str(story.pk),
        "desk_notes-0-text": "Rewritten",
    }
    editor_client.post(change_url(story), data)
    note.refresh_from_db()
    assert note.text == "The first note"


def test_notes_are_never_public(client, editor):
    story = make_article(live=True, headline="Amélie's big night")
    StoryNote.objects.create(article=story, author=editor, text=MARKER)
    public_pages = [
        story.get_absolute_url(),
        story.section.get_absolute_url(),
        reverse("home"),
        reverse("articles:feed", kwargs={"kind": "rss"}),
        reverse("articles:feed", kwargs={"kind": "atom"}),
        reverse("sitemap-index"),
        reverse("news-sitemap"),
        reverse("articles:search") + "?q=NOTE-MARKER",
        reverse("articles:search") + "?q=Amélie",
    ]
    for url in public_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert MARKER not in response.content.decode(), url
    assert not Article.objects.search("NOTE-MARKER").exists()


def test_restoring_a_revision_brings_its_notes_back(editor_client):
    section = make_section()
    story = save_with_note(editor_client, section, MARKER, headline="First headline")
    # A later save that adds no note still keeps the story's notes in its revision.
    editor_client.post(
        change_url(story),
        article_form_data(section, headline="Second headline") | started_from(story),
    )
    latest = Version.objects.get_for_object(story).first()
    StoryNote.objects.all().delete()

    revision_url = reverse("admin:articles_article_revision", args=[story.pk, latest.pk])
    assert editor_client.get(revision_url).status_code == 200
    restored = editor_client.post(
        revision_url, article_form_data(section, headline="Second headline") | started_from(story)
    )
    assert restored.status_code == 302
    assert list(story.desk_notes.values_list("text", flat=True)) == [MARKER]
    history = editor_client.get(reverse("admin:articles_article_history", args=[story.pk]))
    assert history.status_code == 200


def test_the_assignee_shows_in_the_list_and_assigned_to_me_filters(editor_client, editor):
    colleague = make_user("writer", first_name="Jo", last_name="Park")
    mine = make_article(headline="Mine to finish", assignee=editor)
    theirs = make_article(headline="Jo's to finish", assignee=colleague)
    changelist = reverse("admin:articles_article_changelist")

    everything = editor_client.get(changelist).content.decode()
    assert "Jo Park" in everything or colleague.username in everything

    response = editor_client.get(changelist, {"assigned": "me"})
    shown = list(response.context["cl"].result_list)
    assert shown == [mine]
    assert theirs not in shown
    assert "Assigned to" in response.content.decode() or "assigned to" in response.content.decode()
