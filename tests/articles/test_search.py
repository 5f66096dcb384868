"""Site search: what it finds, what it never shows, and that nothing a reader types breaks it."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from articles.search import MAX_QUERY_LENGTH, plain_text, ranked_matches
from tests.factories import (
    article_form_data,
    make_article,
    make_film,
    make_image,
    make_person,
    make_section,
    started_from,
)

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("articles:search")

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="ranking and the GIN index are PostgreSQL's; SQLite runs the simple fallback",
)


def search(client, query, **params):
    return client.get(SEARCH_URL, {"q": query, **params})


def headlines(response):
    return [article.headline for article in response.context["object_list"]]


# What search finds


@pytest.mark.parametrize(
    "where",
    ["headline", "standfirst", "body", "tag", "person", "film"],
)
def test_finds_a_story_by_any_of_its_words_and_names(client, where):
    story = make_article(live=True, headline="An ordinary evening")
    make_article(live=True, headline="Something else entirely")
    if where == "headline":
        story.headline = "An evening with the wombat"
        story.save()
    elif where == "standfirst":
        story.standfirst = "Nobody expected the wombat."
        story.save()
    elif where == "body":
        story.body = "<p>Then, at last, <em>the wombat</em> arrived.</p>"
        story.save()
    elif where == "tag":
        story.tags.add("Wombat")
    elif where == "person":
        story.people.add(make_person(name="Wilma Wombat"))
    elif where == "film":
        story.films.add(make_film(title="The Wombat Returns"))

    assert headlines(search(client, "wombat")) == [story.headline]


def test_every_word_must_match(client):
    both = make_article(live=True, headline="Wombats and koalas")
    make_article(live=True, headline="Wombats alone")
    assert headlines(search(client, "koalas wombats")) == [both.headline]


def test_a_minus_leaves_a_word_out(client):
    make_article(live=True, headline="Wombats and koalas")
    alone = make_article(live=True, headline="Wombats alone")
    assert headlines(search(client, "wombats -koalas")) == [alone.headline]


def test_a_query_of_only_excluded_words_finds_nothing(client):
    make_article(live=True, headline="Wombats alone")
    assert headlines(search(client, "-koalas")) == []


def test_headline_matches_come_before_body_matches(client):
    in_body = make_article(live=True, body="<p>A wombat, briefly.</p>")
    in_headline = make_article(
        live=True,
        headline="The wombat speaks",
        publish_at=timezone.now() - timedelta(days=30),
    )
    assert headlines(search(client, "wombat")) == [in_headline.headline, in_body.headline]


@postgres_only
def test_postgres_ranks_a_headline_match_above_many_mentions_in_the_body(client):
    make_article(live=True, body="<p>" + "Wombat. " * 5 + "</p>")
    in_headline = make_article(
        live=True, headline="Wombat", publish_at=timezone.now() - timedelta(days=30)
    )
    results = search(client, "wombat").context["object_list"]
    assert results[0] == in_headline
    assert results[0].rank > results[1].rank


@postgres_only
def test_postgres_matches_other_forms_of_a_word_and_whole_phrases(client):
    story = make_article(live=True, body="<p>The wombats were running late.</p>")
    other = make_article(live=True, body="<p>Late again, running for the wombat.</p>")
    assert set(headlines(search(client, "wombat run"))) == {story.headline, other.headline}
    assert headlines(search(client, '"wombats were running"')) == [story.headline]


# What search never shows


@pytest.mark.parametrize(
    "status,offset",
    [("draft", -1), ("review", -1), ("published", +2)],
    ids=["draft", "in-review", "scheduled"],
)
def test_unpublished_stories_are_never_found(client, status, offset):
    make_article(
        headline="Secret wombat plans",
        status=status,
        publish_at=timezone.now() + timedelta(hours=offset),
    )
    response = search(client, "wombat")
    assert headlines(response) == []
    assert "Secret wombat plans" not in response.content.decode()


def test_a_scheduled_story_is_found_once_its_time_comes(client):
    publish_at = timezone.now() + timedelta(days=1)
    make_article(headline="Wombat day", status="published", publish_at=publish_at)
    assert headlines(search(client, "wombat")) == []

    with time_machine.travel(publish_at + timedelta(seconds=1)):
        assert headlines(search(client, "wombat")) == ["Wombat day"]


# Nothing a stranger types breaks it

ODD_QUERIES = [
    "",
    " ",
    "x" * 5000,
    "wombat " * 700,
    '"wombat',
    '"wombat koala"',
    'wombat"',
    "\"'\"'",
    "wombat OR koala",
    "OR",
    "or or or",
    "-wombat",
    "- - -",
    "!wombat & (koala | :*)",
    "wombat:* <-> koala",
    "'; DROP TABLE articles_article; --",
    "1' OR '1'='1",
    "%",
    "%%wombat%",
    "_",
    "wom_at",
    "\\",
    "wombat\\",
    "\\x00",
    "\x00wombat\x00",
    "\x01\x02\x03\x1f\x7f\x9f",
    "wom\u200bbat",
    "\ufeffwombat",
    "🦘 wombat 🐨",
    "ウォンバット",
    "Ωμέγα",
    "\u202eterces",
    "a" * 199 + "é",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_any_query_answers_200(client, query):
    make_article(live=True, headline="Wombat and koala")
    response = search(client, query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_very_long_query_is_trimmed_not_refused(client):
    response = search(client, "wombat " + "x" * 5000)
    assert response.status_code == 200
    assert len(response.context["query"]) == MAX_QUERY_LENGTH


def test_control_characters_are_dropped_from_the_query(client):
    story = make_article(live=True, headline="Wombat")
    response = search(client, "\x00wombat\x7f")
    assert headlines(response) == [story.headline]
    assert response.context["query"] == "wombat"


def test_an_empty_query_shows_the_form_and_a_prompt_without_running_a_search(client):
    make_article(live=True)
    with CaptureQueriesContext(connection) as queries:
        response = search(client, "")
    page = response.content.decode()
    assert response.status_code == 200
    assert not [query for query in queries if "articles_article" in query["sql"]]
    assert '<label for="search-query">' in page
    assert 'role="search"' in page
    assert "<h1>" in page
    assert 'class="search-prompt"' in page
    assert 'class="search-results"' not in page


def test_no_results_says_so(client):
    response = search(client, "wombat")
    assert "No stories match “wombat”" in response.content.decode()


# Pages


def test_results_come_twenty_to_a_page_and_the_links_keep_the_query(client):
    section = make_section()
    for _ in range(25):
        make_article(live=True, headline="Wombat news", section=section)

    first = search(client, "wombat news")
    second = search(client, "wombat news", page=2)

    assert len(first.context["object_list"]) == 20
    assert len(second.context["object_list"]) == 5
    assert "25 stories" in first.content.decode()
    assert 'href="?q=wombat+news&amp;page=2"' in first.content.decode()
    assert 'href="?q=wombat+news&amp;page=1"' in second.content.decode()
    assert 'rel="next"' not in second.content.decode()


def test_a_broad_query_ranks_and_counts_only_the_newest_matches(client, monkeypatch):
    monkeypatch.setattr("articles.search.MAX_RESULTS", 3)
    monkeypatch.setattr("articles.views.MAX_RESULTS", 3)
    now = timezone.now()
    oldest = make_article(live=True, headline="Wombat", publish_at=now - timedelta(days=9))
    for days in range(1, 5):
        make_article(live=True, body="<p>A wombat.</p>", publish_at=now - timedelta(days=days))

    response = search(client, "wombat")

    assert response.context["paginator"].count == 3
    assert oldest not in response.context["object_list"]
    assert "3+ stories: the newest 3 are shown" in response.content.decode()


@postgres_only
@pytest.mark.parametrize(
    "matches,stories,queries",
    [(1, 100, 1), (100, 100, 1), (100, 50, 1), (100, 10, 2)],
    ids=["sorts-every-match", "walks-the-newest", "walk-ends-on-a-tie", "walk-comes-back-short"],
)
def test_postgres_finds_the_same_newest_matches_whatever_its_statistics_say(
    monkeypatch, matches, stories, queries
):
    """Statistics choose between walking the newest stories and sorting every match; when
    they are wrong (words that always come together, a word only old stories use) it
    costs time, never results."""
    monkeypatch.setattr("articles.search.MAX_RESULTS", 4)
    monkeypatch.setattr("articles.search._estimated_counts", lambda alias, text: (matches, stories))
    now = timezone.now()

    def story(headline, days, body="<p>A wombat.</p>", **fields):
        fields.setdefault("status", Article.Status.PUBLISHED)
        publish_at = now - timedelta(days=days)
        return make_article(headline=headline, body=body, publish_at=publish_at, **fields)

    story("Too old to count", days=9)
    story("In the headline: wombat", days=1.5, body="<p>Nothing.</p>")
    story("Earlier the same minute", days=2)
    story("Later the same minute", days=2)  # The same publication time, a higher id.
    story("Newest mention", days=1)
    story("Scheduled wombat", days=-1)
    story("Draft wombat", days=1, status=Article.Status.DRAFT)
    for hours in range(1, 4):
        story(f"Newer, about something else {hours}", days=hours / 100, body="<p>Koalas.</p>")

    with CaptureQueriesContext(connection) as captured:
        ranked = ranked_matches(Article.objects.live(), "wombat")

    # A walk that comes back short is followed by sorting every match.
    assert len(captured) == queries
    found = Article.objects.in_bulk([pk for pk, _ in ranked])
    assert [found[pk].headline for pk, _ in ranked] == [
        "In the headline: wombat",
        "Newest mention",
        "Later the same minute",
        "Earlier the same minute",
    ]


@postgres_only
def test_postgres_keeps_each_search_document_in_its_row():
    """A search reads the document of every story it walks or ranks: kept in the row
    (storage main), not out of line in TOAST, it costs no extra lookups."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'articles_article'::regclass AND attname = 'search_document'"
        )
        assert cursor.fetchone() == ("m",)


@pytest.mark.parametrize("page", ["abc", "0", "-1", "3", "99999999999999999999", "1e3", "1.5"])
def test_a_page_that_does_not_exist_answers_404(client, page):
    make_article(live=True, headline="Wombat")
    assert search(client, "wombat", page=page).status_code == 404


@pytest.mark.parametrize("page", ["", "1", "last"])
def test_the_first_and_last_pages_answer_200(client, page):
    make_article(live=True, headline="Wombat")
    assert search(client, "wombat", page=page).status_code == 200


# Snippets


def test_the_snippet_marks_what_matched(client):
    make_article(live=True, body="<p>Deep in the outback lives a shy wombat called Bert.</p>")
    snippet = search(client, "wombat").context["object_list"][0].snippet
    assert "<mark>wombat</mark>" in snippet.lower()
    assert "Bert" in snippet


def test_the_snippet_escapes_the_story_text(client):
    make_article(
        live=True,
        body="<p>He typed &lt;script&gt;alert('wombat')&lt;/script&gt; &amp; waited.</p>",
    )
    page = search(client, "wombat").content.decode()
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', page)[1]
    assert "<script>" not in page
    assert "&lt;script&gt;" in snippet
    assert "&amp; waited" in snippet
    assert "<" not in re.sub(r"</?mark>", "", snippet)


def test_snippet_markers_typed_by_an_editor_do_not_become_markup(client):
    make_article(live=True, standfirst="A \x02wombat\x03 <b>x</b>", body="<p>Wombat.</p>")
    snippet = str(search(client, "wombat").context["object_list"][0].snippet)
    assert "<b>" not in snippet
    assert "\x02" not in snippet and "\x03" not in snippet


# Queries per page


def test_queries_per_page_do_not_grow_with_the_number_of_results(client):
    """Guards the results: section, hero image and byline come in a fixed number of queries."""
    author = make_person()
    image = make_image()

    def queries_for(query):
        with CaptureQueriesContext(connection) as queries:
            response = search(client, query)
        return len(queries), response

    def queries_for_results(count, word):
        for _ in range(count):
            make_article(live=True, headline=f"{word} story", hero_image=image, authors=[author])
        queries_for("")  # Cached chrome (navigation, sister sites) is read again after a change.
        queries, response = queries_for(word)
        assert len(response.context["object_list"]) == min(count, 20)
        return queries

    queries_for("")  # The footer's sister sites are cached from here on.
    site_chrome, _ = queries_for("")
    few, many = queries_for_results(3, "wombat"), queries_for_results(25, "koala")
    assert few == many
    # Beyond what every page costs: the ranked ids of the matches (on PostgreSQL after
    # asking for its estimate of their number), then the page's stories with their bylines.
    assert many == site_chrome + (3 if connection.vendor == "postgresql" else 2)


# Keeping search current


def test_renaming_a_person_finds_their_stories_under_the_new_name(client):
    person = make_person(name="Wilma Wombat")
    story = make_article(live=True)
    story.people.add(person)

    person.name = "Kylie Koala"
    person.save()

    assert headlines(search(client, "koala")) == [story.headline]
    assert headlines(search(client, "wombat")) == []


def test_renaming_a_film_or_a_tag_updates_search(client):
    film = make_film(title="Wombat Returns")
    story = make_article(live=True)
    story.films.add(film)
    story.tags.add("marsupials")

    film.title = "Koala Rising"
    film.save()
    tag = Tag.objects.get(name="marsupials")
    tag.name = "Antipodeans"
    tag.save()

    assert headlines(search(client, "koala")) == [story.headline]
    assert headlines(search(client, "antipodeans")) == [story.headline]
    assert headlines(search(client, "wombat")) == []
    assert headlines(search(client, "marsupials")) == []


def test_linking_from_the_other_side_and_unlinking_update_search(client):
    person = make_person(name="Wilma Wombat")
    story = make_article(live=True)

    person.articles.add(story)
    assert headlines(search(client, "wombat")) == [story.headline]

    person.articles.clear()
    assert headlines(search(client, "wombat")) == []

    story.people.add(person)
    story.people.remove(person)
    assert headlines(search(client, "wombat")) == []


def test_deleting_a_person_or_a_tag_removes_their_name(client):
    person = make_person(name="Wilma Wombat")
    story = make_article(live=True)
    story.people.add(person)
    story.tags.add("koalas")

    person.delete()
    Tag.objects.get(name="koalas").delete()

    story.refresh_from_db()
    assert story.search_terms == ""


def test_editing_an_unrelated_field_of_a_person_rewrites_no_stories(django_assert_num_queries):
    person = make_person(name="Wilma Wombat")
    make_article(live=True).people.add(person)
    person.description = "actor"
    # The update, and the read that sees the name did not change.
    with django_assert_num_queries(2):
        person.save()


def test_the_admin_keeps_tags_people_and_films_searchable(editor_client):
    person = make_person(name="Wilma Wombat")
    film = make_film(title="Koala Rising")
    data = article_form_data(
        make_section(),
        headline="Through the admin",
        slug="through-the-admin",
        standfirst="A standfirst.",
        body="<p>Words &amp; more.</p>",
        tags="Marsupials, Outback",
        people=[person.pk],
        films=[film.pk],
    )
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    story = Article.objects.get(slug="through-the-admin")
    assert story.search_terms == "Marsupials, Outback, Wilma Wombat, Koala Rising"
    assert story.body_text == "Words & more."

    change = reverse("admin:articles_article_change", args=[story.pk])
    editor_client.post(
        change,
        data | {"tags": "Outback", "people": [], "films": []} | started_from(story),
    )
    story.refresh_from_db()
    assert story.search_terms == "Outback"


def test_reindex_search_fixes_stale_rows_and_is_idempotent(capsys):
    story = make_article(body="<p>Wombat <b>facts</b></p>")
    story.tags.add("marsupials")
    Article.objects.filter(pk=story.pk).update(body_text="", search_terms="")

    call_command("reindex_search", "--dry-run")
    story.refresh_from_db()
    assert story.body_text == ""
    assert "1 of 1 stories would be updated" in capsys.readouterr().out

    call_command("reindex_search")
    story.refresh_from_db()
    assert (story.body_text, story.search_terms) == ("Wombat facts", "marsupials")
    assert "Updated 1 of 1 stories" in capsys.readouterr().out

    call_command("reindex_search")
    assert "Updated 0 of 1 stories" in capsys.readouterr().out


# The plain text search reads


def test_body_text_is_the_words_of_the_body():
    html = (
        "<h2>Act&nbsp;one</h2><p>Fish &amp; chips<br>for <strong>two</strong></p>"
        '<figure class="media-image" data-image-id="1"><img src="x.jpg" alt="">'
        "<figcaption>A caption</figcaption></figure><ul><li>One</li><li>Two</li></ul>"
    )
    assert plain_text(html) == "Act one Fish & chips for two One Two"
    assert plain_text("") == ""


def test_saving_a_story_keeps_its_body_text():
    story = make_article(body="<p>First</p>")
    story.body = "<p>Second <em>draft</em></p>"
    story.save(update_fields=["body"])
    story.refresh_from_db()
    assert story.body_text == "Second draft"


# The header


def test_every_page_has_a_labelled_search_box(client):
    page = client.get("/").content.decode()
    assert f'<form class="site-search" role="search" action="{SEARCH_URL}"' in page
    assert '<label class="visually-hidden" for="site-search-query">' in page
    assert 'id="site-search-query" type="search" name="q"' in page


# PostgreSQL's index


@postgres_only
def test_postgres_search_uses_the_gin_index():
    section = make_section()
    Article.objects.bulk_create(
        Article(
            headline=f"Filler {number}",
            slug=f"filler-{number}",
            standfirst="Nothing to see.",
            body_text=f"Ordinary words number {number}.",
            section=section,
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() - timedelta(hours=1),
        )
        for number in range(500)
    )
    make_article(live=True, headline="The wombat", section=section)
    with connection.cursor() as cursor:
        # What autovacuum does: new entries move from the GIN index's pending
        # list into the index proper, and statistics are gathered.
        cursor.execute("SELECT gin_clean_pending_list('article_search_idx')")
        cursor.execute("ANALYZE articles_article")
    plan = Article.objects.live().search("wombat").explain()
    assert "Bitmap Index Scan on article_search_idx" in plan, plan


@postgres_only
def test_postgres_keeps_the_search_document_current_on_every_write(client):
    story = make_article(live=True)
    Article.objects.filter(pk=story.pk).update(headline="Wombat rising")
    assert headlines(search(client, "wombat")) == ["Wombat rising"]
