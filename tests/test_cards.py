"""Cards (articles/cards.py) and pictures (media/pictures.py): the markup readers get."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.template import Context, Template
from django.utils.safestring import SafeString

from articles import cards
from articles.models import Article
from films.models import Credit
from media.pictures import picture_html
from tests.factories import (
    make_article,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_platform,
    make_section,
    uploaded_image,
)

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(\"x\")</script> & 'quotes'"
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;"


def wide_image(**overrides):
    return make_image(file=uploaded_image(size=(1600, 900)), **overrides)


def card_for(article, **options):
    """The card as listing pages draw it: from the for_cards() query."""
    return cards.article_card(Article.objects.for_cards().get(pk=article.pk), **options)


def test_a_card_escapes_everything_from_the_database():
    section = make_section(name=HOSTILE)
    author = make_person(name=HOSTILE)
    article = make_article(
        live=True,
        section=section,
        headline=HOSTILE,
        standfirst=HOSTILE,
        hero_image=wide_image(alt_text=HOSTILE),
        authors=[author],
    )

    html = card_for(article)

    assert "<script>" not in html
    assert html.count(ESCAPED) == 5  # kicker, headline, standfirst, byline, alt text
    assert f'alt="{ESCAPED}"' in html


def test_a_card_links_its_story_and_section_and_dates_it_in_the_sites_time_zone(settings):
    settings.TIME_ZONE = "America/New_York"
    published = datetime(2024, 3, 5, 2, 30, tzinfo=ZoneInfo("UTC"))  # March 4 in New York
    article = make_article(live=True, publish_at=published, headline="The news")

    html = card_for(article, heading_level=2)

    assert (
        f'<h2 class="card__headline"><a href="{article.get_absolute_url()}">The news</a></h2>'
        in html
    )
    assert f'<a href="{article.section.get_absolute_url()}">{article.section.name}</a>' in html
    assert '<time datetime="2024-03-04T21:30:00-05:00">Mar 4, 2024</time>' in html


def test_a_card_writes_its_time_to_the_whole_second_as_html_requires(settings):
    settings.TIME_ZONE = "America/New_York"
    published = datetime(2024, 3, 5, 2, 30, 15, 123456, tzinfo=ZoneInfo("UTC"))
    article = make_article(live=True, publish_at=published)

    assert '<time datetime="2024-03-04T21:30:15-05:00">Mar 4, 2024</time>' in card_for(article)


@pytest.mark.parametrize(
    ("names", "byline"),
    [
        (["Ann"], "Ann"),
        (["Ann", "Bo"], "Ann and Bo"),
        (["Ann", "Bo", "Cy"], "Ann, Bo and Cy"),
    ],
)
def test_the_byline_joins_names_in_order(names, byline):
    authors = [make_person(name=name) for name in names]
    article = make_article(live=True, authors=authors)

    expected = f'<span class="card__byline">{byline}</span> · <time'
    assert expected in card_for(article)
    # A story not loaded for cards asks its authorships and says the same.
    assert expected in cards.article_card(Article.objects.get(pk=article.pk))


def test_a_story_without_authors_has_no_byline():
    assert "card__byline" not in card_for(make_article(live=True))


def test_the_lead_card_loads_its_picture_first_and_others_lazily():
    article = make_article(live=True, hero_image=wide_image())

    lead = card_for(article, variant="lead", heading_level=2)
    default = card_for(article)

    assert lead.startswith('<article class="card card--lead">')
    assert 'fetchpriority="high"' in lead and 'loading="lazy"' not in lead
    assert "/hero-1600." in lead  # the hero spec, in every width the image fills
    assert 'fetchpriority="high"' not in default
    assert 'loading="lazy" decoding="async"' in default
    assert "/card-800." in default and "/hero-" not in default


def test_a_compact_card_has_no_picture_or_standfirst():
    article = make_article(live=True, hero_image=wide_image(), standfirst="Read me")

    html = card_for(article, variant="compact")

    assert html.startswith('<article class="card card--compact">')
    assert "<picture>" not in html and "Read me" not in html
    assert '<h3 class="card__headline">' in html


def test_a_card_can_hide_its_section():
    article = make_article(live=True)

    assert "card__kicker" in card_for(article)
    assert "card__kicker" not in card_for(article, hide_section=True)


def test_the_card_tags_render_lists_and_single_cards():
    first, second = make_article(live=True), make_article(live=True)
    articles = list(Article.objects.for_cards().filter(pk__in=[first.pk, second.pk]))
    template = Template(
        '{% load cards %}{% article_card lead variant="lead" heading_level=2 %}'
        "{% article_cards articles hide_section=True %}"
    )

    html = template.render(Context({"lead": articles[0], "articles": articles}))

    assert html.count("<article ") == 3
    assert html.count('<h2 class="card__headline">') == 1
    assert html.count("card__kicker") == 1


def test_a_person_card_shows_the_part_or_what_they_do():
    person = make_person(name=HOSTILE, description="actor and director")

    as_cast = cards.person_card(person, character=HOSTILE)
    as_subject = cards.person_card(person)

    assert f'<p class="person-card__detail">as {ESCAPED}</p>' in as_cast
    assert '<p class="person-card__detail">Actor and director</p>' in as_subject
    assert f'<a href="{person.get_absolute_url()}">{ESCAPED}</a>' in as_subject
    # No portrait: the initial stands in, hidden from screen readers.
    assert 'person-card__portrait--empty" aria-hidden="true">&lt;</span>' in as_subject
    assert "<script>" not in as_cast + as_subject


def test_a_person_card_shows_the_portrait_with_its_alt_text():
    person = make_person(portrait=make_image(alt_text="Ann smiling"))

    html = cards.person_card(person)

    assert 'alt="Ann smiling" class="person-card__portrait" loading="lazy"' in html


def test_a_film_card_says_where_and_when_it_is_out_with_the_year():
    film = make_film(
        title=HOSTILE,
        kind="series",
        release_date=date(2019, 5, 24),
        platform=make_platform(name="Streamer & Co"),
    )

    html = cards.film_card(film)

    assert f'<a href="{film.get_absolute_url()}">{ESCAPED}</a>' in html
    assert '<p class="film-card__meta">Series · 2019</p>' in html
    assert (
        '<p class="film-card__release">Released on Streamer &amp; Co on '
        '<time datetime="2019-05-24">May 24, 2019</time></p>'
    ) in html
    assert "<script>" not in html


@pytest.mark.parametrize(
    ("platform", "released", "text"),
    [
        (True, None, "On Box"),
        (True, date(2026, 6, 1), "Released on Box on"),
        (True, date(2026, 6, 2), "Released on Box on"),  # out today
        (True, date(2026, 6, 3), "Coming to Box on"),
        (False, date(2025, 12, 1), "Released on"),
        (False, date(2027, 12, 1), "Coming on"),
    ],
)
def test_a_film_release_is_in_the_past_or_future_tense_and_needs_one_of_platform_and_date(
    platform, released, text
):
    film = make_film(
        release_date=released, platform=make_platform(name="Box") if platform else None
    )

    with time_machine.travel(datetime(2026, 6, 2, 12, tzinfo=ZoneInfo("UTC")), tick=False):
        release = cards.film_release(film)

    assert release.startswith(text)
    if released:
        shown = f"{released:%B} {released.day}, {released.year}"
        assert release.endswith(f'<time datetime="{released.isoformat()}">{shown}</time>')


def test_a_film_without_either_has_no_release_line():
    assert "film-card__release" not in cards.film_card(make_film())


def test_a_film_card_names_its_cast_with_links_to_their_pages():
    film = make_film()
    cast = [make_person(name=HOSTILE), make_person(name="Beyoncé"), make_person(name="東京 Taro")]

    html = cards.film_card(film, cast=cast)

    links = [f'<a href="{person.get_absolute_url()}">{person.name}</a>' for person in cast[1:]]
    assert (
        f'<p class="film-card__cast">With <a href="{cast[0].get_absolute_url()}">{ESCAPED}</a>, '
        f"{links[0]} and {links[1]}</p>"
    ) in html
    assert "film-card__cast" not in cards.film_card(film)


def test_a_person_card_in_a_story_says_the_part_played_in_the_storys_films():
    film = make_film(title=HOSTILE)
    person = make_person(description="actor")
    acting = make_credit(film, person, character_name="Charlotte")
    directing = make_credit(film, person, role=Credit.Role.DIRECTOR, billing_order=9)

    one_film = cards.person_card(person, parts=[acting])
    two_parts = cards.person_card(person, parts=[acting, directing])
    named = cards.person_card(person, parts=[acting, directing], name_films=True)

    assert '<p class="person-card__detail">as Charlotte</p>' in one_film
    assert '<p class="person-card__detail">as Charlotte · Director</p>' in two_parts
    assert (
        f'<p class="person-card__detail">as Charlotte in <cite>{ESCAPED}</cite> · '
        f"Director of <cite>{ESCAPED}</cite></p>"
    ) in named
    assert "<script>" not in named


def test_in_this_story_pictures_declare_their_4rem_boxes_and_offer_64_and_128_wide_files():
    film = make_film(poster=make_image(file=uploaded_image(size=(800, 1200))))
    person = make_person(portrait=make_image(file=uploaded_image(size=(800, 800))))

    html = cards.story_subject_cards([film], [person])

    for css_class in ("film-card__poster", "person-card__portrait"):
        img = re.search(rf'<img [^>]*class="{css_class}"[^>]*>', html)[0]
        assert 'sizes="4rem"' in img
        assert " 64w, " in img and " 128w, " in img
    # A film's cast, on its page, is drawn at 8rem.
    assert 'sizes="8rem"' in cards.person_card(person)


def test_picture_urls_are_the_renditions_urls():
    image = wide_image()
    renditions = image.renditions

    html = picture_html(image, "card", sizes="50vw")

    for fmt in ("webp", "jpeg"):
        expected = ", ".join(f"{r.url} {r.width}w" for r in renditions.for_spec("card", fmt))
        assert f'srcset="{expected}" sizes="50vw"' in html
    largest = renditions.for_spec("card", "jpeg")[-1]
    default = renditions.get("card", 800, "jpeg")
    assert f'<img src="{default.url}"' in html
    assert f'width="{largest.width}" height="{largest.height}"' in html
    assert re.fullmatch(r"<picture>(<source [^>]+>)+<img [^>]+></picture>", html)


def test_a_picture_escapes_its_alt_text_and_options():
    image = wide_image(alt_text=HOSTILE)

    html = picture_html(image, "card", sizes='"><b>', css_class='"x')

    assert f'alt="{ESCAPED}"' in html
    assert 'sizes="&quot;&gt;&lt;b&gt;"' in html and 'class="&quot;x"' in html
    assert "<script>" not in html and "<b>" not in html


def test_a_search_result_escapes_the_story_and_keeps_the_snippets_marks():
    article = make_article(
        live=True,
        section=make_section(name=HOSTILE),
        headline=HOSTILE,
        hero_image=wide_image(alt_text=HOSTILE),
        authors=[make_person(name="Ann Writer"), make_person(name="Bob Reporter")],
    )
    story = Article.objects.for_cards().get(pk=article.pk)
    story.snippet = SafeString("a <mark>thriller</mark> &amp; more")

    html = cards.search_result(story)

    assert "<script>" not in html
    assert html.count(ESCAPED) == 3  # kicker, headline, alt text
    assert '<p class="search-result__snippet">a <mark>thriller</mark> &amp; more</p>' in html
    assert "Ann Writer and Bob Reporter" in html
    assert 'class="search-result__image"' in html and 'loading="lazy"' in html


def test_a_search_result_without_snippet_or_picture_leaves_them_out():
    story = Article.objects.for_cards().get(pk=make_article(live=True, headline="Plain").pk)
    story.snippet = ""

    html = cards.search_result(story)

    assert "search-result__snippet" not in html and "<picture" not in html
    assert f'href="{story.get_absolute_url()}">Plain</a>' in html
