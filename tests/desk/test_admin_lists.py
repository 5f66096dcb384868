"""Admin lists at archive scale: no full-table count, a query count that does not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import admin_lists
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db

STORIES = reverse("admin:articles_article_changelist")


def unbounded_counts(queries):
    """COUNT queries that read every matching row (no LIMIT inside)."""
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and "LIMIT" not in q["sql"]]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status__exact": "draft"},
        {"assigned": "me"},
        {"q": "thriller"},
        {"featured__exact": "1"},
    ],
)
def test_the_story_list_never_counts_the_whole_table(editor_client, params):
    section = make_section()
    for _ in range(3):
        make_article(section=section, headline="A thriller")
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(STORIES, params)
    assert response.status_code == 200
    assert unbounded_counts(queries.captured_queries) == []


def test_the_story_list_costs_the_same_queries_with_a_bigger_archive(
    editor_client, django_assert_max_num_queries
):
    section = make_section()

    def add_stories(count):
        for _ in range(count):
            make_article(section=section, live=True)

    add_stories(3)
    with CaptureQueriesContext(connection) as small:
        editor_client.get(STORIES)
    add_stories(30)
    with django_assert_max_num_queries(len(small)):
        editor_client.get(STORIES)


def test_past_the_limit_the_count_is_bounded(editor_client, monkeypatch):
    monkeypatch.setattr(admin_lists, "COUNT_LIMIT", 3)
    section = make_section()
    for _ in range(6):
        make_article(section=section)
    response = editor_client.get(STORIES)
    count = response.context["cl"].result_count
    assert count >= 4
    assert len(response.context["cl"].result_list) == 6


def test_the_story_list_finds_stories_by_their_words_and_by_slug(editor_client):
    wanted = make_article(headline="Beyoncé talks touring", slug="beyonce-tour-interview")
    make_article(headline="Something else")
    for term in ("Beyoncé", "touring", "beyonce-tour-interview"):
        shown = list(editor_client.get(STORIES, {"q": term}).context["cl"].result_list)
        assert shown == [wanted], term
