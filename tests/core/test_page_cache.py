"""The page cache: anonymous readers get cached pages, and never a stale one.

Each test runs with the page cache on. Changes are made inside `commit()`, which
runs what Django runs when a transaction commits, as the admin's saves do.
"""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection, transaction
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Authorship
from core import pagecache
from tests.factories import (
    make_article,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_section,
    make_sister_link,
    make_sister_site,
)
from tests.pages import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-generation")
    pagecache.reset()
    yield
    pagecache.reset()


def fetch(client, path, **kwargs):
    """The response, and how many SQL queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    return response, len(queries)


@pytest.fixture
def story(commit):
    with commit():
        person = make_person(name="Dana Lead")
        film = make_film(title="Night Signal")
        make_credit(film, person, character_name="Charlotte")
        story = make_article(
            live=True,
            headline="Dana Lead on Night Signal",
            hero_image=make_image(credit="PHOTO: Streamer"),
            authors=[make_person(name="Rae Writer")],
        )
        story.people.add(person)
        story.films.add(film)
        story.tags.add("thrillers")
    return story


def addresses(story):
    """Every page that shows the story."""
    person = story.people.get()
    film = story.films.get()
    author = story.authors.get()
    return [
        "/",
        story.section.get_absolute_url(),
        story.get_absolute_url(),
        "/tags/thrillers/",
        person.get_absolute_url(),
        film.get_absolute_url(),
        f"/authors/{author.slug}/",
        "/feeds/rss/",
        "/feeds/atom/",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
    ]


def prime(client, paths):
    for path in paths:
        assert client.get(path).status_code == 200, path
        # Served from the cache now: no SQL at all.
        assert fetch(client, path)[1] == 0, path


def test_an_anonymous_page_is_served_from_the_cache(client, story):
    first, first_queries = fetch(client, story.get_absolute_url())
    again, again_queries = fetch(client, story.get_absolute_url())

    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["Last-Modified"] == first["Last-Modified"]
    assert again["ETag"] == first["ETag"]


def test_cached_pages_tell_shared_caches_how_long_to_keep_them(client, story, settings):
    settings.SHARED_CACHE_SECONDS = 15
    settings.SHARED_CACHE_STALE_SECONDS = 45

    for response in (client.get("/"), client.get("/")):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=0", "s-maxage=15", "stale-while-revalidate=45"}
        assert "Cookie" in response["Vary"]


def test_a_cached_page_still_answers_revalidation_with_304(client, story):
    first = client.get(story.get_absolute_url())

    by_etag = client.get(story.get_absolute_url(), headers={"If-None-Match": first["ETag"]})
    by_date = client.get(
        story.get_absolute_url(), headers={"If-Modified-Since": first["Last-Modified"]}
    )

    assert (by_etag.status_code, by_date.status_code) == (304, 304)


def test_tracking_parameters_share_the_page_but_other_queries_do_not(client, story, commit):
    with commit():
        for n in range(25):
            make_article(live=True, section=story.section, headline=f"Filler {n}")
    section = story.section.get_absolute_url()
    client.get(section)

    assert fetch(client, f"{section}?utm_source=social&fbclid=abc123")[1] == 0
    assert fetch(client, f"{section}?page=2")[1] > 0


@pytest.mark.parametrize(
    "change",
    ["publish", "edit", "unpublish", "delete"],
)
def test_every_page_showing_a_story_is_fresh_after_it_changes(client, story, commit, change):
    paths = addresses(story)
    prime(client, paths)

    with commit():
        if change == "publish":
            fresh = make_article(
                live=True,
                section=story.section,
                headline="A brand new scoop",
                authors=[story.authors.get()],
            )
            fresh.tags.add("thrillers")
            fresh.people.add(story.people.get())
            fresh.films.add(story.films.get())
        elif change == "edit":
            story.headline = "Dana Lead reveals the twist"
            story.save()
        elif change == "unpublish":
            story.status = Article.Status.DRAFT
            story.save()
        else:
            Article.objects.get(pk=story.pk).delete()

    for path in paths:
        response = client.get(path)
        text = response.content.decode()
        if change == "publish":
            assert fresh.get_absolute_url() in text, path
        elif change == "edit":
            if path != "/sitemap-articles.xml":  # the one page that shows no headlines
                assert "Dana Lead reveals the twist" in text, path
            assert "Dana Lead on Night Signal" not in text, path
        elif path == story.get_absolute_url():
            assert response.status_code == 404
        else:
            assert story.get_absolute_url() not in text, path


def test_an_editor_working_on_a_draft_leaves_the_cached_pages_in_place(client, story, commit):
    paths = addresses(story)
    with commit():
        draft = make_article(section=story.section, headline="Still being written")
    prime(client, paths)

    with commit():
        draft.headline = "Still being written, second pass"
        draft.save()
        draft.tags.add("thrillers")
        draft.people.add(story.people.get())
        draft.films.add(story.films.get())
        Authorship.objects.create(article=draft, person=story.authors.get())

    for path in paths:
        assert fetch(client, path)[1] == 0, path


@pytest.mark.parametrize("when", ["now", "later"])
def test_a_draft_published_or_scheduled_makes_the_pages_fresh(client, story, commit, when):
    paths = addresses(story)
    with commit():
        draft = make_article(section=story.section, headline="Ready to go")
        draft.tags.add("thrillers")
    prime(client, paths)

    with commit():
        draft.status = Article.Status.PUBLISHED
        draft.publish_at = timezone.now() + (timedelta(0) if when == "now" else timedelta(hours=1))
        draft.save()

    home = page_text(client.get("/"))
    assert ("Ready to go" in home) == (when == "now")
    if when == "later":
        with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
            assert "Ready to go" in page_text(client.get("/"))


def test_pages_are_fresh_after_a_person_film_image_or_section_changes(client, story, commit):
    person, film = story.people.get(), story.films.get()
    paths = [story.get_absolute_url(), person.get_absolute_url(), film.get_absolute_url(), "/"]
    prime(client, paths)

    with commit():
        person.name = "Dana Renamed"
        person.save()
    assert "Dana Renamed" in page_text(client.get(story.get_absolute_url()))
    assert "Dana Renamed" in page_text(client.get(film.get_absolute_url()))

    with commit():
        film.title = "Night Signal Returns"
        film.save()
    assert "Night Signal Returns" in page_text(client.get(story.get_absolute_url()))
    assert "Night Signal Returns" in page_text(client.get(person.get_absolute_url()))

    with commit():
        image = story.hero_image
        image.credit = "PHOTO: Somebody Else"
        image.save()
    assert "PHOTO: Somebody Else" in page_text(client.get(story.get_absolute_url()))

    with commit():
        story.section.name = "Screens"
        story.section.save()
    assert "Screens" in page_text(client.get("/"))


def test_the_sister_sites_block_is_fresh_on_every_cached_page(client, story, commit):
    with commit():
        site = make_sister_site(name="The Other Paper")
        link = make_sister_link(site, title="A sister story")
    prime(client, ["/", story.get_absolute_url()])

    with commit():
        link.title = "A retitled sister story"
        link.save()

    for path in ["/", story.get_absolute_url()]:
        assert "A retitled sister story" in page_text(client.get(path))


def test_a_scheduled_story_appears_when_its_time_comes_though_nothing_was_saved(
    client, story, commit
):
    # Well within the page cache's 10 minutes: only the schedule can make the pages stale.
    going_live = timezone.now() + timedelta(minutes=2)
    with commit():
        scheduled = make_article(
            section=story.section,
            headline="The embargoed review",
            status=Article.Status.PUBLISHED,
            publish_at=going_live,
        )
        scheduled.tags.add("thrillers")
    paths = ["/", story.section.get_absolute_url(), "/tags/thrillers/", "/feeds/rss/"]
    prime(client, paths)
    for path in paths:
        assert "The embargoed review" not in client.get(path).content.decode()

    with time_machine.travel(going_live + timedelta(seconds=1), tick=False):
        for path in paths:
            assert "The embargoed review" in client.get(path).content.decode(), path
        assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_editors_always_get_a_fresh_private_page(client, admin_user, story):
    path = story.get_absolute_url()
    client.get(path)
    # A change made without a signal: only a freshly rendered page can show it.
    Article.objects.filter(pk=story.pk).update(headline="Changed behind the cache's back")
    assert "Changed behind the cache" not in client.get(path).content.decode()

    client.force_login(admin_user)
    response, queries = fetch(client, path)

    assert queries > 0
    assert "Changed behind the cache" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_an_editors_page_is_never_served_to_readers(client, admin_user, story):
    path = story.get_absolute_url()
    client.force_login(admin_user)
    client.get(path)
    client.get(path)
    client.logout()
    client.cookies.clear()

    response, queries = fetch(client, path)

    assert queries > 0  # rendered for the reader, not taken from the editor's visit
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("change", "kept"),
    [
        (lambda response: None, True),
        (lambda response: response.set_cookie("csrftoken", "x"), False),
        (lambda response: response.headers.__setitem__("Cache-Control", "private"), False),
        (lambda response: response.headers.__setitem__("Cache-Control", "no-store"), False),
        (lambda response: setattr(response, "content", b'<script nonce="abc">'), False),
        (lambda response: setattr(response, "status_code", 500), False),
    ],
    ids=["plain", "sets-cookie", "private", "no-store", "csp-nonce", "error"],
)
def test_only_responses_good_for_every_reader_are_kept(rf, change, kept):
    response = HttpResponse(b"<p>A page</p>")
    change(response)

    assert pagecache.storable(rf.get("/"), response) is kept


def test_a_page_made_for_a_readers_cookies_is_not_kept(rf):
    response = HttpResponse(b"<p>A page</p>", headers={"Vary": "Cookie"})
    with_cookie = rf.get("/", headers={"Cookie": "csrftoken=abc"})

    assert pagecache.storable(rf.get("/"), response)
    assert not pagecache.storable(with_cookie, response)


def test_the_preview_is_never_public(client, story):
    preview = client.get(f"/preview/articles/{story.pk}/")

    assert preview.status_code == 302
    assert "public" not in preview.get("Cache-Control", "")


def test_not_found_is_not_cached(client, story):
    missing = f"/{story.section.slug}/no-such-story/"
    assert client.get(missing).status_code == 404
    # Served again rather than from the cache: the view looks for the story again.
    assert fetch(client, missing)[1] > 0


def test_a_change_rolled_back_makes_nothing_stale_and_later_changes_still_count(
    client, story, commit
):
    path = story.get_absolute_url()
    client.get(path)
    with commit():
        try:
            with transaction.atomic():
                story.headline = "Never happened"
                story.save()
                raise RuntimeError("the editor's save failed")
        except RuntimeError:
            pass
    assert fetch(client, path)[1] == 0

    with commit():
        story.refresh_from_db()
        story.headline = "Really happened"
        story.save()
    assert "Really happened" in client.get(path).content.decode()


def test_one_transaction_starts_one_generation(story, commit, settings):
    started = []
    real_start = pagecache.FileGenerations.start

    def counting_start(self):
        started.append(1)
        return real_start(self)

    pagecache.FileGenerations.start = counting_start
    try:
        with commit():
            with transaction.atomic():
                fresh = make_article(live=True, section=make_section())
                fresh.tags.add("a", "b")
                fresh.people.add(make_person())
    finally:
        pagecache.FileGenerations.start = real_start

    assert started == [1]


def test_processes_without_a_shared_cache_see_each_others_changes(tmp_path, settings):
    path = str(tmp_path / "generation")
    one, other = pagecache.FileGenerations(path), pagecache.FileGenerations(path)

    first = one.start()
    assert other.read() == first
    second = other.start()
    assert one.read() == second != first


def test_a_generation_ends_when_the_next_scheduled_story_is_due(story, commit):
    due = timezone.now() + timedelta(hours=2)
    with commit():
        make_article(status=Article.Status.PUBLISHED, publish_at=due, section=story.section)

    generation = pagecache.new_generation()

    assert generation.ends_at == due.timestamp()
    assert generation.current
    with time_machine.travel(due, tick=False):
        assert not generation.current


def test_the_page_cache_can_be_turned_off(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")

    response, queries = fetch(client, "/")

    assert queries > 0
    assert "s-maxage" in response["Cache-Control"]


def test_with_redis_every_app_server_shares_pages_and_their_freshness(client, story, redis_cache):
    path = story.get_absolute_url()
    assert isinstance(pagecache.generations(), pagecache.SharedGenerations)
    client.get(path)
    assert fetch(client, path)[1] == 0

    # Another app server saves a change and starts a generation in the same Redis.
    Article.objects.filter(pk=story.pk).update(headline="Saved on another server")
    pagecache.SharedGenerations().start()

    response, queries = fetch(client, path)
    assert queries > 0
    assert "Saved on another server" in response.content.decode()


def test_with_redis_a_cleared_cache_starts_afresh(client, story, redis_cache):
    path = story.get_absolute_url()
    client.get(path)
    redis_cache.clear()

    assert fetch(client, path)[1] > 0
    assert fetch(client, path)[1] == 0


def test_with_redis_a_process_serves_its_own_copy_while_the_generation_holds(
    client, story, redis_cache, commit, monkeypatch
):
    path = story.get_absolute_url()
    client.get(path)
    asked = []
    for method in ("get", "get_many"):
        real = getattr(redis_cache, method)
        monkeypatch.setattr(
            redis_cache, method, lambda keys, *a, _real=real, **k: asked.append(keys) or _real(keys)
        )

    again, queries = fetch(client, path)
    assert queries == 0 and "Dana Lead on Night Signal" in again.content.decode()
    # Only the generation came from Redis, not the page's bytes.
    assert asked == [pagecache.GENERATION_KEY]

    # A change ends the generation: the copy this process keeps is not served again.
    story.headline = "A fresh headline"
    with commit():
        story.save()
    assert "A fresh headline" in fetch(client, path)[0].content.decode()


def test_with_redis_a_process_keeps_only_its_latest_pages(client, story, redis_cache, monkeypatch):
    paths = ["/", story.get_absolute_url(), "/tags/thrillers/"]
    sizes = [len(client.get(path).content) for path in paths]
    pagecache.reset()
    monkeypatch.setattr(pagecache, "LOCAL_BYTES", sizes[1] + sizes[2])
    for path in paths:
        client.get(path)
    kept = pagecache.generations()._local
    assert len(kept) == 2 and sum(len(entry.content) for entry in kept.values()) <= (
        pagecache.LOCAL_BYTES
    )


def test_a_page_is_kept_no_longer_than_page_cache_seconds(client, story, redis_cache, settings):
    path = story.get_absolute_url()
    client.get(path)
    assert fetch(client, path)[1] == 0
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.PAGE_CACHE_SECONDS + 1)):
        assert fetch(client, path)[1] > 0


def test_without_redis_the_sister_block_is_fresh_in_every_process(client, story, commit):
    from sister_sites.models import SisterLink

    with commit():
        site = make_sister_site(name="The Other Paper")
        link = make_sister_link(site, title="A sister story")
    assert "A sister story" in page_text(client.get("/"))

    # Another process saved a change: its receivers cleared only its own memory,
    # but it started a new generation in the shared file.
    SisterLink.objects.filter(pk=link.pk).update(title="Changed in another process")
    pagecache.FileGenerations(pagecache.generations().path).start()

    assert "Changed in another process" in page_text(client.get(story.get_absolute_url()))


# Query strings a stranger can add to any address; none changes what a page shows.
JUNK_QUERIES = [
    "?junk={n}",
    "?utm_source=fuzz{n}&fbclid={n}",
    "?page=1&x{n}=",
    "?page=01&cachebust={n}",
    "?q=night+{n}",
    "?{n}",
    "?page=1&page=1&n={n}",
    "?%00={n}&%ff=%ff",
    "?page=&sort=-{n}",
]


def kept_pages(redis_url):
    """How many pages the private Redis holds."""
    import redis

    with redis.Redis.from_url(redis_url) as client:
        return len(client.keys("*:page:*"))


@pytest.fixture
def two_pages(story, commit):
    """The story's section has two pages of stories."""
    with commit():
        for n in range(25):
            make_article(live=True, section=story.section, headline=f"Filler {n}")
    return story.section.get_absolute_url()


def test_junk_query_parameters_are_served_from_the_page_without_them(
    client, story, two_pages, redis_cache, redis_url
):
    section = two_pages
    pages = ["/", section, f"{section}?page=2", story.get_absolute_url(), "/tags/thrillers/"]
    clean = {path: client.get(path).content for path in pages}
    kept = kept_pages(redis_url)

    for n in range(60):
        for path in ["/", section, story.get_absolute_url(), "/tags/thrillers/"]:
            response, queries = fetch(
                client, path + JUNK_QUERIES[n % len(JUNK_QUERIES)].format(n=n)
            )
            assert response.status_code == 200 and queries == 0
            assert response.content == clean[path]
        response, queries = fetch(client, f"{section}?page=0{2}&junk={n}&page=2")
        assert (response.content, queries) == (clean[f"{section}?page=2"], 0)

    # 300 requests with junk made nothing new to keep.
    assert kept_pages(redis_url) == kept


def test_a_page_number_the_view_refuses_is_neither_served_nor_kept(
    client, two_pages, redis_cache, redis_url
):
    client.get(two_pages)
    kept = kept_pages(redis_url)

    for page in ["abc", "0", "-1", "99", "2.0", "1e3", "99999999999"]:
        assert client.get(f"{two_pages}?page={page}").status_code == 404

    assert kept_pages(redis_url) == kept


def test_a_page_rendered_for_a_junk_query_carries_none_of_it(client, two_pages, redis_cache):
    first = client.get("/search/?q=filler&evil=%22onmouseover&page=1").content.decode()
    again, queries = fetch(client, "/search/?q=filler")

    assert "evil" not in first and "onmouseover" not in first
    assert queries == 0 and again.content.decode() == first
    assert 'href="?q=filler&amp;page=2"' in first


def test_a_search_query_is_keyed_as_searched(client, two_pages, redis_cache):
    client.get("/search/?q=filler")

    for query in ["filler", "+filler+", "%20filler%00", "filler&page=1"]:
        response, queries = fetch(client, f"/search/?q={query}")
        assert queries == 0 and "Page 1 of 2" in page_text(response)
    assert fetch(client, "/search/?q=Filler")[1] > 0  # It shows the query as typed.


def test_no_client_can_make_the_cache_keep_more_searches_than_the_limit(
    client, two_pages, redis_cache, redis_url, monkeypatch
):
    from articles.views import SearchView

    monkeypatch.setattr(SearchView, "page_cache_limit", 5, raising=False)
    client.get("/")
    kept = kept_pages(redis_url)

    for n in range(40):
        response = client.get(f"/search/?q=filler+{n}")
        assert response.status_code == 200 and f"Results for “filler {n}”" in page_text(response)

    assert kept_pages(redis_url) == kept + 5
    # A search kept is served from the cache; one beyond the limit is answered, not kept.
    assert fetch(client, "/search/?q=filler+1")[1] == 0
    assert fetch(client, "/search/?q=filler+39")[1] > 0


def test_sitemap_pages_are_keyed_by_their_number(client, story, redis_cache, redis_url):
    first = client.get("/sitemap-articles.xml").content
    kept = kept_pages(redis_url)

    for query in ["?p=1", "?p=01&x=1", "?junk=1"]:
        response, queries = fetch(client, f"/sitemap-articles.xml{query}")
        assert (response.content, queries) == (first, 0)
    assert client.get("/sitemap-articles.xml?p=zz").status_code == 404
    assert kept_pages(redis_url) == kept
