"""The benchmark's story-page ceiling reads live stories only, like the page it stands for."""

import pytest
from django.db import connection

from bench import urls as bench_urls
from tests.factories import make_article, make_film, make_person

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
    ),
]


@pytest.fixture
def ceiling_site(settings, tmp_path, monkeypatch):
    page = tmp_path / "article.html"
    page.write_bytes(b"<!doctype html><title>saved page</title>")
    monkeypatch.setenv("BENCH_FLOOR_FILE", str(page))
    bench_urls.floor_page.cache_clear()
    settings.ROOT_URLCONF = "bench.urls"
    yield page.read_bytes()
    bench_urls.floor_page.cache_clear()


def ceiling_path(story):
    return "/_bench/ceiling" + story.get_absolute_url()


def test_a_live_story_answers_with_the_saved_page(client, ceiling_site):
    story = make_article(live=True)
    story.people.add(make_person(name="Odile Brannagh"))
    story.films.add(make_film(title="The Salt Ledger"))
    story.tags.add("Thrillers")
    make_article(live=True).tags.add("Thrillers")
    for _ in range(2):  # the second request runs the prepared statement
        response = client.get(ceiling_path(story))
        assert response.status_code == 200
        assert response.content == ceiling_site


def test_a_draft_is_not_found(client, ceiling_site):
    draft = make_article()
    assert client.get(ceiling_path(draft)).status_code == 404
