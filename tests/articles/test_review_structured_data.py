"""Review structured data, checked against Google's review-snippet requirements.

review_snippet_problems() encodes what Google's "Review snippet (Review,
AggregateRating) structured data" guide asks of a Review
(developers.google.com/search/docs/appearance/structured-data/review-snippet):

- author (required): a Person or Organization with a valid name, less than 100
  characters (not a URL or a promotion);
- itemReviewed (required, unless the Review sits in its item's own `review`) of
  a type Google shows reviews for (Movie, CreativeWorkSeries such as TVSeries…),
  with a name;
- reviewRating (required, except that a single review may leave its rating out
  when it has both an author and a review date), whose ratingValue is a number
  (a dot for decimals) between worstRating and bestRating, which default to 1
  and 5 when left out;
- datePublished (recommended), an ISO 8601 date.

Every review page and film page we make is run through it: films and series,
rated and unrated, with unicode titles.
"""

import re
from datetime import date

import pytest

from articles.models import Article
from films.models import Credit, Film
from tests.factories import (
    make_credit,
    make_film,
    make_image,
    make_person,
    make_review,
    uploaded_image,
)
from tests.pages import structured_data

pytestmark = pytest.mark.django_db

# The types Google shows review snippets for, with the subtypes of theirs we could use.
REVIEWABLE_TYPES = {
    "Book",
    "Course",
    "CreativeWorkSeason",
    "CreativeWorkSeries",
    "TVSeries",
    "Episode",
    "TVEpisode",
    "Event",
    "Game",
    "VideoGame",
    "HowTo",
    "LocalBusiness",
    "MediaObject",
    "Movie",
    "MusicPlaylist",
    "MusicRecording",
    "Organization",
    "Product",
    "Recipe",
    "SoftwareApplication",
}
AUTHOR_TYPES = {"Person", "Organization"}
AUTHOR_NAME_LIMIT = 100
ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def number(value):
    """A rating's number, as Google reads it: a JSON number, or text with a dot for decimals."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, str) and NUMBER.match(value.strip()):
        return float(value)
    return None


def review_snippet_problems(review, *, nested=False):
    """What Google's review-snippet requirements find wrong with a Review node; [] if nothing.
    `nested`: the Review sits in its item's `review`, so it needs no itemReviewed."""
    problems = []
    if "Review" not in as_list(review.get("@type")):
        problems.append("@type is not Review")

    authors = as_list(review.get("author"))
    if not authors:
        problems.append("author is missing")
    for author in authors:
        if not isinstance(author, dict) or not AUTHOR_TYPES & set(as_list(author.get("@type"))):
            problems.append(f"author {author!r} is not a Person or Organization")
            continue
        name = author.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append("an author has no name")
        elif len(name) >= AUTHOR_NAME_LIMIT:
            problems.append(f"author name {name!r} is not under {AUTHOR_NAME_LIMIT} characters")
        elif "://" in name or name.lower().startswith("www."):
            problems.append(f"author name {name!r} is a web address, not a name")

    item = review.get("itemReviewed")
    if item is None:
        if not nested:
            problems.append("itemReviewed is missing")
    elif not isinstance(item, dict):
        problems.append("itemReviewed is not an object")
    else:
        if not REVIEWABLE_TYPES & set(as_list(item.get("@type"))):
            problems.append(f"itemReviewed is a {item.get('@type')}, which Google does not review")
        if not isinstance(item.get("name"), str) or not item["name"].strip():
            problems.append("itemReviewed has no name")

    published = review.get("datePublished")
    if published is not None and not (isinstance(published, str) and ISO_8601.match(published)):
        problems.append(f"datePublished {published!r} is not an ISO 8601 date")

    rating = review.get("reviewRating")
    if rating is None:
        if not authors or not published:
            problems.append("no reviewRating, and no author and datePublished to go without one")
        return problems
    if not isinstance(rating, dict):
        return [*problems, "reviewRating is not a Rating"]
    value = number(rating.get("ratingValue"))
    best = number(rating.get("bestRating", 5))
    worst = number(rating.get("worstRating", 1))
    if value is None:
        problems.append(f"reviewRating.ratingValue {rating.get('ratingValue')!r} is not a number")
    if best is None or worst is None or worst >= best:
        problems.append("reviewRating's worstRating is not below its bestRating")
    elif value is not None and not worst <= value <= best:
        problems.append(f"reviewRating.ratingValue {value} is outside {worst} to {best}")
    return problems


# The checker, on reviews that break each rule

GOOD = {
    "@type": "Review",
    "author": {"@type": "Person", "name": "Zoë Ørsted"},
    "datePublished": "2026-05-24T09:30:00-04:00",
    "itemReviewed": {"@type": "Movie", "name": "Amélie"},
    "reviewRating": {"@type": "Rating", "ratingValue": 4.5, "bestRating": 5, "worstRating": 0},
}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"author": None}, "author is missing"),
        ({"author": {"@type": "Thing", "name": "Zoë"}}, "is not a Person or Organization"),
        ({"author": {"@type": "Person", "name": "Z" * 100}}, "is not under 100 characters"),
        ({"author": {"@type": "Person", "name": "https://spam.example"}}, "a web address"),
        ({"itemReviewed": None}, "itemReviewed is missing"),
        ({"itemReviewed": {"@type": "Thing", "name": "Amélie"}}, "which Google does not review"),
        ({"itemReviewed": {"@type": "Movie", "name": " "}}, "itemReviewed has no name"),
        ({"datePublished": "24/05/2026"}, "not an ISO 8601 date"),
        ({"reviewRating": None, "datePublished": None}, "no reviewRating, and no author"),
        ({"reviewRating": {"@type": "Rating", "bestRating": 5}}, "is not a number"),
        ({"reviewRating": {"@type": "Rating", "ratingValue": "4,5"}}, "is not a number"),
        ({"reviewRating": {"@type": "Rating", "ratingValue": 0}}, "outside 1 to 5"),
        ({"reviewRating": {"@type": "Rating", "ratingValue": 6}}, "outside 1 to 5"),
        (
            {"reviewRating": {"@type": "Rating", "ratingValue": 3, "worstRating": 5}},
            "worstRating is not below",
        ),
    ],
)
def test_the_checker_finds_each_broken_rule(change, problem):
    review = {key: value for key, value in (GOOD | change).items() if value is not None}
    assert review_snippet_problems(GOOD) == []
    assert any(problem in found for found in review_snippet_problems(review))


def test_a_nested_review_needs_no_item_and_an_unrated_one_needs_author_and_date():
    unrated = {key: value for key, value in GOOD.items() if key != "reviewRating"}
    assert review_snippet_problems(unrated) == []
    nested = {key: value for key, value in GOOD.items() if key != "itemReviewed"}
    assert review_snippet_problems(nested, nested=True) == []
    assert review_snippet_problems(nested) == ["itemReviewed is missing"]


# Our pages


def review_nodes(response):
    return [node for node in structured_data(response) if node["@type"] == "Review"]


@pytest.mark.parametrize(
    ("kind", "title", "item_type"),
    [(Film.Kind.FILM, "Amélie", "Movie"), (Film.Kind.SERIES, "東京物語", "TVSeries")],
)
@pytest.mark.parametrize(("half_stars", "value"), [(8, 4), (7, 3.5), (0, 0), (None, None)])
def test_a_review_page_carries_a_review_snippet_google_accepts(
    client, kind, title, item_type, half_stars, value
):
    film = make_film(
        title=title,
        kind=kind,
        release_date=date(2001, 4, 25),
        poster=make_image(file=uploaded_image(size=(400, 600))),
        imdb_id="tt0211915",
    )
    make_credit(film, make_person(name="Jean-Pierre Jeunet"), role=Credit.Role.DIRECTOR)
    make_credit(film, make_person(name="Audrey Tautou"), role=Credit.Role.ACTOR)
    critic = make_person(name="Zoë Ørsted")
    review = make_review(film, rating=half_stars, critics=[critic], headline=f"{title} review")

    response = client.get(review.get_absolute_url())
    nodes = structured_data(response)

    [node] = review_nodes(response)
    assert review_snippet_problems(node) == []
    item = node["itemReviewed"]
    assert item["@type"] == item_type and item["name"] == title
    assert item["url"].endswith(film.get_absolute_url())
    assert item["dateCreated"] == "2001-04-25"
    assert item["startDate" if kind == Film.Kind.SERIES else "datePublished"] == "2001-04-25"
    assert [director["name"] for director in item["director"]] == ["Jean-Pierre Jeunet"]
    assert item["image"]["url"].startswith("http://testserver/")
    assert node["author"][0]["name"] == "Zoë Ørsted"
    assert node["author"][0]["url"].endswith(critic.get_absolute_url())
    assert node["publisher"]["name"]
    if value is None:
        assert "reviewRating" not in node
    else:
        assert node["reviewRating"] == {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 0,
        }
    # The story stays a NewsArticle too, and the Review is the same node the film page lists.
    assert [n["@type"] for n in nodes] == ["NewsArticle", "Review", "BreadcrumbList"]
    film_page = client.get(film.get_absolute_url())
    [listed] = next(n for n in structured_data(film_page) if n["@type"] == item_type)["review"]
    assert listed["@id"] == node["@id"]
    assert review_snippet_problems(listed, nested=True) == []
    assert listed.get("reviewRating") == node.get("reviewRating")


def test_the_film_pages_reviews_each_pass_and_drafts_are_not_among_them(client):
    film = make_film(title="Amélie")
    make_review(film, rating=10, headline="Amélie review")
    make_review(film, rating=None, headline="Amélie, twenty years on")
    make_review(film, rating=2, live=False, headline="A draft that panned it")

    movie = next(
        node
        for node in structured_data(client.get(film.get_absolute_url()))
        if node["@type"] == "Movie"
    )

    assert sorted(node["name"] for node in movie["review"]) == [
        "Amélie review",
        "Amélie, twenty years on",
    ]
    for node in movie["review"]:
        assert review_snippet_problems(node, nested=True) == []
        assert "itemReviewed" not in node  # it is the Movie around it


def test_other_stories_carry_no_review(client):
    story = make_review(make_film(), rating=None)
    Article.objects.filter(pk=story.pk).update(format=Article.Format.FEATURE, reviewed_film=None)
    assert review_nodes(client.get(story.get_absolute_url())) == []
