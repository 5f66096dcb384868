"""The demo newsroom's reviews carry their stars and their films, as the desk would file them."""

import pytest
from django.core.management import call_command

from articles.models import Article
from articles.publishing import missing_for_publication, stored_byline
from tests.pages import page_text


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True  # as under `make run`
    call_command("load_demo", verbosity=0)


def test_the_demo_reviews_are_rated_reviews_of_their_films(demo, client):
    reviews = Article.objects.filter(format=Article.Format.REVIEW).select_related("reviewed_film")
    live = [review for review in reviews if review.is_live]

    assert len(live) >= 2
    assert {review.rating for review in live} >= {7, 8, 10}  # a half star among them
    for review in reviews:
        assert review.reviewed_film in review.films.all()
        assert missing_for_publication(review, stored_byline(review)) == []
    # The prose says what the stars say.
    orbit = reviews.get(slug="orbit-of-small-things-review")
    assert orbit.rating == 7 and "Three and a half stars." in orbit.standfirst

    text = page_text(client.get(orbit.get_absolute_url()))
    assert "3.5 out of 5 stars Series review: Orbit of Small Things" in text
    film_page = page_text(client.get(orbit.reviewed_film.get_absolute_url()))
    assert "Our review: " in film_page and "3.5 out of 5 stars, by Omar Delacroix-Reid" in film_page
