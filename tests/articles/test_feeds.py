"""RSS and Atom feeds: the whole site, each section, tag and author, each person in the
stories and each film; live stories only."""

import calendar
import html
import itertools
from datetime import timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article, Authorship
from media.renditions import ensure
from tests.factories import (
    make_article,
    make_film,
    make_image,
    make_person,
    make_section,
    uploaded_image,
)

pytestmark = pytest.mark.django_db

SITE = "https://news.example"
KINDS = ["rss", "atom"]
SCOPES = ["site", "section", "tag", "author", "person", "film"]
MEDIA_RSS = "{http://search.yahoo.com/mrss/}"
LONG_STANDFIRST = (
    "Festival juries & critics agree: the <best> film of the year is a quiet one. "
    + "It runs for three hours, has almost no dialogue and ends on a single long shot. " * 5
).strip()


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def feed_path(scope, kind, newsroom):
    if scope == "site":
        return reverse("articles:feed", kwargs={"kind": kind})
    if scope == "section":
        return reverse(
            "articles:section_feed", kwargs={"section": newsroom["section"].slug, "kind": kind}
        )
    if scope == "tag":
        return reverse("articles:tag_feed", kwargs={"slug": "film-festivals", "kind": kind})
    if scope == "person":
        return reverse("articles:person_feed", kwargs={"slug": newsroom["star"].slug, "kind": kind})
    if scope == "film":
        return reverse("articles:film_feed", kwargs={"slug": newsroom["film"].slug, "kind": kind})
    return reverse("articles:author_feed", kwargs={"slug": newsroom["ann"].slug, "kind": kind})


def read_feed(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


def timestamp(struct_time):
    return calendar.timegm(struct_time)


def whole_seconds(moment):
    return int(moment.timestamp())


@pytest.fixture
def newsroom(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # Publishing makes the feed picture.
        return make_newsroom()


def make_newsroom():
    """Two live stories in every scope, one live elsewhere, and one of each unpublished kind."""
    section = make_section(name="News")
    ann, bob, cy = (make_person(name=name) for name in ("Ann Writer", "Bob Reporter", "Cy Lens"))
    # The person and the film the two stories are about, named in two scripts.
    star = make_person(name="Émilie Tōkyō-東京")
    film = make_film(title="東京 Story: “Beyoncé”")
    hero = make_image(
        file=uploaded_image(size=(800, 450)), alt_text="Crowds at the premiere", credit="PHOTO: Cy"
    )
    lead = make_article(
        live=True,
        section=section,
        publish_at=ago(hours=3),
        headline="The festival's quiet winner",
        standfirst=LONG_STANDFIRST,
        hero_image=hero,
        authors=[ann, bob],
    )
    Authorship.objects.create(article=lead, person=cy, role="photographer", order=2)
    # Cy also contributed: still one name in the byline.
    Authorship.objects.create(article=lead, person=cy, role="contributor", order=3)
    lead.tags.add("Film festivals", "awards")
    Article.objects.filter(pk=lead.pk).update(revised_at=ago(hours=1))
    lead.refresh_from_db()

    older = make_article(
        live=True, section=section, publish_at=ago(days=2), authors=[bob, ann], standfirst="Older."
    )
    older.tags.add("Film festivals")
    for story in (lead, older):
        story.people.add(star)
        story.films.add(film)

    elsewhere = make_article(live=True, publish_at=ago(days=1), authors=[make_person()])

    unpublished = [
        make_article(section=section, authors=[ann], headline="Draft story"),
        make_article(
            section=section, authors=[ann], headline="Review story", status=Article.Status.REVIEW
        ),
        make_article(
            section=section,
            authors=[ann],
            headline="Scheduled story",
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() + timedelta(hours=2),
        ),
    ]
    withdrawn = make_article(
        live=True,
        section=section,
        authors=[ann],
        headline="Withdrawn story",
        publish_at=ago(hours=2),
    )
    withdrawn.status = Article.Status.DRAFT
    withdrawn.save()
    unpublished.append(withdrawn)
    for story in unpublished:
        story.tags.add("Film festivals")
        story.people.add(star)
        story.films.add(film)

    return {
        "section": section,
        "ann": ann,
        "bob": bob,
        "cy": cy,
        "star": star,
        "film": film,
        "hero": hero,
        "lead": lead,
        "older": older,
        "elsewhere": elsewhere,
        "unpublished": unpublished,
    }


def expected_stories(scope, newsroom):
    if scope == "site":
        return [newsroom["lead"], newsroom["elsewhere"], newsroom["older"]]
    return [newsroom["lead"], newsroom["older"]]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scope", SCOPES)
def test_every_feed_lists_its_live_stories_newest_first_with_absolute_links(
    client, settings, newsroom, scope, kind
):
    settings.SITE_URL = SITE
    path = feed_path(scope, kind, newsroom)
    _, parsed = read_feed(client, path)

    stories = expected_stories(scope, newsroom)
    assert [entry.title for entry in parsed.entries] == [story.headline for story in stories]
    for entry, story in zip(parsed.entries, stories, strict=True):
        permalink = SITE + story.get_absolute_url()
        assert entry.link == permalink
        assert entry.id == f"tag:news.example,{story.created_at:%Y-%m-%d}:story-{story.pk}"
        assert timestamp(entry.published_parsed) == whole_seconds(story.publish_at)

    feed = parsed.feed
    self_links = [link.href for link in feed.links if link.rel == "self"]
    assert self_links == [SITE + path]
    if kind == "atom":
        assert parsed.version == "atom10"
        assert feed.id == SITE + path
    else:
        assert parsed.version == "rss20"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("scope", "title", "page"),
    [
        ("site", "Metro", lambda n: reverse("home")),
        ("section", "Metro: News", lambda n: n["section"].get_absolute_url()),
        (
            "tag",
            "Metro: stories tagged Film festivals",
            lambda n: reverse("articles:tag", kwargs={"slug": "film-festivals"}),
        ),
        (
            "author",
            "Metro: stories by Ann Writer",
            lambda n: reverse("articles:author", kwargs={"slug": n["ann"].slug}),
        ),
        ("person", "Metro: Émilie Tōkyō-東京", lambda n: n["star"].get_absolute_url()),
        ("film", "Metro: 東京 Story: “Beyoncé”", lambda n: n["film"].get_absolute_url()),
    ],
)
def test_each_feed_is_named_for_its_scope_and_links_to_its_page(
    client, settings, newsroom, kind, scope, title, page
):
    settings.SITE_URL = SITE
    settings.SITE_NAME = "Metro"
    _, parsed = read_feed(client, feed_path(scope, kind, newsroom))
    assert parsed.feed.title == title
    assert parsed.feed.link == SITE + page(newsroom)
    assert client.get(page(newsroom)).status_code == 200


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scope", SCOPES)
def test_an_item_carries_the_whole_byline_categories_picture_and_standfirst(
    client, settings, newsroom, scope, kind
):
    settings.SITE_URL = SITE
    response, parsed = read_feed(client, feed_path(scope, kind, newsroom))
    lead = newsroom["lead"]
    entry = parsed.entries[0]
    assert entry.title == lead.headline

    # Everyone in the byline, in order, once each.
    people = [newsroom["ann"], newsroom["bob"], newsroom["cy"]]
    assert [author.name for author in entry.authors] == [person.name for person in people]
    if kind == "atom":
        assert [author.href for author in entry.authors] == [
            SITE + reverse("articles:author", kwargs={"slug": person.slug}) for person in people
        ]
    older = parsed.entries[-1]
    assert [author.name for author in older.authors] == ["Bob Reporter", "Ann Writer"]

    assert [tag.term for tag in entry.tags] == ["News", "awards", "Film festivals"]

    # The standfirst in full: HTML-escaped text, so readers show it exactly as written.
    assert len(LONG_STANDFIRST) > 300
    assert entry.summary_detail.type == "text/html"
    assert html.unescape(entry.summary) == LONG_STANDFIRST

    # The hero picture, as an enclosure and as Media RSS content.
    rendition = newsroom["hero"].renditions.largest("hero", "jpeg")
    picture = SITE + rendition.url
    assert rendition.width == 800 and rendition.height == 450
    [enclosure] = entry.enclosures
    length = str(default_storage.size(rendition.name))
    assert (enclosure.href, enclosure.type, enclosure.length) == (picture, "image/jpeg", length)
    assert entry.media_content == [
        {"url": picture, "medium": "image", "type": "image/jpeg", "width": "800", "height": "450"}
    ]
    [content] = ElementTree.fromstring(response.content).iter(f"{MEDIA_RSS}content")
    assert content.find(f"{MEDIA_RSS}description").text == "Crowds at the premiere"
    assert content.find(f"{MEDIA_RSS}credit").text == "PHOTO: Cy"
    assert not older.get("enclosures") and "media_content" not in older


def test_atom_entries_say_when_the_words_last_changed(client, newsroom):
    _, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": "atom"}))
    lead, older = parsed.entries[0], parsed.entries[-1]
    assert timestamp(lead.updated_parsed) == whole_seconds(newsroom["lead"].revised_at)
    assert timestamp(lead.published_parsed) == whole_seconds(newsroom["lead"].publish_at)
    assert timestamp(older.updated_parsed) == whole_seconds(newsroom["older"].publish_at)
    assert timestamp(parsed.feed.updated_parsed) == whole_seconds(newsroom["lead"].revised_at)


def test_without_a_site_url_links_follow_the_request_host(client, settings, newsroom):
    settings.SITE_URL = ""
    _, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": "rss"}))
    assert parsed.feed.link == "http://testserver/"
    assert parsed.entries[0].link == "http://testserver" + newsroom["lead"].get_absolute_url()
    assert parsed.entries[0].enclosures[0].href.startswith("http://testserver/images/")


def test_the_enclosure_gives_the_size_of_a_stored_rendition(client, newsroom):
    hero = newsroom["hero"]
    rendition = hero.renditions.largest("hero", "jpeg")
    size = default_storage.size(rendition.name)
    assert size > 0

    response, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": "rss"}))
    assert parsed.entries[0].enclosures[0].length == str(size)
    [enclosure] = ElementTree.fromstring(response.content).iter("enclosure")
    assert enclosure.get("length") == str(size)


@pytest.mark.parametrize("kind", KINDS)
def test_a_picture_not_made_yet_has_no_enclosure_rather_than_a_length_of_0(client, newsroom, kind):
    rendition = newsroom["hero"].renditions.largest("hero", "jpeg")
    default_storage.delete(rendition.name)

    response, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": kind}))

    assert 'length="0"' not in response.content.decode()
    assert not parsed.entries[0].get("enclosures")
    # Media RSS, which needs no length, still offers the picture.
    assert parsed.entries[0].media_content[0]["url"].endswith(rendition.url)


def test_publishing_a_story_makes_its_feed_picture(django_capture_on_commit_callbacks):
    hero = make_image(file=uploaded_image(size=(1600, 900)))
    rendition = hero.renditions.largest("hero", "jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_article(hero_image=hero)
    assert not default_storage.exists(rendition.name)  # a draft's picture waits

    story.status = Article.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        story.save()

    assert rendition.width == 1600
    assert default_storage.size(rendition.name) > 0


def test_a_new_crop_of_a_published_storys_picture_makes_its_feed_picture(
    client, newsroom, django_capture_on_commit_callbacks
):
    hero = newsroom["hero"]
    hero.focal_point_x = 0.2
    with django_capture_on_commit_callbacks(execute=True):
        hero.save()
    rendition = hero.renditions.largest("hero", "jpeg")

    _, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": "rss"}))

    [enclosure] = parsed.entries[0].enclosures
    assert enclosure.href.endswith(rendition.url)
    assert enclosure.length == str(default_storage.size(rendition.name))


def test_a_hero_whose_file_could_not_be_read_is_left_out(client, newsroom):
    type(newsroom["hero"]).objects.filter(pk=newsroom["hero"].pk).update(width=None, height=None)
    for kind in KINDS:
        _, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": kind}))
        assert not parsed.entries[0].get("enclosures")
        assert "media_content" not in parsed.entries[0]


@pytest.mark.parametrize("kind", KINDS)
def test_markup_in_a_headline_is_text(client, kind):
    headline = '<script>alert("x")</script> Cats & Dogs'
    story = make_article(live=True, headline=headline, standfirst="Tom & Jerry <3 <b>cheese</b>")
    response, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": kind}))
    [entry] = parsed.entries
    assert entry.title == headline
    assert entry.title_detail.type == "text/plain"
    assert html.unescape(entry.summary) == story.standfirst
    raw = response.content.decode()
    assert "<script" not in raw and "<b>" not in raw
    assert '&lt;script&gt;alert("x")&lt;/script&gt; Cats &amp; Dogs' in raw


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scope", SCOPES)
def test_nothing_unpublished_appears_in_any_feed(client, newsroom, scope, kind):
    response, parsed = read_feed(client, feed_path(scope, kind, newsroom))
    raw = response.content.decode()
    for story in newsroom["unpublished"]:
        assert story.headline not in raw
        assert story.get_absolute_url() not in raw
    assert len(parsed.entries) == len(expected_stories(scope, newsroom))


def test_a_story_set_back_to_draft_leaves_every_feed(client, newsroom):
    story = newsroom["older"]
    paths = [feed_path(scope, kind, newsroom) for scope in SCOPES for kind in KINDS]
    for path in paths:
        assert story.headline in [entry.title for entry in read_feed(client, path)[1].entries]

    story.status = Article.Status.DRAFT
    story.save()
    for path in paths:
        assert story.headline not in [entry.title for entry in read_feed(client, path)[1].entries]


def test_a_feed_lists_at_most_fifty_stories(client):
    section = make_section()
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"Story {n}",
            slug=f"story-{n}",
            standfirst="Standfirst.",
            section=section,
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(hours=n + 1),
        )
        for n in range(55)
    )
    for kind in KINDS:
        _, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": kind}))
        assert [entry.title for entry in parsed.entries] == [f"Story {n}" for n in range(50)]


def test_a_site_with_no_stories_has_an_empty_feed(client):
    for kind in KINDS:
        _, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": kind}))
        assert parsed.entries == []


# Costs and revalidation


_story_numbers = itertools.count()


def add_stories(count, section, people, star=None, film=None):
    for _ in range(count):
        n = next(_story_numbers)
        story = make_article(
            live=True,
            section=section,
            publish_at=ago(hours=n + 1),
            hero_image=make_image(),
            authors=[*people, make_person()],
        )
        story.tags.add("Film festivals", f"topic-{n}")
        if star:
            story.people.add(star)
        if film:
            story.films.add(film)


# The queries each feed runs, whatever it lists: the scope, the stories (with
# section and hero picture joined), their bylines, their tags.
FEED_QUERIES = {"site": 1, "section": 2, "tag": 2, "author": 2, "person": 2, "film": 2}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_feed_runs_the_same_queries_for_few_stories_or_many(client, scope, kind):
    section, ann, star, film = make_section(), make_person(), make_person(), make_film()
    newsroom = {"section": section, "ann": ann, "star": star, "film": film}
    path = feed_path(scope, kind, newsroom)
    counts = []
    for count in (3, 9):  # 3 stories, then 12
        add_stories(count, section, [ann], star=star, film=film)
        with CaptureQueriesContext(connection) as queries:
            _, parsed = read_feed(client, path)
        assert len(parsed.entries) == {3: 3, 9: 12}[count]
        assert all(len(entry.authors) == 2 and len(entry.tags) == 3 for entry in parsed.entries)
        counts.append(len(queries))
    assert counts == [FEED_QUERIES[scope]] * 2


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scope", SCOPES)
def test_an_unchanged_feed_answers_304(client, newsroom, scope, kind):
    path = feed_path(scope, kind, newsroom)
    first = client.get(path)
    assert first.status_code == 200
    # Last-Modified is when the newest words changed: the lead's revision, not its publication.
    assert first["Last-Modified"] == http_date(newsroom["lead"].revised_at.timestamp())
    assert first["ETag"]

    by_date = client.get(path, headers={"If-Modified-Since": first["Last-Modified"]})
    by_etag = client.get(path, headers={"If-None-Match": first["ETag"]})
    assert (by_date.status_code, by_etag.status_code) == (304, 304)
    assert by_etag.content == b""


def test_a_revised_story_makes_the_feed_new_again(client, newsroom):
    path = reverse("articles:feed", kwargs={"kind": "atom"})
    first = client.get(path)
    lead = newsroom["lead"]
    lead.headline = "The festival's quiet winner, revised"
    lead.save()

    by_date = client.get(path, headers={"If-Modified-Since": first["Last-Modified"]})
    by_etag = client.get(path, headers={"If-None-Match": first["ETag"]})
    assert (by_date.status_code, by_etag.status_code) == (200, 200)
    assert by_date["Last-Modified"] == http_date(
        Article.objects.get(pk=lead.pk).revised_at.timestamp()
    )
    assert "quiet winner, revised" in by_etag.content.decode()


# Feeds that do not exist


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/xml/",
        "/feeds/RSS/",
        "/feeds/",
        "/feeds/rss/extra/",
        "/feeds/sections/no-such-section/rss/",
        "/feeds/sections/{section}/json/",
        "/feeds/tags/no-such-tag/atom/",
        "/feeds/tags/film-festivals/rdf/",
        "/feeds/authors/no-such-person/rss/",
        "/feeds/authors/{ann}/feed/",
        "/feeds/authors/%F0%9F%8E%AC/rss/",
        "/feeds/people/no-such-person/rss/",
        "/feeds/people/{star}/json/",
        "/feeds/people/%E6%9D%B1%E4%BA%AC/atom/",
        "/feeds/films/no-such-film/atom/",
        "/feeds/films/{film}/feed/",
    ],
)
def test_unknown_feeds_are_404(client, newsroom, path):
    path = path.format(
        section=newsroom["section"].slug,
        ann=newsroom["ann"].slug,
        star=newsroom["star"].slug,
        film=newsroom["film"].slug,
    )
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_a_tag_only_on_unpublished_stories_has_no_feed(client, kind):
    make_article(headline="Secret").tags.add("Secret project")
    path = reverse("articles:tag_feed", kwargs={"slug": "secret-project", "kind": kind})
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_someone_without_live_bylines_has_no_feed(client, kind):
    drafter, nobody = make_person(), make_person()
    make_article(authors=[drafter])
    make_article(
        authors=[drafter], status=Article.Status.PUBLISHED, publish_at=ago(hours=-1)
    )  # scheduled
    for person in (drafter, nobody):
        path = reverse("articles:author_feed", kwargs={"slug": person.slug, "kind": kind})
        assert client.get(path).status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_a_person_or_film_in_no_live_story_yet_has_an_empty_feed_to_follow(client, kind):
    """Their pages exist before their first story, and so do their feeds."""
    person, film = make_person(name="Zoë Ørsted"), make_film(title="Amélie 2")
    draft = make_article(headline="Secret casting")
    draft.people.add(person)
    draft.films.add(film)
    for url_name, thing in (("articles:person_feed", person), ("articles:film_feed", film)):
        _, parsed = read_feed(client, reverse(url_name, kwargs={"slug": thing.slug, "kind": kind}))
        assert parsed.entries == []
        assert str(thing.get_absolute_url()) in parsed.feed.link


@pytest.mark.parametrize("kind", KINDS)
def test_a_section_with_no_live_stories_has_an_empty_feed(client, kind):
    section = make_section()
    make_article(section=section)
    path = reverse("articles:section_feed", kwargs={"section": section.slug, "kind": kind})
    _, parsed = read_feed(client, path)
    assert parsed.entries == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_story_keeps_its_feed_id_when_its_address_changes(client, settings, newsroom, kind):
    settings.SITE_URL = SITE
    story = newsroom["lead"]
    path = feed_path("site", kind, newsroom)
    before = {entry.title: entry.id for entry in read_feed(client, path)[1].entries}
    story.slug = "a-new-address"
    story.save()
    after = read_feed(client, path)[1].entries[0]
    assert after.link == SITE + story.get_absolute_url()
    assert after.id == before[story.headline]


def test_a_pictures_size_is_read_from_storage_once_then_from_the_cache(
    client, newsroom, monkeypatch
):
    hero = newsroom["hero"]
    rendition = hero.renditions.largest("hero", "jpeg")
    default_storage.delete(rendition.name)
    path = reverse("articles:feed", kwargs={"kind": "rss"})
    # Not made yet: no enclosure; making it replaces what the cache remembered.
    assert not read_feed(client, path)[1].entries[0].get("enclosures")
    ensure(hero, rendition)
    size = default_storage.size(rendition.name)
    assert read_feed(client, path)[1].entries[0].enclosures[0].length == str(size)

    storage_calls = []
    monkeypatch.setattr(
        type(default_storage._wrapped),
        "size",
        lambda storage, name: storage_calls.append(name) or 0,
    )
    for kind in KINDS:
        _, parsed = read_feed(client, reverse("articles:feed", kwargs={"kind": kind}))
        assert parsed.entries[0].enclosures[0].length == str(size)
    assert storage_calls == []
