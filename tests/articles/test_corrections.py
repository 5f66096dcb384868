"""Corrections and updates: dated notes at the end of a live story, in its structured
data and modified times, kept in its revisions, and listed with their feeds."""

from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import parse_http_date
from reversion.models import Version

from articles.models import CORRECTION_MAX_LENGTH, Article, Correction, Section
from core import pagecache
from tests.factories import make_article, make_person, make_section, make_user, started_from
from tests.pages import admin_form_data, node_of_type, page_text, read_head

pytestmark = pytest.mark.django_db

TEXT = "An earlier version of this story misstated the release date of Amélie’s 東京 tour."
ATOM = "{http://www.w3.org/2005/Atom}"


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def live_story(**overrides):
    fields = {"headline": "Beyoncé plays 東京", "authors": [make_person()], "no_hero_image": True}
    return make_article(live=True, **(fields | overrides))


def note(story, text=TEXT, *, ago=timedelta(minutes=1), **fields):
    return Correction.objects.create(
        article=story, text=text, published_at=timezone.now() - ago, **fields
    )


def note_fields(index, text, kind="correction", when=None):
    """The inline's fields for one new note, as the story form posts them."""
    when = timezone.localtime(when or timezone.now())
    prefix = f"corrections-{index}"
    return {
        f"{prefix}-kind": kind,
        f"{prefix}-text": text,
        f"{prefix}-published_at_0": when.strftime("%Y-%m-%d"),
        f"{prefix}-published_at_1": when.strftime("%H:%M:%S"),
    }


def as_posted(data):
    """Form data with each date and time in the two boxes the admin's widget posts."""
    posted = {}
    for key, value in data.items():
        if isinstance(value, datetime):
            when = timezone.localtime(value)
            posted[f"{key}_0"] = when.strftime("%Y-%m-%d")
            posted[f"{key}_1"] = when.strftime("%H:%M:%S")
        else:
            posted[key] = value
    # A browser posts the tags box even when it is empty.
    return {"tags": ""} | posted


def story_form(client, story, *notes):
    """The story form as the editor opened it, with `notes` (note_fields) added."""
    data = as_posted(admin_form_data(client.get(change_url(story))))
    assert "corrections-TOTAL_FORMS" in data, "no corrections on this story's form"
    data["corrections-TOTAL_FORMS"] = int(data["corrections-INITIAL_FORMS"]) + len(notes)
    for fields in notes:
        data |= fields
    return data | {"_save": "1"}


# The note itself


def test_a_note_is_one_plain_paragraph_and_markup_is_shown_as_written(client):
    story = live_story()
    saved = note(story, "  <b>Beyoncé</b>\u0000 was\n\n in\t東京.  ")

    assert saved.text == "<b>Beyoncé</b> was in 東京."
    html = client.get(story.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Beyoncé&lt;/b&gt; was in 東京." in html
    assert "<b>Beyoncé</b>" not in html


def test_a_note_cannot_be_dated_in_the_future_or_before_the_story_was_published():
    story = live_story()
    ahead = Correction(article=story, text=TEXT, published_at=timezone.now() + timedelta(hours=1))
    before = Correction(article=story, text=TEXT, published_at=story.publish_at - timedelta(days=1))
    blank = Correction(article=story, text="\u0000 \t", published_at=timezone.now())

    for invalid, field in [(ahead, "published_at"), (before, "published_at"), (blank, "text")]:
        with pytest.raises(ValidationError) as refused:
            invalid.full_clean()
        assert field in refused.value.message_dict
    Correction(article=story, text=TEXT, published_at=timezone.now()).full_clean()


def test_the_database_refuses_an_empty_note_or_an_unknown_kind():
    story = live_story()
    for fields in [{"text": ""}, {"kind": "retraction"}]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Correction.objects.create(article=story, **({"text": TEXT} | fields))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite stores any length")
def test_the_database_refuses_a_note_longer_than_the_form_allows():
    story = live_story()
    Correction.objects.create(article=story, text="é" * CORRECTION_MAX_LENGTH)
    with pytest.raises(DataError), transaction.atomic():
        Correction.objects.create(article=story, text="é" * (CORRECTION_MAX_LENGTH + 1))


# On the story form


def test_an_editor_adds_a_correction_to_a_live_story(editor_client, editor):
    story = live_story()

    response = editor_client.post(
        change_url(story), story_form(editor_client, story, note_fields(0, TEXT))
    )

    assert response.status_code == 302
    saved = story.corrections.get()
    assert (saved.text, saved.kind, saved.created_by) == (TEXT, "correction", editor)
    after = Article.objects.get(pk=story.pk)
    # The form shows whole seconds.
    assert after.version == story.version + 1
    assert after.publish_at == story.publish_at.replace(microsecond=0)


def test_an_over_long_note_is_a_form_error_that_keeps_what_was_typed(editor_client):
    story = live_story()
    longest = ("Beyoncé 東京 " * 100)[: CORRECTION_MAX_LENGTH - 1] + "!"
    too_long = longest + "!"

    refused = editor_client.post(
        change_url(story), story_form(editor_client, story, note_fields(0, too_long))
    )
    assert refused.status_code == 200
    assert not Correction.objects.exists()
    assert too_long in refused.content.decode()
    assert f"at most {CORRECTION_MAX_LENGTH} characters" in refused.content.decode()

    saved = editor_client.post(
        change_url(story), story_form(editor_client, story, note_fields(0, longest))
    )
    assert saved.status_code == 302
    assert Correction.objects.get().text == longest


def test_a_future_date_is_a_form_error(editor_client):
    story = live_story()
    ahead = timezone.now() + timedelta(days=2)
    response = editor_client.post(
        change_url(story), story_form(editor_client, story, note_fields(0, TEXT, when=ahead))
    )
    assert response.status_code == 200
    assert "A correction cannot be dated in the future." in response.content.decode()
    assert not Correction.objects.exists()


def test_notes_are_written_on_stories_readers_have_seen_by_those_who_may_publish(client):
    editor, writer = make_user("editor"), make_user("writer")
    draft = make_article(authors=[make_person()])
    scheduled = make_article(
        status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=1)
    )
    live = live_story()
    # Live once, then taken down: writers may edit it again, but not its notes.
    pulled = live_story()
    pulled.status = Article.Status.DRAFT
    pulled.save()
    note(pulled, "Kept from when it was live")

    client.force_login(editor)
    for story in (draft, scheduled):
        assert "corrections-TOTAL_FORMS" not in client.get(change_url(story)).content.decode()
    for story in (live, pulled):
        assert "corrections-TOTAL_FORMS" in client.get(change_url(story)).content.decode()

    client.force_login(writer)
    page = client.get(change_url(pulled)).content.decode()
    assert "Kept from when it was live" in page
    assert 'name="corrections-0-text"' not in page  # read-only
    data = story_form(client, pulled) | {"_save_draft": "1"}
    data |= note_fields(1, "Forged by a writer") | {"corrections-TOTAL_FORMS": 2}
    client.post(change_url(pulled), data)
    assert list(pulled.corrections.values_list("text", flat=True)) == ["Kept from when it was live"]


def test_a_stale_save_with_a_correction_is_refused_and_adds_nothing(editor_client):
    story = live_story()
    opened = story_form(editor_client, story, note_fields(0, TEXT))
    Article.objects.filter(pk=story.pk).update(version=story.version + 1)  # saved meanwhile

    response = editor_client.post(change_url(story), opened)

    assert response.status_code == 409
    assert not Correction.objects.exists()
    assert TEXT in response.content.decode()  # the rows they posted, to copy


def test_the_story_revisions_keep_its_notes(editor_client):
    story = live_story()
    editor_client.post(change_url(story), story_form(editor_client, story, note_fields(0, TEXT)))
    version = Version.objects.get_for_object(story).first()
    assert Version.objects.get_for_model(Correction).count() == 1

    Correction.objects.all().delete()
    revision_url = reverse("admin:articles_article_revision", args=[story.pk, version.pk])
    form = as_posted(admin_form_data(editor_client.get(revision_url)))
    assert form["corrections-0-text"] == TEXT
    restored = editor_client.post(revision_url, form | started_from(story) | {"_save": "1"})

    assert restored.status_code == 302
    assert list(story.corrections.values_list("text", flat=True)) == [TEXT]


def test_a_recovered_story_comes_back_with_its_notes(editor_client):
    story = live_story()
    editor_client.post(change_url(story), story_form(editor_client, story, note_fields(0, TEXT)))
    delete_url = reverse("admin:articles_article_delete", args=[story.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Correction.objects.exists()

    version = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:articles_article_recover", args=[version.pk])
    form = as_posted(admin_form_data(editor_client.get(recover_url)))
    assert editor_client.post(recover_url, form | {"_save": "1"}).status_code == 302
    assert list(Article.objects.get().corrections.values_list("text", flat=True)) == [TEXT]


# What readers see


def test_notes_show_at_the_end_of_the_story_oldest_first(client):
    story = live_story()
    story.tags.add("Concerts")
    when = timezone.now() - timedelta(minutes=30)
    note(story, "The first one.", ago=timedelta(minutes=30))
    update = note(story, "The tour adds a date.", kind=Correction.Kind.UPDATE)

    response = client.get(story.get_absolute_url())
    html, text = response.content.decode(), page_text(response)

    day = timezone.localtime(when).strftime("%B %-d, %Y")
    assert f"Correction, {day}: The first one. Update, " in text
    assert text.index("Body text.") < text.index("Correction, ") < text.index("Concerts")
    assert f'id="{update.anchor}"' in html
    assert html.index('class="story__body"') < html.index('id="corrections"')
    assert html.index('id="corrections"') < html.index('class="story__footer"')


def test_a_story_without_notes_has_no_notes_section(client):
    story = live_story()
    assert 'id="corrections"' not in client.get(story.get_absolute_url()).content.decode()


def test_structured_data_carries_the_corrections_but_not_the_updates(client):
    story = live_story()
    correction = note(story, ago=timedelta(minutes=20))
    update = note(story, "Tickets are on sale.", kind=Correction.Kind.UPDATE)

    article = node_of_type(client.get(story.get_absolute_url()), "NewsArticle")

    assert article["correction"] == [
        {
            "@type": "CorrectionComment",
            "url": f"http://testserver{story.get_absolute_url()}#{correction.anchor}",
            "text": TEXT,
            "datePublished": timezone.localtime(correction.published_at).isoformat(
                timespec="seconds"
            ),
        }
    ]
    # An update is a change to the story all the same.
    assert article["dateModified"] == timezone.localtime(update.published_at).isoformat(
        timespec="seconds"
    )


def test_a_note_moves_the_story_modified_times_forward_only(client):
    story = live_story(publish_at=timezone.now() - timedelta(days=2))
    first = client.get(story.get_absolute_url())

    saved = note(story, ago=timedelta(hours=1))
    story.refresh_from_db()
    assert story.revised_at == saved.published_at
    assert story.was_updated
    response = client.get(story.get_absolute_url())
    assert "Updated" in page_text(response)
    assert parse_http_date(response["Last-Modified"]) >= parse_http_date(first["Last-Modified"])
    assert read_head(response).meta["article:modified_time"] == [
        timezone.localtime(saved.published_at).isoformat(timespec="seconds")
    ]

    # A note dated earlier than the last revision leaves it.
    note(story, "An older note.", ago=timedelta(days=1))
    story.refresh_from_db()
    assert story.revised_at == saved.published_at


def test_a_note_on_a_draft_revises_nothing_readers_see():
    draft = make_article()
    note(draft, ago=timedelta(0))
    draft.refresh_from_db()
    assert draft.revised_at is None


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-generation")
    pagecache.reset()
    yield
    pagecache.reset()


def cached(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries) == 0, response


def test_the_cached_pages_show_a_new_or_deleted_note_at_once(client, page_cache, commit):
    with commit():
        story = live_story()
    paths = [story.get_absolute_url(), reverse("articles:corrections")]
    for path in paths:
        client.get(path)
        assert cached(client, path)[0], path

    with commit():
        saved = note(story)
    for path in paths:
        from_cache, response = cached(client, path)
        assert not from_cache and TEXT in page_text(response), path

    with commit():
        saved.delete()
    for path in paths:
        assert TEXT not in page_text(client.get(path)), path


def test_a_note_on_a_draft_leaves_the_cached_pages_in_place(client, page_cache, commit):
    with commit():
        story = live_story()
        draft = make_article(section=story.section)
    client.get(story.get_absolute_url())

    with commit():
        note(draft, ago=timedelta(0))
    assert cached(client, story.get_absolute_url())[0]


# The corrections page and its feeds


def test_the_corrections_page_lists_live_stories_corrections_newest_first(client):
    older = note(live_story(headline="Amélie à 東京"), "Older note.", ago=timedelta(hours=3))
    newer = note(live_story(headline="Beyoncé's tour"), "Newer note.", ago=timedelta(hours=1))
    note(live_story(), "An update, not a correction.", kind=Correction.Kind.UPDATE)
    hidden = [
        make_article(headline="Draft story"),
        make_article(headline="In review story", status=Article.Status.REVIEW),
        make_article(
            headline="Scheduled story",
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() + timedelta(days=1),
        ),
    ]
    for story in hidden:
        Correction.objects.create(article=story, text=f"SECRET note on {story.headline}")

    response = client.get(reverse("articles:corrections"))
    html, text = response.content.decode(), page_text(response)

    assert text.index("Newer note.") < text.index("Older note.")
    assert (
        f'href="{newer.article.get_absolute_url()}#{newer.anchor}">Beyoncé&#x27;s tour</a>' in html
    )
    assert f'href="{older.article.get_absolute_url()}#{older.anchor}">Amélie à 東京</a>' in html
    assert "SECRET" not in html and "An update, not a correction" not in html
    for feed in ("rss", "atom"):
        assert reverse("articles:corrections_feed", args=[feed]) in html


def test_the_corrections_page_is_paged_without_counting(client):
    for number in range(25):
        note(live_story(headline=f"Story {number}"), f"Note {number}.", ago=timedelta(hours=number))
    path = reverse("articles:corrections")

    with CaptureQueriesContext(connection) as queries:
        first = client.get(path)
    assert not [query for query in queries if "COUNT(" in query["sql"].upper()]
    assert page_text(first).count("Correction, ") == 20
    assert 'rel="next"' in first.content.decode()
    second = client.get(path, {"page": 2})
    assert page_text(second).count("Correction, ") == 5
    assert "Note 24." in page_text(second)
    assert client.get(path, {"page": 3}).status_code == 404
    assert client.get(path, {"page": "x"}).status_code == 404


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_the_corrections_feeds_list_live_stories_corrections(client, kind):
    story = live_story()
    saved = note(story, "The <date> was wrong & so was 東京.")
    Correction.objects.create(article=make_article(headline="Draft"), text="SECRET draft note")

    response = client.get(reverse("articles:corrections_feed", args=[kind]))
    assert response.status_code == 200
    assert "SECRET" not in response.content.decode()
    root = ElementTree.fromstring(response.content)
    if kind == "rss":
        items = root.findall("./channel/item")
        assert len(items) == 1
        item = items[0]
        title, link, summary = (item.findtext(tag) for tag in ("title", "link", "description"))
    else:
        items = root.findall(f"{ATOM}entry")
        assert len(items) == 1
        item = items[0]
        title = item.findtext(f"{ATOM}title")
        link = item.find(f"{ATOM}link").get("href")
        summary = item.findtext(f"{ATOM}summary")
    assert title == "Correction: Beyoncé plays 東京"
    assert link == f"http://testserver{story.get_absolute_url()}#{saved.anchor}"
    # HTML to feed readers: the text, escaped once.
    assert summary == "The &lt;date&gt; was wrong &amp; so was 東京."


def test_every_page_links_to_the_corrections_page(client):
    story = live_story()
    for path in ("/", story.get_absolute_url(), reverse("articles:corrections")):
        assert f'href="{reverse("articles:corrections")}"' in client.get(path).content.decode()


def test_no_section_can_take_the_corrections_address():
    with pytest.raises(ValidationError):
        Section(name="Corrections", slug="corrections").full_clean()
    assert make_section(name="Film").get_absolute_url() != reverse("articles:corrections")
