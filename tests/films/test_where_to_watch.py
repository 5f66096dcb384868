"""Where to watch: a film's services by country, shown for the site's own, newest first."""

import itertools
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import parse_http_date

from articles import cards
from articles.models import Article
from articles.story_details import load_story_details, with_story_details
from films.models import Availability
from tests.factories import (
    make_article,
    make_availability,
    make_film,
    make_platform,
    make_user,
    started_from,
)
from tests.pages import node_of_type, page_text

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script> & Co"
NUMBERS = itertools.count(1)
TODAY = datetime(2026, 6, 2, 12, tzinfo=ZoneInfo("UTC"))


def entry(film, **fields):
    """An unsaved entry: streaming in the US on a new platform, unless `fields` say otherwise."""
    return Availability(film=film, **({"region": "US", "platform": make_platform()} | fields))


# The entries themselves


@pytest.mark.parametrize("region", ["USA", "us", "XX", "U1", ""])
def test_a_region_is_a_country_code(region):
    with pytest.raises(ValidationError) as refused:
        entry(make_film(), region=region).full_clean()
    assert "region" in refused.value.message_dict
    entry(make_film(), region="GB").full_clean()


def test_the_database_refuses_a_region_that_is_not_two_capitals():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_availability(make_film(), region="us")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://films.example/x", "data:text/html,x", "//x.example/"]
)
def test_a_link_is_a_web_address(url):
    with pytest.raises(ValidationError) as refused:
        entry(make_film(), url=url).full_clean()
    assert "url" in refused.value.message_dict
    entry(make_film(), url="https://www.netflix.example/title/123").full_clean()


def test_only_a_cinema_may_go_without_a_service():
    film = make_film()
    with pytest.raises(ValidationError):
        entry(film, how="stream", platform=None).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Availability.objects.create(film=film, how="rent", region="US")
    entry(film, how="cinema", platform=None).full_clean()


def test_the_entries_of_a_region_come_newest_first_undated_last(settings):
    film = make_film()
    undated_second = make_availability(film, ordering=2)
    undated_first = make_availability(film, ordering=1)
    older = make_availability(film, available_from=date(2025, 1, 10))
    coming = make_availability(film, how="cinema", available_from=date(2027, 3, 1))
    make_availability(film, region="GB", available_from=date(2026, 1, 1))
    make_availability(make_film(), available_from=date(2026, 1, 1))

    assert list(film.availabilities.in_region()) == [coming, older, undated_first, undated_second]
    settings.METRO_SITE_REGION = "GB"
    assert [entry.region for entry in film.availabilities.in_region()] == ["GB"]


@pytest.mark.parametrize(
    ("how", "platform", "available_from", "text"),
    [
        ("stream", "Netflix", None, "Stream on Netflix"),
        ("rent", "Apple TV", date(2026, 1, 1), "Rent on Apple TV"),
        ("buy", "Apple TV", date(2026, 6, 2), "Buy on Apple TV"),  # there today
        (
            "stream",
            "Netflix",
            date(2026, 6, 3),
            'Stream on Netflix from <time datetime="2026-06-03">June 3, 2026</time>',
        ),
        ("cinema", None, None, "In cinemas"),
        ("cinema", "AMC Theatres", None, "In cinemas at AMC Theatres"),
    ],
)
def test_each_entry_says_how_where_and_from_when_while_that_is_to_come(
    how, platform, available_from, text
):
    film = make_film()
    platform = make_platform(name=platform) if platform else None
    saved = make_availability(film, how=how, platform=platform, available_from=available_from)

    with time_machine.travel(TODAY, tick=False):
        html = cards.where_to_watch([saved])

    assert (
        html == f'<ul class="where-to-watch__list" aria-label="Where to watch"><li>{text}</li></ul>'
    )


def test_an_entry_links_to_the_service_and_escapes_what_it_shows():
    film = make_film()
    saved = make_availability(
        film, platform=make_platform(name=HOSTILE), url="https://films.example/t?a=1&b=2"
    )
    stored_unsafe = make_availability(film, how="buy", url="https://films.example/ok")
    Availability.objects.filter(pk=stored_unsafe.pk).update(url="javascript:alert(1)")
    stored_unsafe.refresh_from_db()

    html = cards.where_to_watch([saved, stored_unsafe])

    assert (
        '<a href="https://films.example/t?a=1&amp;b=2" rel="nofollow noopener">'
        "Stream on &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</a>"
    ) in html
    assert "javascript:" not in html
    assert "<script>" not in html
    assert cards.where_to_watch([]) == ""


# The film page and the film's card in stories


def watch_texts(html, css_class):
    found = re.search(rf'<ul class="{css_class}"[^>]*>(.*?)</ul>', html)
    return re.findall(r"<li>(.*?)</li>", found[1]) if found else []


def test_the_film_page_shows_where_to_watch_in_the_sites_region(client, settings):
    film = make_film(title="Amélie à 東京")
    make_availability(film, platform=make_platform(name="Netflix"), url="https://n.example/1")
    make_availability(film, how="cinema", available_from=timezone.localdate() + timedelta(9))
    make_availability(film, platform=make_platform(name="BBC iPlayer"), region="GB")

    response = client.get(film.get_absolute_url())
    html = response.content.decode()

    assert "Where to watch (United States)" in page_text(response)
    shown = watch_texts(html, "where-to-watch__list")
    assert len(shown) == 2
    assert shown[0].startswith("In cinemas from <time")
    assert shown[1] == '<a href="https://n.example/1" rel="nofollow noopener">Stream on Netflix</a>'
    assert "iPlayer" not in html
    # Nothing from the services is loaded: they are only linked.
    assert not re.search(r'(src|srcset)="https?://n\.example', html)

    settings.METRO_SITE_REGION = "GB"
    response = client.get(film.get_absolute_url())
    html = response.content.decode()
    assert "Where to watch (United Kingdom)" in page_text(response)
    assert [text.split(">")[-1] for text in watch_texts(html, "where-to-watch__list")] == [
        "Stream on BBC iPlayer"
    ]


def test_a_film_with_nowhere_to_watch_has_no_such_section(client):
    film = make_film()
    make_availability(film, region="GB")
    assert "Where to watch" not in client.get(film.get_absolute_url()).content.decode()


def test_the_films_card_in_a_story_shows_the_same_entries_in_the_same_order(client):
    film = make_film(title="Night Signal")
    make_availability(film, ordering=2, platform=make_platform(name="Second"))
    make_availability(film, ordering=1, platform=make_platform(name="First"))
    make_availability(film, available_from=date(2025, 5, 1), platform=make_platform(name="Dated"))
    make_availability(film, region="FR", platform=make_platform(name="Elsewhere"))
    story = make_article(live=True)
    story.films.add(film)

    loaded = load_story_details(with_story_details(Article.objects.filter(pk=story.pk)).get())
    [card_film] = loaded.films.all()
    assert card_film.where_to_watch == list(film.availabilities.in_region())
    assert [entry.platform.name for entry in card_film.where_to_watch] == [
        "Dated",
        "First",
        "Second",
    ]

    html = client.get(story.get_absolute_url()).content.decode()
    assert watch_texts(html, "film-card__watch") == [
        "Stream on Dated",
        "Stream on First",
        "Stream on Second",
    ]


def test_the_movie_structured_data_offers_a_watch_action_per_linked_service(client):
    film = make_film(title="Amélie")
    make_availability(
        film,
        how="rent",
        platform=make_platform(name="Apple TV", url="https://tv.apple.example/"),
        url="https://tv.apple.example/amelie",
        available_from=date(2026, 1, 5),
    )
    make_availability(film, how="cinema", url="https://tickets.example/amelie")
    make_availability(film, how="stream")  # no link: nothing to act on

    movie = node_of_type(client.get(film.get_absolute_url()), "Movie")

    assert movie["potentialAction"] == [
        {
            "@type": "WatchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": "https://tv.apple.example/amelie",
                "actionPlatform": [
                    "http://schema.org/DesktopWebPlatform",
                    "http://schema.org/MobileWebPlatform",
                ],
            },
            "actionAccessibilityRequirement": {
                "@type": "ActionAccessSpecification",
                "category": "rental",
                "availabilityStarts": "2026-01-05",
                "eligibleRegion": {"@type": "Country", "name": "US"},
            },
            "provider": {
                "@type": "Organization",
                "name": "Apple TV",
                "url": "https://tv.apple.example/",
            },
        }
    ]


def test_a_film_without_links_offers_no_watch_action(client):
    film = make_film()
    make_availability(film)
    assert "potentialAction" not in node_of_type(client.get(film.get_absolute_url()), "Movie")


def test_a_new_entry_moves_the_film_page_last_modified(client):
    film = make_film()
    first = client.get(film.get_absolute_url())
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=True):
        make_availability(film)
        again = client.get(film.get_absolute_url())
    assert parse_http_date(again["Last-Modified"]) > parse_http_date(first["Last-Modified"])


# The film form


def film_form(film, *rows, **version):
    data = {
        "title": film.title,
        "slug": film.slug,
        "kind": "film",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
        "availabilities-TOTAL_FORMS": str(len(rows)),
        "availabilities-INITIAL_FORMS": "0",
    }
    for index, row in enumerate(rows):
        data |= {f"availabilities-{index}-{name}": value for name, value in row.items()}
    return data | version


def netflix_row(**fields):
    return {
        "region": "US",
        "how": "stream",
        "platform": make_platform(name=f"Netflix {next(NUMBERS)}").pk,
        "url": "https://www.netflix.example/title/1",
        "ordering": "0",
    } | fields


def change_url(film):
    return reverse("admin:films_film_change", args=[film.pk])


def test_an_editor_adds_where_to_watch_on_the_film_form(editor_client, settings):
    settings.METRO_SITE_REGION = "GB"
    film = make_film()
    page = editor_client.get(change_url(film)).content.decode()
    assert "where to watch" in page.lower()
    # A new row starts in the site's country.
    assert re.search(r'<option value="GB" selected>United Kingdom</option>', page)

    response = editor_client.post(
        change_url(film), film_form(film, netflix_row(region="GB"), **started_from(film))
    )

    assert response.status_code == 302
    saved = film.availabilities.get()
    assert (saved.region, saved.how) == ("GB", "stream")
    assert saved.platform.name.startswith("Netflix")


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"url": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"region": "XX"}, "Select a valid choice."),
        ({"platform": ""}, "only cinemas may go without"),
    ],
)
def test_the_film_form_refuses_a_bad_row_and_keeps_it(editor_client, fields, error):
    film = make_film()
    response = editor_client.post(
        change_url(film), film_form(film, netflix_row(**fields), **started_from(film))
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Availability.objects.exists()


def test_a_stale_film_save_with_a_new_row_is_refused_and_adds_nothing(editor_client):
    film = make_film()
    type(film).objects.filter(pk=film.pk).update(version=film.version + 1)  # saved meanwhile

    response = editor_client.post(
        change_url(film), film_form(film, netflix_row(), base_version=str(film.version))
    )

    assert response.status_code == 409
    assert not Availability.objects.exists()
    assert "availabilities-0-url" in response.content.decode()


def test_a_writer_cannot_change_where_to_watch_a_film_on_a_published_story(client):
    film = make_film()
    make_article(live=True).films.add(film)
    client.force_login(make_user("writer"))
    client.post(change_url(film), film_form(film, netflix_row(), **started_from(film)))
    assert not Availability.objects.exists()
    # On a film no published story shows, a writer keeps where to watch as an editor does.
    other = make_film()
    client.post(change_url(other), film_form(other, netflix_row(), **started_from(other)))
    assert other.availabilities.count() == 1
