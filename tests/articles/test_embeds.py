"""Embeds in stories: stored by provider and id, shown as static cards, framed only where present.

A reader's page carries nothing from a provider until the reader asks: the card's
thumbnail is our copy, the player's address waits in a data attribute, and the
page's Content Security Policy lets frames come only from the players it shows.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.publishing import missing_for_publication
from articles.richtext import sanitize_body
from core import embeds, pagecache
from media import embeds as details
from media.models import EmbedInfo
from tests.factories import (
    article_form_data,
    make_article,
    make_image,
    make_person,
    make_section,
    make_user,
    started_from,
    uploaded_image,
)
from tests.pages import node_of_type

pytestmark = pytest.mark.django_db

ORIGIN = "https://news.example"
VIDEO = '<figure class="embed" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ"></figure>'
POST = '<figure class="embed" data-embed-provider="x" data-embed-id="20"></figure>'
NOCOOKIE = "https://www.youtube-nocookie.com"


def figure(provider, embed_id):
    return f'<figure class="embed" data-embed-provider="{provider}" data-embed-id="{embed_id}"></figure>'


def csp(response):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split("; ")
    }


def story_with(body, **fields):
    return make_article(live=True, body=body, **fields)


def known(embed, **fields):
    provider, embed_id = embed.key
    return EmbedInfo.objects.create(
        provider=provider, embed_id=embed_id, fetched_at=timezone.now(), **fields
    )


# Storing: the sanitiser keeps an embed only as provider and id


def test_an_embed_is_stored_as_an_empty_figure_naming_provider_and_id():
    pasted = (
        '<p>Watch:</p><figure data-embed-id="dQw4w9WgXcQ" class="embed" data-embed-provider="youtube"'
        ' data-extra="1"><img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg">'
        "<figcaption>Copied card</figcaption></figure><p>Beyoncé in 東京.</p>"
    )

    assert sanitize_body(pasted) == f"<p>Watch:</p>{VIDEO}<p>Beyoncé in 東京.</p>"


@pytest.mark.parametrize(
    "forged",
    [
        figure("youtube", "dQw4w9WgXc"),  # One character short.
        figure("youtube", "dQw4w9WgXcQ&amp;autoplay=1"),
        figure("youtube", "../../evil"),
        figure("x", "dQw4w9WgXcQ"),  # A YouTube id is no X post.
        figure("evil", "dQw4w9WgXcQ"),
        figure("YouTube", "dQw4w9WgXcQ"),
        figure("", ""),
        '<figure class="embed" data-embed-provider="youtube"></figure>',
        '<figure class="embed" data-embed-id="dQw4w9WgXcQ"></figure>',
        '<figure class="embed" data-embed-provider="youtube" data-embed-id=\'dQw4w9WgXcQ"><script>alert(1)</script>\'></figure>',
        '<figure class="embed" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ" data-embed-provider="x"></figure>',
    ],
)
def test_forged_embed_markup_is_dropped(forged):
    stored = sanitize_body(f"<p>Before</p>{forged}<p>After</p>")

    assert stored in {"<p>Before</p><p>After</p>", f"<p>Before</p>{VIDEO}<p>After</p>"}
    assert "<script" not in stored and "evil" not in stored and "autoplay" not in stored


def test_a_duplicated_attribute_keeps_the_first_value_and_so_stays_a_youtube_embed():
    forged = '<figure class="embed" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ" data-embed-provider="x"></figure>'
    assert sanitize_body(forged) == VIDEO


@pytest.mark.parametrize(
    "pasted",
    [
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" '
        "allowfullscreen></iframe>",
        '<blockquote class="twitter-tweet"><p>hello</p></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script>',
        '<div class="tiktok-embed"><script src="https://www.tiktok.com/embed.js"></script></div>',
        '<figure class="embed" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ">'
        '<iframe src="https://evil.example/"></iframe></figure>',
    ],
)
def test_pasted_provider_markup_never_survives(pasted):
    stored = sanitize_body(pasted)

    assert "<iframe" not in stored and "<script" not in stored
    assert "evil.example" not in stored and "widgets.js" not in stored


def test_an_address_stays_a_plain_link_whoever_it_is_from():
    body = (
        '<p><a href="https://example.com/clip">https://example.com/clip</a></p>'
        '<p><a href="https://youtu.be/dQw4w9WgXcQ">the trailer</a></p>'
    )
    stored = sanitize_body(body)

    assert 'href="https://example.com/clip"' in stored
    assert 'href="https://youtu.be/dQw4w9WgXcQ"' in stored
    assert "<figure" not in stored


def test_a_story_lists_its_embeds_in_order_each_once():
    story = make_article(
        body=f"{POST}<p>x</p>{VIDEO}{POST}",
        lead_video_url="https://vimeo.com/76979871",
    )

    assert [embed.key for embed in story.find_embeds()] == [
        ("vimeo", "76979871"),
        ("x", "20"),
        ("youtube", "dQw4w9WgXcQ"),
    ]


# Reading: a static card, nothing from the provider


class Requests(HTMLParser):
    """Every address the page makes a browser fetch by itself (not links it may follow)."""

    def __init__(self):
        super().__init__()
        self.fetched = []
        self.frames = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "iframe":
            self.frames += 1
        for name in ("src", "poster", "data"):
            if attrs.get(name):
                self.fetched.append(attrs[name])
        if attrs.get("srcset"):
            self.fetched += [part.split()[0] for part in attrs["srcset"].split(",")]
        if tag == "link" and attrs.get("href"):
            self.fetched.append(attrs["href"])


def fetched_by(page):
    reader = Requests()
    reader.feed(page)
    return reader


@pytest.fixture
def public_origin(settings):
    settings.SITE_URL = ORIGIN


def test_readers_see_a_card_a_button_and_a_plain_link_and_nothing_from_youtube(
    client, public_origin
):
    video = embeds.get("youtube", "dQw4w9WgXcQ")
    known(video, title="Never Gonna Give You Up", author_name="Rick Astley")
    story = story_with(f"<p>Watch it.</p>{VIDEO}<p>Then read on.</p>")

    page = client.get(story.get_absolute_url()).content.decode()

    card = page[page.index('<figure class="story-embed">') :]
    card = card[: card.index("</figure>")]
    assert "Never Gonna Give You Up" in card
    assert "YouTube video · Rick Astley" in card
    assert '<button type="button" class="embed__load">Load content from YouTube</button>' in card
    assert "YouTube will then see your IP address and may set cookies." in card
    # The button waits for the script; the link works without it.
    assert '<p class="embed__consent" hidden>' in card
    assert (
        '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">' in card
    )
    assert f'data-embed-player="{NOCOOKIE}/embed/dQw4w9WgXcQ?autoplay=1"' in card
    assert '<script src="/static/js/embeds.js" defer></script>' in page
    # Nothing the page loads by itself comes from anywhere but the site.
    loaded = fetched_by(page)
    assert loaded.frames == 0
    foreign = [url for url in loaded.fetched if urlsplit(url).netloc not in {"", "news.example"}]
    assert foreign == []
    assert page.index("Watch it.") < page.index("embed__title") < page.index("Then read on.")


def test_the_card_shows_our_copy_of_the_thumbnail(client, fake_oembed):
    video = embeds.get("youtube", "dQw4w9WgXcQ")
    fake_oembed.answer(
        "youtube", {"title": "Trailer", "thumbnail_url": fake_oembed.picture("t.jpg")}
    )
    info = details.refresh([video])[video.key]
    story = story_with(VIDEO)
    fake_oembed.server.requests.clear()

    page = client.get(story.get_absolute_url()).content.decode()

    assert f'<img class="embed__thumbnail" src="{info.thumbnail_url}" alt=""' in page
    assert info.thumbnail_url.startswith(f"/images/embeds/{info.pk}/")
    served = client.get(info.thumbnail_url)
    assert (served.status_code, served["Content-Type"]) == (200, "image/jpeg")
    assert "immutable" in served["Cache-Control"]
    assert client.get(f"/images/embeds/{info.pk}/other.jpg").status_code == 404
    # Reading the page asked the provider nothing.
    assert fake_oembed.server.requests == []


def test_without_details_the_card_names_the_provider_and_the_kind(client):
    story = story_with(f"{POST}{figure('spotify', 'track/4uLU6hMCjMI75M1A2tKUQC')}")

    page = client.get(story.get_absolute_url()).content.decode()

    assert '<p class="embed__title">X post</p>' in page
    assert '<p class="embed__title">Spotify track</p>' in page
    assert ">Load content from X</button>" in page
    assert ">Listen on Spotify</a>" in page
    assert 'data-embed-height="152"' in page


def test_a_page_never_fetches_details_whatever_is_missing(client, fake_oembed):
    story = story_with(VIDEO + POST)

    assert client.get(story.get_absolute_url()).status_code == 200
    assert fake_oembed.server.requests == []
    assert not EmbedInfo.objects.exists()


def test_a_story_without_embeds_loads_no_script(client):
    page = client.get(story_with("<p>Words.</p>").get_absolute_url()).content.decode()
    assert "embeds.js" not in page and "embed__" not in page


def test_titles_from_providers_are_text_not_markup(client):
    video = embeds.get("youtube", "dQw4w9WgXcQ")
    known(video, title='<img src=x onerror=alert(1)>"', author_name="<b>Rick</b>")

    page = client.get(story_with(VIDEO).get_absolute_url()).content.decode()

    assert "<img src=x" not in page and "<b>Rick" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;&quot;" in page


# The Content Security Policy: frames only from the players a page shows


def test_a_page_with_a_youtube_embed_may_frame_youtubes_player_and_nothing_else(client):
    response = client.get(story_with(VIDEO).get_absolute_url())

    policy = csp(response)
    assert policy["frame-src"] == ["'self'", NOCOOKIE]
    # Plain strings, as a WSGI server wants them (an enum's name is refused).
    assert all(type(name) is str for name, _value in response.items())
    # The rest of the policy is the site's.
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_a_page_frames_exactly_the_players_of_its_embeds(client):
    response = client.get(story_with(POST + VIDEO + POST).get_absolute_url())
    assert csp(response)["frame-src"] == ["'self'", "https://platform.twitter.com", NOCOOKIE]


@pytest.mark.parametrize("path", ["story", "/", "/search/?q=x", "section"])
def test_pages_without_embeds_allow_no_third_party_frame(client, path):
    story = story_with("<p>No embeds here.</p>")
    story_with(VIDEO, section=story.section)  # On the section front only as a card.
    path = {"story": story.get_absolute_url(), "section": story.section.get_absolute_url()}.get(
        path, path
    )

    policy = csp(client.get(path))

    assert "frame-src" not in policy
    assert "youtube" not in client.get(path)["Content-Security-Policy"]


def test_the_cached_page_keeps_its_frame_allowance(client, settings, tmp_path, commit):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-generation")
    pagecache.reset()
    try:
        with commit():
            story = story_with(VIDEO)
        first = client.get(story.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            again = client.get(story.get_absolute_url())
    finally:
        pagecache.reset()

    assert len(queries) == 0  # From the cache.
    assert csp(again)["frame-src"] == csp(first)["frame-src"] == ["'self'", NOCOOKIE]


def test_the_editors_preview_frames_its_players_too(editor_client):
    draft = make_article(body=VIDEO)

    response = editor_client.get(draft.get_preview_url())

    assert csp(response)["frame-src"] == ["'self'", NOCOOKIE]


# Query counts: any number of embeds costs one query


def story_queries(client, story):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(story.get_absolute_url()).status_code == 200
    return len(captured.captured_queries)


def test_the_story_page_costs_the_same_with_one_embed_or_many(client):
    many = [
        embeds.parse(url)
        for url in [
            "https://youtu.be/dQw4w9WgXcQ",
            "https://vimeo.com/76979871",
            "https://x.com/jack/status/20",
            "https://www.instagram.com/p/C8abc_12-xY/",
            "https://www.tiktok.com/@scout2015/video/6718335390845095173",
            "https://bsky.app/profile/jay.bsky.team/post/3lbv3urcj3s2t",
            "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
            "https://soundcloud.com/forss/flickermood",
            "https://podcasts.apple.com/us/podcast/x/id1200361736",
        ]
    ]
    for embed in many:
        known(embed, title=f"About {embed.provider.name}")
    one = story_with(figure(*many[0].key), lead_video_url="https://vimeo.com/76979871")
    body = "".join(f"<p>Part {n}</p>{figure(*embed.key)}" for n, embed in enumerate(many * 3))
    lots = story_with(body, lead_video_url="https://vimeo.com/76979871")
    story_queries(client, one)  # Once per process: content types and the like.

    assert story_queries(client, lots) == story_queries(client, one)
    page = client.get(lots.get_absolute_url()).content.decode()
    assert page.count('<figure class="story-embed">') == len(many) * 3
    assert all(f"About {embed.provider.name}" in page for embed in many)


# The lead video


@pytest.fixture
def video_story(public_origin):
    poster = make_image(
        file=uploaded_image(size=(2400, 1350)),
        alt_text="Dana Lead in the rain",
        caption="The first trailer.",
        credit="STILL: Netflix",
    )
    return story_with(
        "<p>Words.</p>",
        headline="Night Signal: the trailer",
        standfirst="Two minutes of rain and neon.",
        hero_image=poster,
        lead_video_url="https://vimeo.com/76979871",
    )


def test_a_lead_video_shows_its_poster_with_the_same_click_to_load(client, video_story):
    known(video_story.lead_video, title="Night Signal — teaser", duration=125)

    page = client.get(video_story.get_absolute_url()).content.decode()

    hero = page[page.index('<figure class="story__hero story__hero--video">') :]
    hero = hero[: hero.index("</figure>")]
    assert 'class="embed embed--video embed--poster"' in hero
    assert 'alt="Dana Lead in the rain"' in hero and 'fetchpriority="high"' in hero
    assert "Night Signal — teaser" in hero
    assert ">Load content from Vimeo</button>" in hero
    assert (
        '<a href="https://vimeo.com/76979871" rel="noopener noreferrer">Watch on Vimeo</a>' in hero
    )
    assert "The first trailer." in hero and "STILL: Netflix" in hero
    assert (
        'data-embed-player="https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1"' in hero
    )
    assert csp(client.get(video_story.get_absolute_url()))["frame-src"] == [
        "'self'",
        "https://player.vimeo.com",
    ]
    assert fetched_by(page).frames == 0


def test_a_lead_video_is_described_as_a_video_object(client, video_story):
    video_story.first_published_at = timezone.now() - timezone.timedelta(days=1)
    video_story.save()
    known(video_story.lead_video, title="Night Signal — teaser", duration=125)

    article = node_of_type(client.get(video_story.get_absolute_url()), "NewsArticle")

    video = article["video"]
    assert video["@type"] == "VideoObject"
    assert video["name"] == "Night Signal — teaser"
    assert video["description"] == "Two minutes of rain and neon."
    assert video["duration"] == "PT2M5S"
    assert video["embedUrl"] == "https://player.vimeo.com/video/76979871?dnt=1"
    assert video["uploadDate"] == article["datePublished"]
    assert video["thumbnailUrl"] and all(
        url.startswith(f"{ORIGIN}/images/{video_story.hero_image_id}/")
        for url in video["thumbnailUrl"]
    )


def test_a_video_object_without_details_falls_back_on_the_story(client, video_story):
    article = node_of_type(client.get(video_story.get_absolute_url()), "NewsArticle")

    assert article["video"]["name"] == "Night Signal: the trailer"
    assert "duration" not in article["video"]


def test_a_story_without_a_lead_video_has_no_video_object(client, public_origin):
    story = story_with(VIDEO, hero_image=make_image(file=uploaded_image(size=(1600, 900))))
    assert "video" not in node_of_type(client.get(story.get_absolute_url()), "NewsArticle")


def test_a_lead_video_counts_as_the_hero_only_with_a_poster():
    author = [make_person()]
    poster = make_image(credit="STILL: Netflix")
    without = make_article(lead_video_url="https://youtu.be/dQw4w9WgXcQ")
    on_purpose = make_article(lead_video_url="https://youtu.be/dQw4w9WgXcQ", no_hero_image=True)
    with_poster = make_article(lead_video_url="https://youtu.be/dQw4w9WgXcQ", hero_image=poster)

    expected = ["a hero image, to be the lead video's poster"]
    assert missing_for_publication(without, author) == expected
    assert missing_for_publication(on_purpose, author) == expected
    assert missing_for_publication(with_poster, author) == []


# The story form


ADD_URL = reverse("admin:articles_article_add")


@pytest.mark.parametrize(
    ("address", "error"),
    [
        ("https://example.com/clip.mp4", "Metro cannot embed this address"),
        ("https://x.com/jack/status/20", "This is not a video"),
        ("javascript:alert(1)", "Enter a valid URL"),
    ],
)
def test_the_lead_video_must_be_a_video_metro_embeds(editor_client, address, error):
    data = article_form_data(make_section(), lead_video_url=address, _save_draft="1")

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert error in str(response.context["adminform"].form.errors["lead_video_url"])
    assert not Article.objects.exists()


def test_the_lead_video_is_in_the_forms_hero_area(editor_client):
    page = editor_client.get(ADD_URL).text
    hero = page[page.index("Hero image or lead video") :]
    assert hero.index('name="hero_image"') < hero.index('name="lead_video_url"')
    assert hero.index('name="lead_video_url"') < hero.index("What the story is about")


def test_saving_a_story_fetches_the_details_of_its_new_embeds(
    editor_client, fake_oembed, django_capture_on_commit_callbacks
):
    fake_oembed.answer("youtube", {"title": "From YouTube"})
    fake_oembed.answer("x", {"html": "<p>From X</p>"})
    fake_oembed.answer("vimeo", {"title": "From Vimeo", "duration": 90})
    data = article_form_data(
        make_section(),
        body=f"<p>Look.</p>{VIDEO}{POST}",
        lead_video_url="https://vimeo.com/76979871",
        _save_draft="1",
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(ADD_URL, data).status_code == 302

    story = Article.objects.get()
    assert story.body == f"<p>Look.</p>{VIDEO}{POST}"
    assert {info.key: info.title for info in EmbedInfo.objects.all()} == {
        ("youtube", "dQw4w9WgXcQ"): "From YouTube",
        ("x", "20"): "From X",
        ("vimeo", "76979871"): "From Vimeo",
    }
    # A second save asks for nothing new.
    fake_oembed.server.requests.clear()
    change = reverse("admin:articles_article_change", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(change, data | started_from(story) | {"_continue": "1"})
    assert fake_oembed.server.requests == []


def test_a_story_saves_with_its_embeds_when_the_provider_is_down(
    editor_client, fake_oembed, django_capture_on_commit_callbacks
):
    fake_oembed.answer("youtube", status=503, body=b"down")
    data = article_form_data(make_section(), body=VIDEO, _save_draft="1")

    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(ADD_URL, data).status_code == 302

    assert Article.objects.get().body == VIDEO
    assert "HTTP 503" in EmbedInfo.objects.get().error


# The editor's endpoint: what an address is


EMBED_URL = reverse("admin:articles_article_embed")


def test_the_editor_learns_what_an_address_is(writer_client, fake_oembed):
    fake_oembed.answer(
        "youtube",
        {
            "title": "東京 by night",
            "author_name": "Ame",
            "thumbnail_url": fake_oembed.picture("a.jpg"),
        },
    )

    answer = writer_client.get(EMBED_URL, {"url": "https://youtu.be/dQw4w9WgXcQ?t=3"}).json()

    embed = answer["embed"]
    assert (embed["provider"], embed["id"]) == ("youtube", "dQw4w9WgXcQ")
    assert embed["providerName"] == "YouTube" and embed["title"] == "東京 by night"
    assert embed["author"] == "Ame"
    assert embed["thumbnail"].startswith("/images/embeds/")
    assert embed["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_the_editor_learns_what_a_stored_embed_is(writer_client):
    known(embeds.get("x", "20"), title="just setting up")

    answer = writer_client.get(EMBED_URL, {"provider": "x", "id": "20"}).json()

    assert answer["embed"]["title"] == "just setting up"
    assert answer["embed"]["thumbnail"] == ""


@pytest.mark.parametrize(
    "query",
    [
        {"url": "https://example.com/video"},
        {"url": "https://youtu.be/nope"},
        {"url": ""},
        {"provider": "x", "id": "dQw4w9WgXcQ"},
        {"provider": "evil"},
        {},
    ],
)
def test_an_address_metro_does_not_embed_stays_a_link(writer_client, query):
    answer = writer_client.get(EMBED_URL, query).json()

    assert answer["embed"] is None
    assert "stays a link" in answer["message"]


def test_only_the_desk_may_ask(client):
    response = client.get(EMBED_URL, {"url": "https://youtu.be/dQw4w9WgXcQ"})
    assert response.status_code == 302 and "/login/" in response["Location"]

    client.force_login(make_user(None))  # Staff, but no role.
    assert client.get(EMBED_URL, {"url": "https://youtu.be/dQw4w9WgXcQ"}).status_code == 403


def test_pages_stay_valid_html_around_embed_cards(client):
    page = client.get(story_with(f"<p>a</p>{VIDEO}<p>b</p>").get_absolute_url()).content.decode()
    # A <figure> may not sit inside <p>; the card's block elements are in the figure.
    assert not re.search(r"<p>[^<]*<figure", page)
    assert page.count("<figure") == page.count("</figure>")


def test_a_draft_leading_with_a_video_but_no_poster_yet_previews(editor_client):
    draft = make_article(
        lead_video_url="https://www.tiktok.com/@scout2015/video/6718335390845095173"
    )

    page = editor_client.get(draft.get_preview_url()).content.decode()

    assert ">Load content from TikTok</button>" in page
    assert 'data-embed-height="740"' in page
    assert "embed--poster" not in page
