"""Sitemaps, the Google News sitemap and robots.txt: what crawlers are told exists."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article
from articles.sitemaps import ArticleSitemap
from films.models import Film
from media.models import Image
from metro import seo_views
from metro.seo_views import sitemaps
from people.models import Person
from tests.factories import make_article, make_film, make_image, make_person, make_section

pytestmark = pytest.mark.django_db

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"sm": SITEMAP, "image": IMAGE, "news": NEWS}
SECTIONS = ["articles", "sections", "tags", "people", "films"]
ALL_SITEMAPS = ["/sitemap.xml", *(f"/sitemap-{name}.xml" for name in SECTIONS), "/news-sitemap.xml"]


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return response, ET.fromstring(response.content)


def urlset(client, path):
    """{loc: <url> element} of a sitemap, in document order."""
    _, root = fetch(client, path)
    assert root.tag == f"{{{SITEMAP}}}urlset"
    return {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}


def index(client):
    _, root = fetch(client, "/sitemap.xml")
    assert root.tag == f"{{{SITEMAP}}}sitemapindex"
    return {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in root.findall("sm:sitemap", NS)
    }


def absolute(obj, origin="http://testserver"):
    return origin + (obj if isinstance(obj, str) else obj.get_absolute_url())


def ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


def make_live(hours_ago=1, **overrides):
    """A live story first published `hours_ago`."""
    moment = ago(hours=hours_ago)
    return make_article(live=True, publish_at=moment, **overrides)


@pytest.fixture
def site():
    """One of everything, all public."""
    section = make_section()
    story = make_live(section=section, hero_image=make_image())
    story.tags.add("thrillers")
    return {
        "section": section,
        "story": story,
        "person": make_person(),
        "film": make_film(),
    }


def test_the_index_lists_every_section_with_its_lastmod(client, site):
    entries = index(client)

    assert list(entries) == [f"http://testserver/sitemap-{name}.xml" for name in SECTIONS]
    assert all(entries.values())
    story = site["story"]
    assert datetime.fromisoformat(entries["http://testserver/sitemap-articles.xml"]) == (
        story.publish_at
    )
    assert datetime.fromisoformat(entries["http://testserver/sitemap-people.xml"]) == (
        site["person"].updated_at
    )


def test_every_sitemap_lists_its_pages(client, site):
    assert list(urlset(client, "/sitemap-articles.xml")) == [absolute(site["story"])]
    assert list(urlset(client, "/sitemap-sections.xml")) == [absolute(site["section"])]
    assert list(urlset(client, "/sitemap-tags.xml")) == ["http://testserver/tags/thrillers/"]
    assert list(urlset(client, "/sitemap-people.xml")) == [absolute(site["person"])]
    assert list(urlset(client, "/sitemap-films.xml")) == [absolute(site["film"])]
    assert list(urlset(client, "/news-sitemap.xml")) == [absolute(site["story"])]


def test_every_url_is_on_the_configured_origin(client, settings, site):
    settings.SITE_URL = "https://news.example"

    assert all(loc.startswith("https://news.example/") for loc in index(client))
    for path in ALL_SITEMAPS[1:]:
        response = client.get(path)
        tags = {f"{{{SITEMAP}}}loc", f"{{{IMAGE}}}loc"}
        locs = [el.text for el in ET.fromstring(response.content).iter() if el.tag in tags]
        assert locs, path
        assert all(loc.startswith("https://news.example/") for loc in locs), path
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://news.example/sitemap.xml\n" in robots
    assert "Sitemap: https://news.example/news-sitemap.xml\n" in robots


def test_without_a_configured_origin_urls_follow_the_request(client, settings, site):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["metro.test"]

    response = client.get("/sitemap-articles.xml", headers={"Host": "metro.test"}, secure=True)

    assert ET.fromstring(response.content).findtext("sm:url/sm:loc", namespaces=NS) == (
        absolute(site["story"], "https://metro.test")
    )


def test_stories_come_newest_first_with_their_revision_time_and_hero(client):
    older = make_live(hours_ago=5, hero_image=make_image())
    newer = make_live(hours_ago=2)
    revised_at = ago(minutes=30)
    Article.objects.filter(pk=older.pk).update(revised_at=revised_at)

    urls = urlset(client, "/sitemap-articles.xml")

    assert list(urls) == [absolute(newer), absolute(older)]
    lastmods = [url.findtext("sm:lastmod", namespaces=NS) for url in urls.values()]
    assert [datetime.fromisoformat(lastmod) for lastmod in lastmods] == [
        newer.publish_at,
        revised_at,
    ]
    hero = older.hero_image.renditions.largest("hero", "jpeg")
    assert urls[absolute(older)].findtext("image:image/image:loc", namespaces=NS) == (
        absolute(hero.url)
    )
    assert urls[absolute(newer)].find("image:image", NS) is None
    index_lastmod = index(client)["http://testserver/sitemap-articles.xml"]
    assert datetime.fromisoformat(index_lastmod) == revised_at


def test_a_picture_that_could_not_be_read_is_left_out(client):
    story = make_live(hero_image=make_image())
    Image.objects.filter(pk=story.hero_image_id).update(width=None, height=None)

    urls = urlset(client, "/sitemap-articles.xml")

    assert urls[absolute(story)].find("image:image", NS) is None


@pytest.fixture
def unpublished():
    """Stories readers cannot see, each carrying a tag no live story has."""
    section = make_section()
    stories = {
        "draft": make_article(section=section),
        "review": make_article(section=section, status=Article.Status.REVIEW),
        "scheduled": make_article(
            section=section,
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() + timedelta(hours=3),
        ),
        "pulled": make_live(section=section),
    }
    pulled = stories["pulled"]
    pulled.status = Article.Status.DRAFT
    pulled.save()
    # Published an hour ago, then moved to tomorrow: published, but not live.
    rescheduled = stories["rescheduled"] = make_live(section=section)
    rescheduled.publish_at = timezone.now() + timedelta(days=1)
    rescheduled.save()
    # Both first published recently: news sitemap bait.
    assert pulled.first_published_at < timezone.now()
    assert rescheduled.first_published_at < timezone.now()
    for name, story in stories.items():
        story.tags.add(f"only-{name}", "shared")
    return section, stories


def test_nothing_unpublished_appears_anywhere(client, unpublished):
    section, stories = unpublished
    live = make_live(hours_ago=6, section=section)
    live.tags.add("shared")
    hidden = {absolute(story) for story in stories.values()}

    assert list(urlset(client, "/sitemap-articles.xml")) == [absolute(live)]
    assert list(urlset(client, "/news-sitemap.xml")) == [absolute(live)]
    assert list(urlset(client, "/sitemap-tags.xml")) == ["http://testserver/tags/shared/"]
    for path in ALL_SITEMAPS[1:]:
        assert not hidden & set(urlset(client, path)), path
    # A scheduled story's time is not yet anybody's lastmod.
    sections = urlset(client, "/sitemap-sections.xml")
    lastmod = sections[absolute(section)].findtext("sm:lastmod", namespaces=NS)
    assert datetime.fromisoformat(lastmod) == live.publish_at
    tags = urlset(client, "/sitemap-tags.xml")
    lastmod = tags["http://testserver/tags/shared/"].findtext("sm:lastmod", namespaces=NS)
    assert datetime.fromisoformat(lastmod) == live.publish_at
    for name in ["articles", "sections", "tags"]:
        lastmod = index(client)[f"http://testserver/sitemap-{name}.xml"]
        assert datetime.fromisoformat(lastmod) == live.publish_at, name


def test_with_nothing_live_the_story_sitemaps_are_empty(client, unpublished):
    section, _ = unpublished

    assert urlset(client, "/sitemap-articles.xml") == {}
    assert urlset(client, "/sitemap-tags.xml") == {}
    assert urlset(client, "/news-sitemap.xml") == {}
    # The section front is a page of its own, with nothing to date it by.
    sections = urlset(client, "/sitemap-sections.xml")
    assert sections[absolute(section)].find("sm:lastmod", NS) is None
    assert "Last-Modified" not in client.get("/news-sitemap.xml")


def test_sections_are_dated_by_their_newest_live_story(client):
    busy, quiet = make_section(), make_section()
    make_live(hours_ago=30, section=busy)
    newest = make_live(hours_ago=3, section=busy)

    sections = urlset(client, "/sitemap-sections.xml")

    assert set(sections) == {absolute(busy), absolute(quiet)}
    lastmod = sections[absolute(busy)].findtext("sm:lastmod", namespaces=NS)
    assert datetime.fromisoformat(lastmod) == newest.publish_at
    assert sections[absolute(quiet)].find("sm:lastmod", NS) is None


def test_people_and_films_are_dated_by_their_last_edit(client):
    edited = ago(days=3)
    person, film = make_person(), make_film()
    Person.objects.update(updated_at=edited)
    Film.objects.update(updated_at=edited)

    for path, obj in [("/sitemap-people.xml", person), ("/sitemap-films.xml", film)]:
        lastmod = urlset(client, path)[absolute(obj)].findtext("sm:lastmod", namespaces=NS)
        assert datetime.fromisoformat(lastmod) == edited
        assert client.get(path)["Last-Modified"] == http_date(edited.timestamp())


@pytest.mark.parametrize("path", ALL_SITEMAPS)
def test_an_unchanged_sitemap_answers_304(client, site, path):
    first = client.get(path)
    assert first["Last-Modified"] and first["ETag"]

    by_date = client.get(path, headers={"If-Modified-Since": first["Last-Modified"]})
    by_etag = client.get(path, headers={"If-None-Match": first["ETag"]})

    assert (by_date.status_code, by_etag.status_code) == (304, 304)
    assert first["X-Robots-Tag"]  # Sitemaps are for crawlers, not for search results.


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-articles.xml", "/news-sitemap.xml"])
def test_a_new_story_is_a_modification(client, site, path):
    first = client.get(path)

    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        make_live(hours_ago=0)
        again = client.get(path, headers={"If-Modified-Since": first["Last-Modified"]})

    assert again.status_code == 200
    assert again["Last-Modified"] != first["Last-Modified"]


def test_long_sitemaps_are_paginated(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    stories = [make_live(hours_ago=hours) for hours in (1, 2, 3)]

    entries = index(client)
    assert "http://testserver/sitemap-articles.xml?p=2" in entries
    assert "http://testserver/sitemap-articles.xml?p=3" not in entries
    assert list(urlset(client, "/sitemap-articles.xml")) == [absolute(s) for s in stories[:2]]
    assert list(urlset(client, "/sitemap-articles.xml?p=2")) == [absolute(stories[2])]
    for page in ["99", "0", "-1", "two", "1.5", ""]:
        assert client.get(f"/sitemap-articles.xml?p={page}").status_code == 404, page


@pytest.mark.parametrize(
    "path", ["/sitemap-nope.xml", "/sitemap-.xml", "/sitemap-articles.xml/", "/sitemap-articles"]
)
def test_unknown_sitemaps_are_not_found(client, site, path):
    assert client.get(path, follow=True).status_code == 404


def test_the_news_sitemap_describes_recent_stories(client, settings):
    settings.SITE_NAME = "Metro & Friends"
    settings.SITE_LOCALE = "pt_BR"
    story = make_live(hours_ago=2, hero_image=make_image(), headline="Stars <and> stripes")

    response, root = fetch(client, "/news-sitemap.xml")

    assert response["Content-Type"].split(";")[0] == "application/xml"
    assert root.tag == f"{{{SITEMAP}}}urlset"
    (url,) = root.findall("sm:url", NS)
    assert url.findtext("sm:loc", namespaces=NS) == absolute(story)
    news = url.find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Metro & Friends"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "pt"
    assert news.findtext("news:title", namespaces=NS) == "Stars <and> stripes"
    published = datetime.fromisoformat(news.findtext("news:publication_date", namespaces=NS))
    assert published.tzinfo is not None
    assert published == story.first_published_at
    hero = story.hero_image.renditions.largest("hero", "jpeg")
    assert url.findtext("image:image/image:loc", namespaces=NS) == absolute(hero.url)
    assert response["Last-Modified"] == http_date(story.publish_at.timestamp())


@pytest.mark.parametrize(
    ("locale", "language"), [("en_US", "en"), ("fr", "fr"), ("zh_TW", "zh-tw"), ("es-419", "es")]
)
def test_news_language_comes_from_the_locale(locale, language):
    assert seo_views.news_language(locale) == language


def test_the_news_sitemap_holds_the_last_two_days_newest_first(client):
    old = make_live()
    Article.objects.filter(pk=old.pk).update(
        first_published_at=ago(hours=49), publish_at=ago(hours=49)
    )
    # Published long ago, rescheduled since: it is not news.
    republished = make_live()
    Article.objects.filter(pk=republished.pk).update(first_published_at=ago(days=5))
    recent = [make_live(hours_ago=hours) for hours in (47, 1, 20)]

    urls = urlset(client, "/news-sitemap.xml")

    assert list(urls) == [absolute(recent[1]), absolute(recent[2]), absolute(recent[0])]


def test_the_news_sitemap_is_capped(client, monkeypatch):
    monkeypatch.setattr(seo_views, "NEWS_LIMIT", 3)
    stories = [make_live(hours_ago=hours) for hours in range(1, 6)]

    assert list(urlset(client, "/news-sitemap.xml")) == [absolute(s) for s in stories[:3]]


def test_the_news_sitemap_takes_what_google_news_reads():
    assert seo_views.NEWS_LIMIT == 1000
    assert seo_views.NEWS_WINDOW == timedelta(hours=48)


@pytest.mark.parametrize("name", SECTIONS)
def test_each_index_lastmod_is_one_aggregate_query(client, name, django_assert_num_queries):
    add_stories(3)
    sitemap = sitemaps()[name]()

    with django_assert_num_queries(1) as queries:
        latest = sitemap.get_latest_lastmod()

    assert "MAX(" in queries.captured_queries[0]["sql"].upper()
    lastmods = [sitemap.lastmod(item) for item in sitemap.paginator.page(1).object_list]
    assert latest == max(lastmods)


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def add_stories(count):
    section = make_section()
    for _ in range(count):
        story = make_live(section=section, hero_image=make_image())
        story.tags.add(f"tag-{story.pk}")
        make_person()
        make_film()


@pytest.mark.parametrize("path", ALL_SITEMAPS)
def test_queries_do_not_grow_with_the_archive(client, path):
    add_stories(3)
    few = queries_for(client, path)
    add_stories(7)
    many = queries_for(client, path)

    # The index: one aggregate per section (its newest lastmod and its range of ids), two
    # for tags; a page: its run of ids, and for tags the newest stories' tags to date them.
    assert few == many == {"/sitemap.xml": 6, "/sitemap-tags.xml": 2}.get(path, 1)


def test_robots_txt(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('articles:search')}",
        "Disallow: /preview/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
        "Sitemap: http://testserver/news-sitemap.xml",
    ]
    assert reverse("articles:preview", kwargs={"pk": 1}).startswith("/preview/")


def test_robots_txt_names_the_sitemaps_by_their_addresses(client, settings):
    settings.SITE_URL = "https://news.example"
    lines = client.get("/robots.txt").content.decode().splitlines()
    listed = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap:")]
    assert [urlsplit(url).path for url in listed] == [
        reverse("sitemap-index"),
        reverse("news-sitemap"),
    ]
    for url in listed:
        assert client.get(urlsplit(url).path).status_code == 200
