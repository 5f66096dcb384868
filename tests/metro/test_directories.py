"""The A–Z directories: /people/, /films/, /tags/ and /authors/.

Letters, unicode names filed under their letter, pages, the number of live
stories beside each entry (never counting drafts, stories in review or scheduled
ones), bad parameters, page heads, and a cost that does not grow with the page.
"""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone

from articles.models import Article, Authorship, Section, reserved_section_slugs
from articles.views import AuthorDirectoryView, TagDirectoryView
from core.directory import OTHER, letter_of, letter_parameter, sort_name
from films.models import Film
from films.views import FilmDirectoryView
from people.models import Person
from people.views import PersonDirectoryView
from tests.factories import make_article, make_film, make_person, make_section
from tests.pages import node_of_type, page_text, read_head

pytestmark = pytest.mark.django_db

ORIGIN = "https://news.example"
DIRECTORIES = {
    "/people/": PersonDirectoryView,
    "/films/": FilmDirectoryView,
    "/tags/": TagDirectoryView,
    "/authors/": AuthorDirectoryView,
}


@pytest.fixture(autouse=True)
def public_origin(settings):
    settings.SITE_URL = ORIGIN


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def unpublished_stories():
    """A draft, a story in review and a scheduled one."""
    return [
        make_article(headline="Draft"),
        make_article(headline="In review", status=Article.Status.REVIEW),
        make_article(
            headline="Scheduled",
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() + timedelta(hours=3),
        ),
    ]


def link(story, *, people=(), films=(), tags=(), authors=()):
    story.people.add(*people)
    story.films.add(*films)
    story.tags.add(*tags)
    for order, person in enumerate(authors):
        Authorship.objects.create(article=story, person=person, order=order)
    return story


def entries(response):
    """The directory's entries as (name, detail, count text), in page order."""
    assert response.status_code == 200
    html = response.content.decode()
    found = []
    for item in re.findall(r'<li class="directory__entry">(.*?)</li>', html, re.DOTALL):
        name = re.search(r'class="directory__name"[^>]*>(.*?)</a>', item).group(1)
        detail = re.search(r'class="directory__detail">(.*?)</span>', item)
        count = re.search(r'class="directory__count">(.*?)</span>', item).group(1)
        found.append((name, detail.group(1) if detail else "", count))
    return found


def names(response):
    return [name for name, _, _ in entries(response)]


def letters(response):
    """{label: "current" | "link" | "empty"} from the letter index."""
    html = response.content.decode()
    index = html.split('class="letter-index__list"')[1].split("</ul>")[0]
    found = {}
    for item in re.findall(r"<li>(.*?)</li>", index, re.DOTALL):
        label = re.sub(r"<span class=\"visually-hidden\">.*?</span>", "", item)
        label = re.sub(r"<[^>]+>", "", label).strip()
        if 'aria-current="page"' in item:
            found[label] = "current"
        elif "<a " in item:
            found[label] = "link"
        else:
            found[label] = "empty"
    return found


# Addresses


@pytest.mark.parametrize("path", DIRECTORIES)
def test_each_directory_has_its_address_before_the_section_fronts(client, path):
    assert resolve(path).func.view_class is DIRECTORIES[path]
    assert path.strip("/") in reserved_section_slugs()
    with pytest.raises(ValidationError):
        Section(name="Clash", slug=path.strip("/")).full_clean()
    response = client.get(path)
    assert response.status_code == 200
    assert response.context["title"] in page_text(response)


def test_the_footer_links_every_directory(client):
    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    for path in DIRECTORIES:
        assert f'href="{path}"' in footer


def test_entries_and_their_pages_still_answer_beside_the_directories(client):
    person, film = make_person(slug="people-person"), make_film(slug="films-film")
    writer = make_person(slug="tags")  # Slugs equal to directory words stay under their prefix.
    link(make_article(live=True), people=[person], films=[film], tags=["People"], authors=[writer])
    for path in (
        person.get_absolute_url(),
        film.get_absolute_url(),
        "/tags/people/",
        "/authors/tags/",
    ):
        assert client.get(path).status_code == 200, path


# Filing names under letters


@pytest.mark.parametrize(
    ("name", "key", "letter"),
    [
        ("Émilie Dupont", "emilie-dupont", "e"),
        ("Emil Zola", "emil-zola", "e"),
        ("Zoë Ørsted", "zoe-orsted", "z"),
        ("Øystein Berg", "oystein-berg", "o"),
        ("Ærø", "aero", "a"),
        ("İlker", "ilker", "i"),
        ("Łukasz", "lukasz", "l"),
        ("’Allo ’Allo!", "allo-allo", "a"),
        ("The Salt Ledger", "the-salt-ledger", "t"),
        ("1917", "1917", OTHER),
        ("東京 Story", "東京-story", OTHER),
        ("Москва", "москва", OTHER),
        ("🎬", "🎬", OTHER),
        ("", "", OTHER),
    ],
)
def test_a_name_files_under_its_unaccented_latin_letter_or_under_other(name, key, letter):
    assert sort_name(name) == key
    assert letter_of(sort_name(name)) == letter


def test_the_sort_name_follows_the_name_on_save_and_bulk_create():
    person = make_person(name="Émilie Dupont")
    assert Person.objects.get(pk=person.pk).sort_name == "emilie-dupont"
    person.name = "Zoë Ørsted"
    person.save()
    assert Person.objects.get(pk=person.pk).sort_name == "zoe-orsted"
    [film] = Film.objects.bulk_create([Film(title="Ángel Azul", slug="angel-azul")])
    assert Film.objects.get(slug="angel-azul").sort_title == "angel-azul"


@pytest.mark.parametrize(
    ("value", "letter"),
    [("", ""), ("e", "e"), ("E", "e"), (" q ", "q"), ("other", OTHER), ("OTHER", OTHER)],
)
def test_letters_readers_may_ask_for(value, letter):
    assert letter_parameter(value) == letter


@pytest.mark.parametrize("value", ["zz", "#", "é", "0", "1", "a&b", "\x00", "ab" * 500])
def test_letters_that_are_refused(value):
    with pytest.raises(ValueError):
        letter_parameter(value)


def test_people_sort_and_group_by_their_unaccented_names(client):
    # Names whose order is the same under any database collation (C, SQLite's, en_US).
    for name in [
        "Zoë Ørsted",
        "Emma Stone",
        "Émilie Dupont",
        "東京 Kid",
        "Eva Ek",
        "Øystein Berg",
        "1917 Cast",
        "Ada Lovelace",
    ]:
        make_person(name=name)

    everyone = client.get("/people/")
    assert names(everyone) == [
        "1917 Cast",
        "Ada Lovelace",
        "Émilie Dupont",
        "Emma Stone",
        "Eva Ek",
        "Øystein Berg",
        "Zoë Ørsted",
        "東京 Kid",
    ]
    letter_e = ["Émilie Dupont", "Emma Stone", "Eva Ek"]
    assert names(client.get("/people/", {"letter": "e"})) == letter_e
    assert names(client.get("/people/", {"letter": "E"})) == letter_e
    assert names(client.get("/people/", {"letter": "o"})) == ["Øystein Berg"]
    assert names(client.get("/people/", {"letter": "other"})) == ["1917 Cast", "東京 Kid"]

    index = letters(everyone)
    assert list(index) == ["All", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]
    assert {label for label, state in index.items() if state == "link"} == {
        "A",
        "E",
        "O",
        "Z",
        "#",
    }
    assert index["All"] == "current" and index["B"] == "empty"
    assert letters(client.get("/people/", {"letter": "e"}))["E"] == "current"


def test_unicode_tags_file_under_the_letter_of_their_slug(client):
    link(make_article(live=True), tags=["Beyoncé", "Émilie", "東京", "C++", "Box office"])
    assert names(client.get("/tags/", {"letter": "b"})) == ["Beyoncé", "Box office"]
    assert names(client.get("/tags/", {"letter": "e"})) == ["Émilie"]
    assert names(client.get("/tags/", {"letter": "c"})) == ["C++"]
    assert names(client.get("/tags/", {"letter": "other"})) == ["東京"]


def test_films_show_kind_and_year(client):
    make_film(title="The Salt Ledger", kind=Film.Kind.SERIES, release_date=ago(days=800).date())
    make_film(title="Untitled")
    year = ago(days=800).year
    assert entries(client.get("/films/", {"letter": "t"})) == [
        ("The Salt Ledger", f"Series, {year}", "No stories yet"),
    ]
    assert entries(client.get("/films/", {"letter": "u"})) == [
        ("Untitled", "Film", "No stories yet")
    ]


# Counts: live stories only


def test_people_are_counted_in_live_stories_only(client):
    star = make_person(name="Sam Star", description="actor")
    quiet = make_person(name="Quinn Quiet")
    for story in (make_article(live=True), make_article(live=True, publish_at=ago(days=9))):
        link(story, people=[star])
    for story in unpublished_stories():
        link(story, people=[star, quiet])
    pulled = make_article(live=True)
    link(pulled, people=[star])
    pulled.status = Article.Status.DRAFT
    pulled.save()

    assert entries(client.get("/people/", {"letter": "s"})) == [("Sam Star", "actor", "2 stories")]
    # Everyone with a page is listed, even before their first live story.
    assert entries(client.get("/people/", {"letter": "q"})) == [
        ("Quinn Quiet", "", "No stories yet")
    ]


def test_films_are_counted_in_live_stories_only(client):
    film = make_film(title="Night Signal")
    link(make_article(live=True), films=[film])
    for story in unpublished_stories():
        link(story, films=[film])
    assert entries(client.get("/films/", {"letter": "n"})) == [("Night Signal", "Film", "1 story")]


def test_topics_are_listed_and_counted_with_live_stories_only(client):
    for _ in range(3):
        link(make_article(live=True), tags=["Thrillers"])
    for story in unpublished_stories():
        link(story, tags=["Thrillers", "Embargoed"])

    assert entries(client.get("/tags/")) == [("Thrillers", "", "3 stories")]
    assert "Embargoed" not in client.get("/tags/").content.decode()
    assert letters(client.get("/tags/"))["E"] == "empty"


def test_authors_are_listed_and_counted_with_live_bylines_only(client):
    ann = make_person(name="Ann Writer", description="film critic")
    drafter = make_person(name="Dee Drafter")
    make_person(name="Ned Nobody")
    story = link(make_article(live=True), authors=[ann])
    # Two roles in one byline: one story.
    Authorship.objects.create(article=story, person=ann, role=Authorship.Role.PHOTOGRAPHER)
    link(make_article(live=True), authors=[ann, drafter])
    for story in unpublished_stories():
        link(story, authors=[ann, drafter])
    only_drafts = make_person(name="Olga Drafts")
    link(make_article(), authors=[only_drafts])

    response = client.get("/authors/")
    assert entries(response) == [
        ("Ann Writer", "film critic", "2 stories"),
        ("Dee Drafter", "", "1 story"),
    ]
    html = response.content.decode()
    assert f'href="/authors/{ann.slug}/"' in html
    assert "Ned Nobody" not in html and "Olga Drafts" not in html
    assert letters(response)["O"] == "empty" and letters(response)["N"] == "empty"


def test_a_scheduled_story_is_counted_once_it_goes_live(client):
    star = make_person(name="Sam Star")
    scheduled = make_article(
        status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(seconds=1)
    )
    link(scheduled, people=[star], authors=[star], tags=["Later"])
    assert entries(client.get("/people/")) == [("Sam Star", "", "No stories yet")]
    assert entries(client.get("/authors/")) == []
    Article.objects.filter(pk=scheduled.pk).update(publish_at=ago(seconds=1))
    assert entries(client.get("/people/")) == [("Sam Star", "", "1 story")]
    assert entries(client.get("/authors/")) == [("Sam Star", "", "1 story")]
    assert entries(client.get("/tags/")) == [("Later", "", "1 story")]


def test_names_are_text_not_markup(client):
    evil = '<script>alert("x")</script> & Co'
    person = make_person(name=evil, description="<b>bold</b>")
    link(make_article(live=True), people=[person], authors=[person], tags=[evil])
    make_film(title=evil)
    for path in DIRECTORIES:
        html = client.get(path).content.decode()
        assert "<script>alert" not in html, path
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html, path


# Pages


@pytest.fixture
def two_a_page(monkeypatch):
    for view in DIRECTORIES.values():
        monkeypatch.setattr(view, "paginate_by", 2)


def test_directories_are_paged_without_counting_the_whole_list(client, two_a_page):
    for name in ["Ava", "Ben", "Cat", "Dan", "Eve"]:
        make_person(name=name)

    first = client.get("/people/")
    assert names(first) == ["Ava", "Ben"]
    html = first.content.decode()
    assert 'rel="next" href="?page=2"' in html and 'rel="prev"' not in html
    assert "Next" in page_text(first) and "Older" not in page_text(first)
    assert names(client.get("/people/", {"page": 2})) == ["Cat", "Dan"]
    last = client.get("/people/", {"page": 3})
    assert names(last) == ["Eve"]
    assert 'rel="next"' not in last.content.decode()
    assert client.get("/people/", {"page": 4}).status_code == 404


def test_letter_pages_keep_their_letter_from_page_to_page(client, two_a_page):
    for name in ["Mia", "Max", "Mo", "Nat"]:
        make_person(name=name)
    first = client.get("/people/", {"letter": "m"})
    assert names(first) == ["Max", "Mia"]
    assert 'rel="next" href="?letter=m&amp;page=2"' in first.content.decode()
    second = client.get("/people/", {"letter": "m", "page": 2})
    assert names(second) == ["Mo"]
    assert 'rel="prev" href="?letter=m&amp;page=1"' in second.content.decode()


@pytest.mark.parametrize("path", DIRECTORIES)
@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=1.5",
        "page=99999999999",
        "page=99999999999999999999999999",
        "page=2",
        "letter=zz",
        "letter=%23",
        "letter=%C3%A9",
        "letter=%00",
        "letter=e&page=abc",
        "letter=q&page=2",
    ],
)
def test_bad_parameters_answer_404(client, path, query):
    make_person(name="Ann")
    assert client.get(f"{path}?{query}").status_code == 404


@pytest.mark.parametrize("path", DIRECTORIES)
def test_harmless_parameters_are_ignored_or_understood(client, path):
    assert client.get(path, {"page": "1", "junk": "1"}).status_code == 200
    assert client.get(path, {"page": "last"}).status_code == 200
    assert client.get(path, {"letter": "Q"}).status_code == 200


def test_an_empty_letter_says_so_and_is_not_indexed(client):
    make_person(name="Ann")
    response = client.get("/people/", {"letter": "q"})
    assert entries(response) == []
    assert "No one is filed under this letter yet." in page_text(response)
    assert read_head(response).meta["robots"] == ["noindex, follow"]


# Page heads


def test_the_head_names_the_directory_and_its_one_address(client, two_a_page):
    for name in ["Ava", "Ben", "Cat", "Ema", "Eli", "Eda"]:
        make_person(name=name)

    first = read_head(client.get("/people/"))
    assert [link["href"] for link in first.links if link.get("rel") == "canonical"] == [
        f"{ORIGIN}/people/"
    ]
    assert "robots" not in first.meta
    assert first.meta["og:title"] == ["People A–Z"]
    assert first.meta["description"][0].startswith("The actors, directors")

    response = client.get("/people/", {"letter": "e", "page": 2, "junk": "x"})
    head = read_head(response)
    assert [link["href"] for link in head.links if link.get("rel") == "canonical"] == [
        f"{ORIGIN}/people/?letter=e&page=2"
    ]
    assert head.meta["robots"] == ["noindex, follow"]
    assert head.meta["og:title"] == ["People: E, page 2"]
    assert "<title>People: E, page 2 | " in response.content.decode()

    letter_page = read_head(client.get("/people/", {"letter": "E"}))
    assert [link["href"] for link in letter_page.links if link.get("rel") == "canonical"] == [
        f"{ORIGIN}/people/?letter=e"
    ]
    assert "robots" not in letter_page.meta


def test_structured_data_lists_the_page_and_its_breadcrumbs(client, two_a_page):
    people = [make_person(name=name) for name in ["Eda", "Eli", "Ema"]]
    response = client.get("/people/", {"letter": "e", "page": 2})

    page = node_of_type(response, "CollectionPage")
    assert page["url"] == f"{ORIGIN}/people/?letter=e&page=2"
    items = page["mainEntity"]["itemListElement"]
    assert [(item["position"], item["name"], item["url"]) for item in items] == [
        (3, "Ema", ORIGIN + people[2].get_absolute_url())
    ]
    trail = node_of_type(response, "BreadcrumbList")["itemListElement"]
    assert [(crumb["name"], crumb["item"]) for crumb in trail] == [
        ("Home", f"{ORIGIN}/"),
        ("People", f"{ORIGIN}/people/"),
        ("E", f"{ORIGIN}/people/?letter=e"),
    ]


def test_entries_link_to_their_pages(client):
    person = make_person(name="Ann")
    film = make_film(title="Ann's Film")
    link(make_article(live=True), people=[person], films=[film], tags=["Annals"], authors=[person])
    for path, href in [
        ("/people/", person.get_absolute_url()),
        ("/films/", film.get_absolute_url()),
        ("/tags/", "/tags/annals/"),
        ("/authors/", f"/authors/{person.slug}/"),
    ]:
        response = client.get(path)
        assert f'class="directory__name" href="{href}"' in response.content.decode()
        assert client.get(href).status_code == 200


# Cost


def directory_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("path", DIRECTORIES)
def test_a_page_costs_the_same_queries_whatever_its_size(client, monkeypatch, path):
    """The counts are one GROUP BY over the page's ids, never a query per entry."""
    section = make_section()
    for number in range(6):
        person = make_person(name=f"Person {number}")
        film = make_film(title=f"Film {number}")
        link(
            make_article(live=True, section=section),
            people=[person],
            films=[film],
            tags=[f"Topic {number}"],
            authors=[person],
        )
    directory_queries(client, path)  # Content types and the navigation, once.

    monkeypatch.setattr(DIRECTORIES[path], "paginate_by", 2)
    small = directory_queries(client, path)
    monkeypatch.setattr(DIRECTORIES[path], "paginate_by", 50)
    large = directory_queries(client, path)

    assert len(large) == len(small) <= 4
    assert len(entries(client.get(path))) == 6
    assert not [sql for sql in large if "COUNT(*)" in sql.upper()]
    grouped = [sql for sql in large if "GROUP BY" in sql.upper()]
    assert len(grouped) == 1, grouped
