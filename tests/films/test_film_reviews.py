"""A film's page and our reviews of it: "Our review: ★★★★☆, by …", live reviews only."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Authorship
from films.models import Film
from tests.factories import make_film, make_person, make_review
from tests.pages import page_text, structured_data

pytestmark = pytest.mark.django_db


def movie_node(response):
    return next(
        node for node in structured_data(response) if node["@type"] in {"Movie", "TVSeries"}
    )


def test_the_film_page_links_our_review_with_its_stars_and_critic(client):
    film = make_film(title="Amélie")
    review = make_review(
        film,
        rating=8,
        headline="Amélie review: still charming",
        critics=[make_person(name="Zoë Ørsted")],
    )

    response = client.get(film.get_absolute_url())
    html, text = response.content.decode(), page_text(response)

    assert (
        f'<a class="our-review__link" href="{review.get_absolute_url()}">Our review'
        '<span class="visually-hidden">: Amélie review: still charming</span></a>: '
        '<span class="stars">'
    ) in html
    assert "Our review: Amélie review: still charming: 4 out of 5 stars, by Zoë Ørsted" in text


def test_a_review_without_stars_is_linked_without_them(client):
    series = make_film(title="東京物語", kind=Film.Kind.SERIES)
    critics = [make_person(name="Zoë Ørsted"), make_person(name="Ünal Ğ")]
    make_review(series, rating=None, headline="東京物語 review", critics=critics)

    response = client.get(series.get_absolute_url())

    assert "Our review: 東京物語 review, by Zoë Ørsted and Ünal Ğ" in page_text(response)
    assert "stars__picture" not in response.content.decode()


def test_only_live_reviews_reach_the_film_page_and_its_structured_data(client):
    film = make_film(title="Amélie")
    live = make_review(film, headline="Live review")
    make_review(film, live=False, headline="Draft review")
    make_review(film, live=False, status=Article.Status.REVIEW, headline="Review in review")
    make_review(
        film,
        headline="Scheduled review",
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(days=1),
    )

    response = client.get(film.get_absolute_url())
    html = response.content.decode()

    assert html.count('class="our-review"') == 1
    assert "Live review" in html
    for hidden in ("Draft review", "Review in review", "Scheduled review"):
        assert hidden not in html
    reviews = movie_node(response)["review"]
    assert [node["name"] for node in reviews] == ["Live review"]
    assert reviews[0]["url"].endswith(live.get_absolute_url())


def test_a_film_without_live_reviews_says_nothing_of_reviews(client):
    film = make_film()
    make_review(film, live=False)
    response = client.get(film.get_absolute_url())
    assert "our-review" not in response.content.decode()
    assert "review" not in movie_node(response)


def test_the_newest_reviews_come_first_and_a_photographer_is_no_critic(client):
    film = make_film()
    now = timezone.now()
    for days in (30, 1, 9, 20):
        make_review(film, headline=f"Review {days} days ago", publish_at=now - timedelta(days=days))
    newest = Article.objects.get(headline="Review 1 days ago")
    Authorship.objects.create(
        article=newest, person=make_person(name="Snap Happy"), role="photographer", order=3
    )

    response = client.get(film.get_absolute_url())
    text = page_text(response)

    shown = [node["name"] for node in movie_node(response)["review"]]
    assert shown == ["Review 1 days ago", "Review 9 days ago", "Review 20 days ago"]
    assert "Snap Happy" not in text


def test_the_film_page_costs_the_same_queries_with_one_review_or_many(client):
    film = make_film()
    make_review(film)
    path = film.get_absolute_url()

    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured.captured_queries)

    queries()
    one = queries()
    for _ in range(4):
        make_review(film, critics=[make_person(), make_person()])
    assert queries() == one
