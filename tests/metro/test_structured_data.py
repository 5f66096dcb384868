"""JSON-LD on every public page: what search engines read about our stories, films and people."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Authorship
from films.models import Credit, Film, Genre
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
from tests.pages import node_of_type, read_head, structured_data

pytestmark = pytest.mark.django_db
ORIGIN = "https://news.example"


@pytest.fixture(autouse=True)
def public_origin(settings):
    settings.SITE_URL = ORIGIN


def big_image(**overrides):
    """A picture large enough for every structured-data crop."""
    file = uploaded_image(size=(2400, 1600))
    return make_image(file=file, **overrides)


@pytest.fixture
def story():
    section = make_section(name="Film", slug="film")
    critic = make_person(name="Ada Critic", slug="ada-critic", imdb_id="nm0000123")
    second = make_person(name="Ben Second", slug="ben-second", website="https://ben.example/")
    photographer = make_person(name="Cam Shooter", slug="cam-shooter")
    actor = make_person(name="Dana Lead", slug="dana-lead")
    film = make_film(title="Night Signal", slug="night-signal")
    article = make_article(
        live=True,
        section=section,
        headline="Dana Lead gives the scoop on Night Signal",
        standfirst="The star of the new thriller on what comes next.",
        hero_image=big_image(caption="Dana Lead on set", credit="PHOTO: Netflix"),
        authors=[critic, second],
    )
    Authorship.objects.create(
        article=article, person=photographer, role=Authorship.Role.PHOTOGRAPHER, order=5
    )
    article.tags.add("Thrillers", "Streaming")
    article.people.add(actor)
    article.films.add(film)
    return Article.objects.get(pk=article.pk)


def test_a_story_is_a_news_article_with_everything_search_engines_ask_for(client, story):
    response = client.get(story.get_absolute_url())
    url = ORIGIN + story.get_absolute_url()
    article = node_of_type(response, "NewsArticle")

    assert article["headline"] == story.headline
    assert article["description"] == story.standfirst
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["articleSection"] == "Film"
    assert sorted(article["keywords"]) == ["Streaming", "Thrillers"]
    assert article["inLanguage"] == "en-US"

    shapes = {round(image["width"] / image["height"], 2) for image in article["image"]}
    assert shapes == {1.0, 1.33, 1.78}  # 1:1, 4:3 and 16:9
    for image in article["image"]:
        assert image["url"].startswith(f"{ORIGIN}/images/{story.hero_image.pk}/")
        assert image["width"] >= 1200
        assert client.get(image["url"].removeprefix(ORIGIN)).status_code == 200

    published = datetime.fromisoformat(article["datePublished"])
    assert published.utcoffset() is not None
    assert published == story.first_published_at.replace(microsecond=0)
    assert datetime.fromisoformat(article["dateModified"]) >= published


def test_the_byline_becomes_authors_with_their_pages_and_identities(client, story):
    article = node_of_type(client.get(story.get_absolute_url()), "NewsArticle")

    assert [author["name"] for author in article["author"]] == ["Ada Critic", "Ben Second"]
    critic, second = article["author"]
    assert critic["@type"] == "Person"
    assert critic["url"] == f"{ORIGIN}/people/ada-critic/"
    assert critic["sameAs"] == ["https://www.imdb.com/name/nm0000123/"]
    assert second["sameAs"] == ["https://ben.example/"]
    # The photographer is credited, not listed as an author.
    assert [person["name"] for person in article["contributor"]] == ["Cam Shooter"]


def test_a_story_without_a_byline_is_by_the_publication(client):
    story = make_article(live=True)
    article = node_of_type(client.get(story.get_absolute_url()), "NewsArticle")
    assert article["author"] == [{"@id": f"{ORIGIN}/#organization"}]


def test_the_publisher_is_the_site_with_its_logo(client, story, settings):
    article = node_of_type(client.get(story.get_absolute_url()), "NewsArticle")
    publisher = article["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == settings.SITE_NAME
    logo = publisher["logo"]
    assert logo["url"].startswith(ORIGIN) and logo["url"].endswith(".png")
    assert logo["width"] and logo["height"]


def test_a_story_points_at_the_film_and_the_people_it_is_about(client, story):
    article = node_of_type(client.get(story.get_absolute_url()), "NewsArticle")
    assert article["about"] == [
        {
            "@type": "Movie",
            "@id": f"{ORIGIN}/films/night-signal/#film",
            "name": "Night Signal",
            "url": f"{ORIGIN}/films/night-signal/",
        }
    ]
    assert [person["@id"] for person in article["mentions"]] == [
        f"{ORIGIN}/people/dana-lead/#person"
    ]
    # The same ids name the entities on their own pages.
    film_page = node_of_type(client.get("/films/night-signal/"), "Movie")
    assert film_page["@id"] == article["about"][0]["@id"]
    profile = node_of_type(client.get("/people/dana-lead/"), "ProfilePage")
    assert profile["mainEntity"]["@id"] == article["mentions"][0]["@id"]


def test_long_headlines_are_cut_to_110_characters(client):
    story = make_article(live=True, headline="A remarkably long headline " * 7)
    article = node_of_type(client.get(story.get_absolute_url()), "NewsArticle")
    assert len(article["headline"]) <= 110
    assert article["headline"].endswith("…")


HOSTILE = '</script><script>alert("x")</script><!-- ]]> & \u2028'


def test_nothing_a_writer_types_can_break_out_of_the_json_ld_block(client):
    person = make_person(name=HOSTILE)
    story = make_article(live=True, headline=HOSTILE, standfirst=HOSTILE, authors=[person])
    story.tags.add(HOSTILE)
    story.people.add(person)
    response = client.get(story.get_absolute_url())

    head = read_head(response)
    assert len(head.json_ld) == 1
    article = node_of_type(response, "NewsArticle")
    assert article["headline"] == HOSTILE
    assert article["description"] == HOSTILE
    assert article["keywords"] == [HOSTILE]
    assert article["author"][0]["name"] == HOSTILE
    assert "<script>alert" not in response.content.decode()


def test_a_film_page_describes_the_movie(client):
    director = make_person(name="Eve Director", slug="eve-director")
    lead = make_person(name="Dana Lead", slug="dana-lead")
    film = make_film(
        title="Night Signal",
        slug="night-signal",
        release_date=date(2026, 10, 3),
        runtime_minutes=118,
        synopsis="A radio operator hears a voice she knows.",
        poster=big_image(),
        platform=make_platform(name="Netflix"),
        imdb_id="tt1234567",
    )
    film.genres.add(Genre.objects.create(name="Thriller", slug="thriller"))
    make_credit(film, lead, role=Credit.Role.ACTOR, character_name="Charlotte")
    make_credit(film, director, role=Credit.Role.DIRECTOR)

    movie = node_of_type(client.get(film.get_absolute_url()), "Movie")

    assert movie["name"] == "Night Signal"
    assert movie["url"] == f"{ORIGIN}/films/night-signal/"
    assert movie["image"]["url"].startswith(f"{ORIGIN}/images/")
    assert movie["datePublished"] == movie["dateCreated"] == "2026-10-03"
    assert movie["duration"] == "PT1H58M"
    assert movie["genre"] == ["Thriller"]
    assert movie["description"] == film.synopsis
    assert [person["name"] for person in movie["director"]] == ["Eve Director"]
    assert movie["actor"] == [
        {
            "@type": "PerformanceRole",
            "actor": {
                "@type": "Person",
                "@id": f"{ORIGIN}/people/dana-lead/#person",
                "name": "Dana Lead",
                "url": f"{ORIGIN}/people/dana-lead/",
            },
            "characterName": "Charlotte",
        }
    ]
    assert movie["sameAs"] == ["https://www.imdb.com/title/tt1234567/"]
    assert movie["publisher"]["name"] == "Netflix"


def test_a_series_is_a_tv_series(client):
    series = make_film(kind=Film.Kind.SERIES, release_date=date(2025, 1, 9), runtime_minutes=45)
    show = node_of_type(client.get(series.get_absolute_url()), "TVSeries")
    assert show["startDate"] == "2025-01-09"
    assert show["timeRequired"] == "PT45M"


def test_a_person_page_is_a_profile_page(client):
    person = make_person(
        name="Dana Lead",
        slug="dana-lead",
        description="actor",
        wikidata_id="Q42",
        portrait=big_image(),
        birth_date=date(1990, 5, 17),
    )
    profile = node_of_type(client.get(person.get_absolute_url()), "ProfilePage")
    someone = profile["mainEntity"]
    assert someone["@type"] == "Person"
    assert someone["name"] == "Dana Lead"
    assert someone["description"] == "actor"
    assert someone["sameAs"] == ["https://www.wikidata.org/wiki/Q42"]
    assert someone["image"]["url"].startswith(f"{ORIGIN}/images/{person.portrait.pk}/")
    assert someone["birthDate"] == "1990-05-17"
    # Not a writer of ours: no link to an author page that would not exist.
    assert "relatedLink" not in profile
    assert "subjectOf" not in someone


def test_a_writers_profile_links_to_their_stories(client):
    critic = make_person(name="Ada Critic", slug="ada-critic")
    make_article(live=True, authors=[critic])
    profile = node_of_type(client.get(critic.get_absolute_url()), "ProfilePage")
    assert profile["relatedLink"] == [f"{ORIGIN}/authors/ada-critic/"]
    assert profile["mainEntity"]["subjectOf"]["url"] == f"{ORIGIN}/authors/ada-critic/"
    assert client.get("/authors/ada-critic/").status_code == 200


def test_a_writer_with_only_unpublished_stories_gets_no_author_link(client):
    critic = make_person(name="Ada Critic", slug="ada-critic")
    make_article(authors=[critic])
    profile = node_of_type(client.get(critic.get_absolute_url()), "ProfilePage")
    assert "relatedLink" not in profile


def test_section_and_tag_pages_list_their_live_stories(client):
    section = make_section(name="News", slug="news")
    now = timezone.now()
    older = make_article(live=True, section=section, publish_at=now - timedelta(hours=3))
    newer = make_article(live=True, section=section, publish_at=now - timedelta(hours=1))
    draft = make_article(section=section)
    scheduled = make_article(
        section=section, status=Article.Status.PUBLISHED, publish_at=now + timedelta(hours=2)
    )
    for story in (older, newer, draft, scheduled):
        story.tags.add("Awards")

    for path, name in (("/news/", "News"), ("/tags/awards/", "Awards")):
        page = node_of_type(client.get(path), "CollectionPage")
        assert page["name"] == name
        assert page["url"] == ORIGIN + path
        items = page["mainEntity"]["itemListElement"]
        assert [item["url"] for item in items] == [
            ORIGIN + newer.get_absolute_url(),
            ORIGIN + older.get_absolute_url(),
        ]
        assert [item["position"] for item in items] == [1, 2]


def test_later_pages_of_a_list_number_their_items_on(client):
    section = make_section(name="News", slug="news")
    for _ in range(21):
        make_article(live=True, section=section)
    items = node_of_type(client.get("/news/?page=2"), "CollectionPage")["mainEntity"]
    assert [item["position"] for item in items["itemListElement"]] == [21]


def test_an_author_page_is_a_collection_about_the_person(client):
    critic = make_person(name="Ada Critic", slug="ada-critic")
    story = make_article(live=True, authors=[critic])
    page = node_of_type(client.get("/authors/ada-critic/"), "CollectionPage")
    assert page["about"]["@id"] == f"{ORIGIN}/people/ada-critic/#person"
    assert page["mainEntity"]["itemListElement"][0]["url"] == ORIGIN + story.get_absolute_url()


def test_the_home_page_describes_the_site_and_its_search(client, settings):
    response = client.get("/")
    site = node_of_type(response, "WebSite")
    assert site["url"] == f"{ORIGIN}/"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{ORIGIN}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    organization = node_of_type(response, "Organization")
    assert organization["name"] == settings.SITE_NAME
    assert organization["logo"]["url"].startswith(ORIGIN)


def test_every_page_has_breadcrumbs_from_home(client, story):
    critic = story.authorships.first().person
    pages = {
        "/": ["Home"],
        "/film/": ["Home", "Film"],
        story.get_absolute_url(): ["Home", "Film", story.headline],
        "/tags/thrillers/": ["Home", "Topics", "Thrillers"],
        critic.get_absolute_url(): ["Home", "People", "Ada Critic"],
        "/authors/ada-critic/": ["Home", "Ada Critic", "Stories"],
        "/films/night-signal/": ["Home", "Films and series", "Night Signal"],
        "/search/?q=night": ["Home", "Search"],
    }
    for path, names in pages.items():
        trail = node_of_type(client.get(path), "BreadcrumbList")["itemListElement"]
        assert [crumb["name"] for crumb in trail] == names, path
        assert trail[0]["item"] == f"{ORIGIN}/"
        assert [crumb["position"] for crumb in trail] == list(range(1, len(names) + 1))
        assert all(crumb["item"].startswith(ORIGIN) for crumb in trail)


def test_previews_carry_no_structured_data(client, editor):
    draft = make_article(headline="Secret scoop")
    client.force_login(editor)
    response = client.get(draft.get_preview_url())
    assert response.status_code == 200
    assert structured_data(response) == []


def test_unpublished_stories_never_reach_structured_data(client):
    """Drafts, stories in review, scheduled and pulled stories stay out of every block."""
    section = make_section(name="News", slug="news")
    person = make_person(slug="dana-lead")
    film = make_film(slug="night-signal")
    live = make_article(live=True, section=section, authors=[person])
    hidden = [
        make_article(section=section, headline="Hidden draft"),
        make_article(section=section, status=Article.Status.REVIEW, headline="Hidden review"),
        make_article(
            section=section,
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() + timedelta(days=1),
            headline="Hidden scheduled",
        ),
    ]
    pulled = make_article(live=True, section=section, headline="Hidden pulled", authors=[person])
    pulled.status = Article.Status.DRAFT
    pulled.save()
    for story in [live, *hidden, pulled]:
        story.tags.add("Awards")
        story.people.add(person)
        story.films.add(film)

    paths = [
        "/",
        "/news/",
        "/tags/awards/",
        "/authors/dana-lead/",
        "/people/dana-lead/",
        "/films/night-signal/",
        live.get_absolute_url(),
    ]
    for path in paths:
        blocks = "".join(read_head(client.get(path)).json_ld)
        assert "Hidden" not in blocks, path
        for story in [*hidden, pulled]:
            assert story.slug not in blocks, path


def test_json_ld_images_use_the_request_origin_without_a_configured_one(client, settings, story):
    settings.SITE_URL = ""
    article = node_of_type(client.get(story.get_absolute_url()), "NewsArticle")
    assert article["url"] == f"http://testserver{story.get_absolute_url()}"
    assert all(image["url"].startswith("http://testserver/") for image in article["image"])
