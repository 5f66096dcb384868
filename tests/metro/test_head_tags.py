"""What every public page says about itself in <head>: canonical address, social cards, robots."""

from datetime import date

import pytest

from articles.models import Authorship
from tests.factories import (
    make_article,
    make_film,
    make_image,
    make_person,
    make_section,
    uploaded_image,
)
from tests.pages import read_head

pytestmark = pytest.mark.django_db
ORIGIN = "https://news.example"


@pytest.fixture(autouse=True)
def public_origin(settings):
    settings.SITE_URL = ORIGIN


def canonical(head):
    links = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert len(links) <= 1
    return links[0] if links else None


def one(head, key):
    values = head.meta.get(key, [])
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


@pytest.fixture
def story():
    critic = make_person(name="Ada Critic", slug="ada-critic")
    photographer = make_person(name="Cam Shooter", slug="cam-shooter")
    article = make_article(
        live=True,
        section=make_section(name="Film", slug="film"),
        headline="Dana Lead gives the scoop",
        standfirst="The star of the new thriller on what comes next.",
        hero_image=make_image(file=uploaded_image(size=(1600, 900)), alt_text="Dana on set"),
        authors=[critic],
    )
    Authorship.objects.create(
        article=article, person=photographer, role=Authorship.Role.PHOTOGRAPHER, order=2
    )
    article.tags.add("Thrillers", "Streaming")
    return article


def test_a_story_page_carries_its_social_card(client, story, settings):
    response = client.get(story.get_absolute_url())
    head = read_head(response)
    url = ORIGIN + story.get_absolute_url()

    assert (
        f"<title>Dana Lead gives the scoop | {settings.SITE_NAME}</title>"
        in response.content.decode()
    )
    assert one(head, "description") == story.standfirst
    assert canonical(head) == url
    assert one(head, "og:url") == url
    assert one(head, "og:type") == "article"
    assert one(head, "og:title") == "Dana Lead gives the scoop"
    assert one(head, "og:description") == story.standfirst
    assert one(head, "og:site_name") == settings.SITE_NAME
    assert one(head, "og:locale") == "en_US"
    assert one(head, "og:image").startswith(f"{ORIGIN}/images/{story.hero_image.pk}/")
    assert (one(head, "og:image:width"), one(head, "og:image:height")) == ("1200", "630")
    assert one(head, "og:image:alt") == "Dana on set"
    assert one(head, "article:section") == "Film"
    assert sorted(head.meta["article:tag"]) == ["Streaming", "Thrillers"]
    assert head.meta["article:author"] == [f"{ORIGIN}/people/ada-critic/"]
    assert one(head, "article:published_time").startswith(
        story.first_published_at.astimezone().strftime("%Y")
    )
    assert one(head, "article:modified_time")
    assert one(head, "twitter:card") == "summary_large_image"
    assert one(head, "twitter:title") == "Dana Lead gives the scoop"
    assert one(head, "twitter:image") == one(head, "og:image")
    assert one(head, "twitter:image:alt") == "Dana on set"
    assert "robots" not in head.meta


def test_the_social_card_image_is_served(client, story):
    head = read_head(client.get(story.get_absolute_url()))
    image = client.get(one(head, "og:image").removeprefix(ORIGIN))
    assert image.status_code == 200
    assert image["Content-Type"] == "image/jpeg"


def test_editors_seo_fields_win(client):
    story = make_article(live=True, seo_title="Short SEO title", seo_description="For searchers.")
    head = read_head(client.get(story.get_absolute_url()))
    assert one(head, "og:title") == "Short SEO title"
    assert one(head, "description") == "For searchers."


def test_pages_without_a_picture_show_the_site_logo(client):
    story = make_article(live=True)
    head = read_head(client.get(story.get_absolute_url()))
    assert one(head, "og:image").startswith(f"{ORIGIN}/static/img/metro-logo")
    assert one(head, "og:image:width") == "512"


def test_each_page_kind_has_its_open_graph_type_and_canonical_address(client, story):
    person = make_person(name="Dana Lead", slug="dana-lead", portrait=make_image())
    film = make_film(slug="night-signal", release_date=date(2026, 10, 3))
    series = make_film(slug="the-long-shift", kind="series")
    pages = {
        "/": "website",
        "/film/": "website",
        "/tags/thrillers/": "website",
        "/authors/ada-critic/": "website",
        person.get_absolute_url(): "profile",
        film.get_absolute_url(): "video.movie",
        series.get_absolute_url(): "video.tv_show",
    }
    for path, og_type in pages.items():
        head = read_head(client.get(path))
        assert one(head, "og:type") == og_type, path
        assert canonical(head) == ORIGIN + path, path
        assert one(head, "og:url") == ORIGIN + path, path
        assert one(head, "description"), path
        assert one(head, "og:image").startswith(ORIGIN), path
        assert one(head, "twitter:card") == "summary_large_image", path
    film_head = read_head(client.get(film.get_absolute_url()))
    assert one(film_head, "video:release_date") == "2026-10-03"


def test_the_canonical_address_drops_stray_parameters_but_keeps_the_page(client):
    section = make_section(name="News", slug="news")
    for _ in range(21):
        make_article(live=True, section=section)
    assert canonical(read_head(client.get("/news/?utm_source=x"))) == f"{ORIGIN}/news/"
    assert canonical(read_head(client.get("/news/?page=2&ref=y"))) == f"{ORIGIN}/news/?page=2"
    assert canonical(read_head(client.get("/news/?page=1"))) == f"{ORIGIN}/news/"


def test_behind_a_proxy_addresses_follow_the_forwarded_host(client, settings, story):
    settings.SITE_URL = ""
    settings.USE_X_FORWARDED_HOST = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["www.metro.example"]
    response = client.get(
        story.get_absolute_url(),
        headers={"X-Forwarded-Host": "www.metro.example", "X-Forwarded-Proto": "https"},
    )
    head = read_head(response)
    assert canonical(head) == f"https://www.metro.example{story.get_absolute_url()}"
    assert one(head, "og:image").startswith("https://www.metro.example/images/")


def test_previews_and_search_results_are_not_indexed(client, editor):
    draft = make_article(headline="Secret scoop")
    client.force_login(editor)
    preview = client.get(draft.get_preview_url())
    head = read_head(preview)
    assert one(head, "robots") == "noindex, nofollow"
    assert preview["X-Robots-Tag"] == "noindex, nofollow"
    assert canonical(head) is None
    assert "og:url" not in head.meta

    client.logout()
    assert one(read_head(client.get("/search/?q=scoop")), "robots") == "noindex, follow"
    assert "noindex" in one(read_head(client.get("/no-such-section/")), "robots")


def test_list_pages_announce_their_feeds(client, story):
    def feeds(path):
        return {
            (link["type"], link["href"])
            for link in read_head(client.get(path)).links
            if link.get("rel") == "alternate"
        }

    site = {
        ("application/rss+xml", "/feeds/rss/"),
        ("application/atom+xml", "/feeds/atom/"),
    }
    assert feeds("/") == site
    assert feeds("/film/") == site | {
        ("application/rss+xml", "/feeds/sections/film/rss/"),
        ("application/atom+xml", "/feeds/sections/film/atom/"),
    }
    assert ("application/rss+xml", "/feeds/tags/thrillers/rss/") in feeds("/tags/thrillers/")
    assert ("application/atom+xml", "/feeds/authors/ada-critic/atom/") in feeds(
        "/authors/ada-critic/"
    )
    for _, href in feeds("/film/") | feeds("/tags/thrillers/") | feeds("/authors/ada-critic/"):
        assert client.get(href).status_code == 200, href


def test_head_tags_escape_what_editors_type(client):
    story = make_article(live=True, headline='Quotes " and <b>tags</b>', standfirst="A & B")
    html = client.get(story.get_absolute_url()).content.decode()
    assert 'content="Quotes &quot; and &lt;b&gt;tags&lt;/b&gt;"' in html
    assert "<b>tags</b>" not in html
