"""A film's page: facts, synopsis, trailer, cast and crew, and live stories about it."""

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from films.models import Credit, Genre
from films.views import trailer_for, youtube_video_id
from tests.factories import (
    make_article,
    make_availability,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_platform,
    make_section,
    uploaded_image,
)
from tests.pages import page_text, read_head

pytestmark = pytest.mark.django_db


def test_the_film_page_shows_poster_title_release_platform_and_facts(client):
    film = make_film(
        title="The Salt Ledger",
        kind="series",
        release_date=date(2024, 5, 24),
        platform=make_platform(name="Netflix"),
        runtime_minutes=52,
        rating="TV-MA",
        synopsis="A town's books.\n\nEight episodes.",
        poster=make_image(alt_text="Poster for The Salt Ledger"),
    )
    film.genres.add(
        Genre.objects.create(name="Thriller", slug="thriller"),
        Genre.objects.create(name="Crime", slug="crime"),
    )

    response = client.get(film.get_absolute_url())
    html, text = response.content.decode(), page_text(response)

    assert html.count("<h1") == 1
    assert "Series The Salt Ledger 2024 Released on Netflix on May 24, 2024" in text
    assert '<time datetime="2024-05-24">May 24, 2024</time>' in html
    assert "52 min episodes" in text
    assert "Rated TV-MA" in text
    assert "Crime Thriller" in text
    assert 'alt="Poster for The Salt Ledger"' in html
    assert "<p>A town&#x27;s books.</p>" in html and "<p>Eight episodes.</p>" in html


def test_the_film_pages_poster_offers_the_widths_its_16rem_box_needs(client):
    film = make_film(poster=make_image(file=uploaded_image(size=(1000, 1500))))

    html = client.get(film.get_absolute_url()).content.decode()
    img = re.search(r'<img [^>]*class="profile-head__poster"[^>]*>', html)[0]

    # As static/css/metro.css draws it: 11rem, and 16rem (256 px) on wide screens.
    assert 'sizes="(min-width: 48rem) 16rem, 11rem"' in img
    widths = [int(width) for width in re.findall(r" (\d+)w", img)]
    assert {256, 512} <= set(widths)  # 1x and 2x screens, not 480 and 800


def test_a_film_with_no_platform_or_date_still_renders(client):
    film = make_film(title="Untitled Project")
    response = client.get(film.get_absolute_url())
    assert "Film Untitled Project" in page_text(response)
    assert "profile-head__release" not in response.content.decode()


def test_cast_in_billing_order_with_characters_and_crew_grouped_by_role(client):
    film = make_film(title="Marlow Fen")
    second = make_credit(film, make_person(name="Bram Lowe"), character_name="Tom", billing_order=2)
    first = make_credit(
        film, make_person(name="Imani Castellane"), character_name="Charlotte", billing_order=1
    )
    make_credit(film, make_person(name="Ansel Korhonen"), role=Credit.Role.DIRECTOR)
    make_credit(film, make_person(name="Wren Halvorsen"), role=Credit.Role.DIRECTOR)
    make_credit(film, make_person(name="Della Marsh"), role=Credit.Role.COMPOSER)
    make_credit(film, make_person(name="Ruth Pryce"), role=Credit.Role.WRITER)

    response = client.get(film.get_absolute_url())
    text = page_text(response)

    cast = text.split("Cast", 1)[1].split("Crew", 1)[0]
    assert cast.index("Imani Castellane as Charlotte") < cast.index("Bram Lowe as Tom")
    crew = text.split("Crew", 1)[1]
    assert "Directors Ansel Korhonen, Wren Halvorsen" in crew
    # Roles follow Credit.Role: directors, writers, ..., composers.
    assert crew.index("Writer Ruth Pryce") < crew.index("Composer Della Marsh")
    assert "Ansel Korhonen" not in cast
    html = response.content.decode()
    # No portrait: an initial stands in, hidden from screen readers, which read the name.
    assert (
        '<span class="person-card__portrait person-card__portrait--empty" aria-hidden="true">I</span>'
        in html
    )
    for credit in (first, second):
        assert f'href="{credit.person.get_absolute_url()}"' in html


def test_a_youtube_trailer_is_a_privacy_friendly_link_that_loads_nothing_from_youtube(client):
    film = make_film(trailer_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3")

    html = client.get(film.get_absolute_url()).content.decode()

    assert 'href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=3"' in html
    assert "<iframe" not in html
    # The only script element is structured data, which browsers never run.
    assert html.count("<script") == html.count('<script type="application/ld+json">') == 1
    assert "youtube" not in " ".join(
        attribute for attribute in html.split() if attribute.startswith(("src=", "srcset="))
    )


def test_another_trailer_is_a_plain_link_naming_its_site(client):
    film = make_film(trailer_url="https://vimeo.com/12345")
    response = client.get(film.get_absolute_url())
    assert 'href="https://vimeo.com/12345"' in response.content.decode()
    assert "Watch the trailer (opens vimeo.com)" in page_text(response)


def test_a_non_web_trailer_url_is_not_linked(client):
    film = make_film(trailer_url="ftp://films.example/trailer.mp4")
    response = client.get(film.get_absolute_url())
    assert "Watch the trailer" not in page_text(response)
    assert "ftp://" not in response.content.decode()


@pytest.mark.parametrize(
    "url,video_id",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?si=abc", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://youtube.com/shorts/dQw4w9WgXcQ/", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/watch?v=too-short", ""),
        ("https://www.youtube.com/channel/UC123", ""),
        ("https://notyoutube.com/watch?v=dQw4w9WgXcQ", ""),
        ("https://vimeo.com/12345", ""),
    ],
)
def test_youtube_video_ids_are_read_from_the_usual_url_forms(url, video_id):
    assert youtube_video_id(urlsplit(url)) == video_id


def test_no_trailer_for_a_blank_url():
    assert trailer_for("") is None


def test_only_live_stories_about_the_film_appear(client):
    film = make_film(title="The Salt Ledger")
    live = make_article(live=True, headline="The Salt Ledger review")
    draft = make_article(status=Article.Status.DRAFT, headline="Salt Ledger draft")
    scheduled = make_article(
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(hours=2),
        headline="Salt Ledger embargoed interview",
    )
    for story in (live, draft, scheduled):
        story.films.add(film)

    text = page_text(client.get(film.get_absolute_url()))

    assert "Stories about The Salt Ledger" in text
    assert live.headline in text
    assert draft.headline not in text and scheduled.headline not in text


def test_the_film_page_offers_the_films_feed_to_follow(client):
    film = make_film(title="東京 Story: “Beyoncé”")
    response = client.get(film.get_absolute_url())
    rss = reverse("articles:film_feed", kwargs={"slug": film.slug, "kind": "rss"})
    atom = reverse("articles:film_feed", kwargs={"slug": film.slug, "kind": "atom"})
    alternates = [
        (link["type"], link["href"])
        for link in read_head(response).links
        if link.get("rel") == "alternate"
    ]
    assert alternates == [("application/rss+xml", rss), ("application/atom+xml", atom)]
    html = response.content.decode()
    assert f'<a class="follow__link" href="{rss}" type="application/rss+xml">' in html
    assert f'href="{atom}"' in html
    assert "Follow 東京 Story: “Beyoncé”" in page_text(response)
    assert client.get(atom).status_code == 200


def test_an_unknown_film_is_a_404(client):
    assert client.get(reverse("films:detail", kwargs={"slug": "no-such-film"})).status_code == 404


@pytest.mark.parametrize("count", [2, 25])
def test_the_film_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    """Guards against N+1 queries from cast and crew (people, portraits), genres and the
    story cards (section, picture, bylines), whatever their number.
    Budget: film (with platform and poster), genres, where to watch (with platforms),
    sections for the navigation, credits (with people and portraits), stories (+ bylines),
    reviews."""
    picture = make_image()
    film = make_film(platform=make_platform(), poster=picture, release_date=date(2024, 5, 24))
    section = make_section()
    for number in range(count):
        film.genres.add(Genre.objects.create(name=f"Genre {number}", slug=f"genre-{number}"))
        make_credit(film, make_person(portrait=picture), character_name=f"Part {number}")
        make_credit(film, make_person(portrait=picture), role=Credit.Role.PRODUCER)
        make_availability(film, url=f"https://watch.example/{number}")
        story = make_article(
            live=True, section=section, hero_image=picture, authors=[make_person(), make_person()]
        )
        story.films.add(film)

    # One more than the page itself needs: the footer lists the sister sites.
    with django_assert_max_num_queries(8):
        response = client.get(film.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count("as Part ") == count
