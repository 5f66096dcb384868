"""Links by reference in story bodies: what the sanitiser keeps, how pages point them at
their targets' current addresses (or drop them), the link dialog's search endpoint, and
merging people."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles import search
from articles.models import Article
from articles.richtext import render_body, sanitize_body
from people.merging import merge_people
from tests.factories import (
    make_article,
    make_film,
    make_person,
    make_section,
    make_user,
    shown_versions,
)

pytestmark = pytest.mark.django_db

TARGETS = reverse("admin:articles_article_link_targets")


def link(ref, words="the link", href="/old/address/"):
    """A link by reference as the editor stores it."""
    return f'<a href="{href}" data-link="{ref}">{words}</a>'


def story_with(*links, **fields):
    return make_article(live=True, body=f"<p>See {' and '.join(links)}.</p>", **fields)


def page(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


# Sanitising


@pytest.mark.parametrize("ref", ["article:12", "person:3", "film:999999999999999999"])
def test_the_sanitiser_keeps_a_reference_to_a_story_person_or_film(ref):
    assert sanitize_body(f"<p>{link(ref)}</p>") == (
        f'<p><a href="/old/address/" data-link="{ref}" rel="noopener noreferrer">the link</a></p>'
    )


@pytest.mark.parametrize(
    "ref",
    [
        "",
        "article:",
        "article:0",
        "article:012",
        "article:-3",
        "article:1.5",
        "article:12x",
        "article: 12",
        " article:12",
        "Article:12",
        "section:4",
        "image:4",
        "article:1234567890123456789",  # Past what the database can look up.
        "article:١٢",  # Digits of another script.
        "javascript:alert(1)",
        "article:1&quot; onclick=&quot;alert(1)",  # One attribute's value, quotes and all.
    ],
)
def test_the_sanitiser_drops_any_other_reference_and_keeps_the_link(ref):
    cleaned = sanitize_body(f"<p>{link(ref)}</p>")

    assert "data-link" not in cleaned
    assert "onclick" not in cleaned
    assert cleaned == '<p><a href="/old/address/" rel="noopener noreferrer">the link</a></p>'


def test_a_reference_is_kept_on_links_only():
    cleaned = sanitize_body(
        '<p data-link="article:1">Hi <strong data-link="film:2">you</strong></p>'
    )
    assert cleaned == "<p>Hi <strong>you</strong></p>"


# Rendering


def test_a_link_follows_its_story_to_a_new_slug_and_section(client):
    target = make_article(live=True, slug="old-slug")
    story = story_with(link(f"article:{target.pk}", href=target.get_absolute_url()))

    target.slug = "new-slug"
    target.section = make_section(slug="reviews")
    target.save()

    assert f'<a href="/reviews/new-slug/" data-link="article:{target.pk}"' in page(client, story)
    assert "old-slug" not in page(client, story)


def test_links_follow_people_and_films_with_unicode_names(client):
    person = make_person(name="Beyoncé", slug="beyonce")
    film = make_film(title="東京物語", slug="tokyo-story")
    story = story_with(link(f"person:{person.pk}", "Beyoncé"), link(f"film:{film.pk}", "東京物語"))
    person.slug = "beyonce-knowles"
    person.save()
    film.slug = "tokyo-monogatari"
    film.save()

    html = page(client, story)

    assert f'<a href="/people/beyonce-knowles/" data-link="person:{person.pk}"' in html
    assert f'data-link="film:{film.pk}" rel="noopener noreferrer">東京物語</a>' in html
    assert 'href="/films/tokyo-monogatari/"' in html


@pytest.mark.parametrize(
    "not_live",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.REVIEW},
        {"publish_at": timezone.now() + timedelta(days=1)},  # Scheduled.
    ],
    ids=["draft", "review", "scheduled"],
)
def test_a_link_to_a_story_readers_cannot_see_shows_its_words_only(client, not_live):
    target = make_article(live=True, **not_live)
    story = story_with(link(f"article:{target.pk}", "<em>the review</em>", href="/x/secret/"))

    html = page(client, story)

    assert "<p>See <em>the review</em>.</p>" in html
    assert "/x/secret/" not in html
    assert target.get_absolute_url() not in html
    assert f"article:{target.pk}" not in html


def test_a_link_to_something_deleted_shows_its_words_only(client):
    gone_story = make_article(live=True)
    gone_person = make_person()
    gone_film = make_film()
    story = story_with(
        link(f"article:{gone_story.pk}", "a story"),
        link(f"person:{gone_person.pk}", "a person"),
        link(f"film:{gone_film.pk}", "a film"),
        link("article:999999", "never was"),
    )
    gone_story.delete()
    gone_person.delete()
    gone_film.delete()

    assert "<p>See a story and a person and a film and never was.</p>" in page(client, story)


def test_plain_links_are_left_as_they_are():
    body = (
        '<p><a href="https://example.com/a?b=1&amp;c=2" title="Élan &quot;x&quot;" '
        'rel="noopener noreferrer">out</a> &amp; <a href="mailto:desk@metro.example" '
        'rel="noopener noreferrer">mail</a></p>'
    )
    assert render_body(body) == body


def test_rendering_keeps_the_links_other_attributes_and_escapes_them():
    person = make_person(slug="dana")
    body = sanitize_body(
        f'<p><a href="/old/" title="Dana &quot;D&quot; &amp; co" data-link="person:{person.pk}">'
        "Dana</a></p>"
    )

    assert render_body(body) == (
        f'<p><a href="/people/dana/" title="Dana &quot;D&quot; &amp; co" '
        f'data-link="person:{person.pk}" rel="noopener noreferrer">Dana</a></p>'
    )


@pytest.mark.parametrize("count", [1, 3, 12])
def test_rendering_reads_every_target_in_one_query(django_assert_num_queries, count):
    refs = []
    for _ in range(count):
        refs += [
            f"article:{make_article(live=True).pk}",
            f"person:{make_person().pk}",
            f"film:{make_film().pk}",
        ]
    body = sanitize_body("".join(f"<p>{link(ref)}</p>" for ref in refs))

    with django_assert_num_queries(1):
        rendered = render_body(body)

    assert rendered.count("<a ") == 3 * count
    assert "/old/address/" not in rendered


def test_a_body_without_references_needs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        render_body('<p><a href="https://example.com/">x</a></p>')


def story_page_queries(client, story):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(story.get_absolute_url()).status_code == 200
    return len(captured.captured_queries)


def test_the_story_page_costs_the_same_with_one_link_or_many(client):
    section = make_section()
    one = story_with(link(f"person:{make_person().pk}"), section=section)
    many = story_with(
        *(link(f"article:{make_article(live=True).pk}") for _ in range(8)),
        *(link(f"person:{make_person().pk}") for _ in range(8)),
        *(link(f"film:{make_film().pk}") for _ in range(8)),
        section=section,
    )
    story_page_queries(client, one)  # Once per process: content types and the like.

    assert story_page_queries(client, many) == story_page_queries(client, one)
    assert page(client, many).count("data-link=") == 24


def test_the_story_page_is_modified_when_a_linked_target_changes(client):
    person = make_person()
    story = story_with(link(f"person:{person.pk}"))
    later = timezone.now() + timedelta(minutes=5)
    type(person).objects.filter(pk=person.pk).update(updated_at=later)

    response = client.get(story.get_absolute_url())

    assert response["Last-Modified"] == http_date(later.timestamp())


# The link dialog's search


@pytest.fixture
def archive():
    section = make_section(name="Film", slug="film")
    now = timezone.now()
    return {
        "live": make_article(
            live=True,
            headline="The Salt Ledger: our review",
            slug="salt-ledger-review",
            section=section,
            publish_at=now - timedelta(days=2),
        ),
        "scheduled": make_article(
            live=True,
            headline="The Salt Ledger: the sequel",
            slug="salt-ledger-sequel",
            section=section,
            publish_at=now + timedelta(days=2),
        ),
        "draft": make_article(headline="Salt Ledger diary", slug="salt-ledger-diary"),
        "other": make_article(live=True, headline="Night Signal", slug="night-signal"),
        "person": make_person(name="Saltanat Ledgerwood", slug="saltanat", description="actor"),
        "film": make_film(title="The Salt Ledger", slug="the-salt-ledger", kind="series"),
    }


def targets(client, **params):
    response = client.get(TARGETS, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_search_finds_stories_people_and_films_as_the_editor_types(writer_client, archive):
    found = targets(writer_client, q="salt led")["results"]

    by_ref = {result["ref"]: result for result in found}
    live, scheduled, draft = archive["live"], archive["scheduled"], archive["draft"]
    assert [result["kind"] for result in found] == ["story"] * 3 + ["person", "film"]
    assert by_ref[f"article:{live.pk}"] | {"date": None} == {
        "ref": f"article:{live.pk}",
        "kind": "story",
        "label": "The Salt Ledger: our review",
        "status": "live",
        "date": None,
        "detail": by_ref[f"article:{live.pk}"]["detail"],
        "url": "/film/salt-ledger-review/",
    }
    assert by_ref[f"article:{live.pk}"]["detail"].startswith("Live · ")
    assert by_ref[f"article:{scheduled.pk}"]["status"] == "scheduled"
    assert by_ref[f"article:{scheduled.pk}"]["detail"].startswith("Scheduled · ")
    assert by_ref[f"article:{draft.pk}"]["status"] == "draft"
    assert by_ref[f"article:{draft.pk}"]["detail"].startswith("Draft · edited ")
    person, film = archive["person"], archive["film"]
    assert by_ref[f"person:{person.pk}"] == {
        "ref": f"person:{person.pk}",
        "kind": "person",
        "label": "Saltanat Ledgerwood",
        "detail": "actor",
        "url": "/people/saltanat/",
    }
    assert by_ref[f"film:{film.pk}"]["url"] == "/films/the-salt-ledger/"
    assert by_ref[f"film:{film.pk}"]["detail"] == "Series"
    assert f"article:{archive['other'].pk}" not in by_ref


def test_the_search_needs_two_characters(writer_client, archive):
    assert targets(writer_client, q="s") == {"query": "s", "results": []}
    assert targets(writer_client, q="  s  ") == {"query": "s", "results": []}
    assert targets(writer_client) == {"query": "", "results": []}
    assert targets(writer_client, q="sa")["results"]


def test_the_search_returns_at_most_eight_of_each_kind(writer_client):
    for number in range(10):
        make_article(headline=f"Wombat story {number}")
        make_person(name=f"Wombat Person {number}")
        make_film(title=f"Wombat Film {number}")

    found = targets(writer_client, q="wombat")["results"]

    kinds = [result["kind"] for result in found]
    assert kinds == ["story"] * 8 + ["person"] * 8 + ["film"] * 8


def test_the_search_finds_unicode_names(writer_client):
    person = make_person(name="Beyoncé", slug="beyonce")
    film = make_film(title="東京物語", slug="tokyo-story")
    story = make_article(headline="東京物語 at 70")

    assert [r["ref"] for r in targets(writer_client, q="Beyoncé")["results"]] == [
        f"person:{person.pk}"
    ]
    refs = [r["ref"] for r in targets(writer_client, q="東京物語")["results"]]
    assert refs == [f"article:{story.pk}", f"film:{film.pk}"]


def test_people_whose_names_start_with_the_query_come_first(writer_client):
    inside = make_person(name="Joanne Ann")
    starting = make_person(name="Anna Zed")

    people = [r["ref"] for r in targets(writer_client, q="ann")["results"]]

    assert people == [f"person:{starting.pk}", f"person:{inside.pk}"]


def test_the_newest_stories_are_searched_first_then_the_archive(writer_client, monkeypatch):
    monkeypatch.setattr(search, "NEWEST_SEARCHED_FIRST", 3)
    now = timezone.now()
    old = [
        make_article(live=True, headline=f"Quokka {n}", publish_at=now - timedelta(days=100 + n))
        for n in range(3)
    ]
    for n in range(3):
        make_article(live=True, headline=f"Recent {n}", publish_at=now - timedelta(days=n))

    found = [r["ref"] for r in targets(writer_client, q="quok")["results"]]

    # Not among the three newest, found in the archive all the same, newest first.
    assert found == [f"article:{story.pk}" for story in old]


def test_headline_matches_come_before_others_among_the_newest(writer_client):
    in_text = make_article(live=True, headline="Festival news", standfirst="About the pelican.")
    in_headline = make_article(
        live=True,
        headline="The pelican returns",
        publish_at=timezone.now() - timedelta(days=3),
    )

    found = [r["ref"] for r in targets(writer_client, q="pelican")["results"]]

    assert found == [f"article:{in_headline.pk}", f"article:{in_text.pk}"]


def test_an_existing_reference_is_described(writer_client, archive):
    live, person, film = archive["live"], archive["person"], archive["film"]

    assert targets(writer_client, ref=f"article:{live.pk}")["target"]["label"] == (
        "The Salt Ledger: our review"
    )
    assert targets(writer_client, ref=f"person:{person.pk}")["target"]["url"] == "/people/saltanat/"
    assert targets(writer_client, ref=f"film:{film.pk}")["target"]["kind"] == "film"
    assert targets(writer_client, ref="article:99999") == {"target": None}
    assert targets(writer_client, ref="nonsense:1") == {"target": None}
    assert targets(writer_client, ref="") == {"target": None}


def test_only_staff_who_write_stories_may_search(client, archive):
    anonymous = client.get(TARGETS, {"q": "salt"})
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("admin:login"))

    staff = make_user()
    client.force_login(staff)
    assert client.get(TARGETS, {"q": "salt"}).status_code == 403
    assert client.get(TARGETS, {"ref": f"article:{archive['live'].pk}"}).status_code == 403

    staff.user_permissions.add(Permission.objects.get(codename="view_article"))
    assert client.get(TARGETS, {"q": "salt"}).status_code == 403

    staff.user_permissions.add(Permission.objects.get(codename="change_article"))
    staff = type(staff).objects.get(pk=staff.pk)  # Permissions are cached on the user.
    client.force_login(staff)
    found = targets(client, q="salt")["results"]
    # Stories only: this login may not see people or films.
    assert {result["kind"] for result in found} == {"story"}


def test_editors_may_search(editor_client, archive):
    assert targets(editor_client, q="salt")["results"]


# Merging people


def test_merging_a_person_repoints_links_to_the_duplicate(editor_client, client):
    kept = make_person(name="Beyoncé", slug="beyonce")
    duplicate = make_person(name="Beyonce Knowles", slug="beyonce-knowles")
    other = make_person(name="Solange", slug="solange")
    story = story_with(
        link(f"person:{duplicate.pk}", "Beyoncé", href="/people/beyonce-knowles/"),
        link(f"person:{other.pk}", "her sister", href="/people/solange/"),
    )
    version = Article.objects.get(pk=story.pk).version

    response = editor_client.post(
        reverse("admin:people_person_changelist"),
        {
            "action": "merge",
            ACTION_CHECKBOX_NAME: [kept.pk, duplicate.pk],
            "kept": kept.pk,
            **shown_versions(kept, duplicate),
        },
    )

    assert response.status_code == 302
    stored = Article.objects.get(pk=story.pk)
    assert f'<a href="/people/beyonce/" data-link="person:{kept.pk}"' in stored.body
    assert f'data-link="person:{duplicate.pk}"' not in stored.body
    assert f'<a href="/people/solange/" data-link="person:{other.pk}"' in stored.body
    # A code save: an editor's open form is not made stale, and readers see no revision.
    assert stored.version == version
    assert stored.revised_at is None
    html = page(client, story)
    assert f'<a href="/people/beyonce/" data-link="person:{kept.pk}"' in html


def test_merging_leaves_links_to_people_whose_id_only_starts_alike():
    kept, duplicate = make_person(), make_person()
    # An id that the duplicate's is a prefix of ("person:5" in "person:57").
    longer = f"person:{duplicate.pk}7"
    story = story_with(link(longer, "someone else"))

    merge_people(kept, [duplicate])

    assert f'data-link="{longer}"' in Article.objects.get(pk=story.pk).body


def test_a_word_the_language_ignores_still_finds_what_starts_with_it(writer_client):
    theatre = make_article(headline="A night at the theatre")
    make_article(headline="Night Signal")

    assert [r["ref"] for r in targets(writer_client, q="the")["results"]] == [
        f"article:{theatre.pk}"
    ]
    assert f"article:{theatre.pk}" in [
        r["ref"] for r in targets(writer_client, q="the nig")["results"]
    ]
