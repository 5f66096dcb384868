"""What oEmbed tells us of embeds, fetched from a fake provider on 127.0.0.1: kept, copied, optional."""

import io
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image as PILImage

from core import embeds
from media import embeds as details
from media.models import EmbedInfo
from tests.factories import image_bytes
from tests.feed_server import hang

pytestmark = pytest.mark.django_db

VIDEO = embeds.parse("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
VIMEO = embeds.parse("https://vimeo.com/76979871")
POST = embeds.parse("https://x.com/jack/status/20")
SKEET = embeds.parse("https://bsky.app/profile/jay.bsky.team/post/3lbv3urcj3s2t")
INSTAGRAM = embeds.parse("https://www.instagram.com/p/C8abc_12-xY/")
DID = "did:plc:z72i7hdynmk6r22z27h6tvur"


def youtube_answer(fake, **extra):
    return {
        "type": "video",
        "title": "Never Gonna Give You Up — Beyoncé & 東京 cut",
        "author_name": "Rick Astley",
        "thumbnail_url": fake.picture("rick.jpg", size=(1280, 720)),
        **extra,
    }


def test_details_are_fetched_kept_and_the_thumbnail_copied(fake_oembed, media_root):
    fake_oembed.answer("youtube", youtube_answer(fake_oembed))

    info = details.refresh([VIDEO])[VIDEO.key]

    info.refresh_from_db()
    assert info.title == "Never Gonna Give You Up — Beyoncé & 東京 cut"
    assert info.author_name == "Rick Astley"
    assert info.error == ""
    assert info.fetched_at is not None
    # The oEmbed request asked about the canonical address, for JSON.
    (oembed_path, headers), _thumbnail = fake_oembed.server.requests
    assert "url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ" in oembed_path
    assert headers["Accept"] == "application/json"
    # Our own copy: a JPEG no wider than the card needs, in our media folder.
    assert info.thumbnail.name.startswith("embeds/youtube/")
    assert (media_root / info.thumbnail.name).exists()
    with PILImage.open(media_root / info.thumbnail.name) as copy:
        assert copy.format == "JPEG"
        assert copy.size == (640, 360) == (info.thumbnail_width, info.thumbnail_height)
    assert details.describe(VIDEO, info)["thumbnail"] == info.thumbnail_url


def test_a_durations_seconds_are_kept_and_told_in_iso_8601(fake_oembed):
    fake_oembed.answer("vimeo", {"title": "A short", "duration": 3725})

    info = details.refresh([VIMEO])[VIMEO.key]

    assert info.duration == 3725
    assert details.iso_duration(info.duration) == "PT1H2M5S"
    assert details.iso_duration(45) == "PT45S"
    assert details.iso_duration(120) == "PT2M"
    assert details.iso_duration(None) == ""


def test_a_transparent_png_thumbnail_becomes_an_opaque_jpeg(fake_oembed, media_root):
    buffer = io.BytesIO()
    PILImage.new("RGBA", (300, 200), (0, 0, 0, 0)).save(buffer, "PNG")
    thumbnail = fake_oembed.picture("clear.png", body=buffer.getvalue(), content_type="image/png")
    fake_oembed.answer("youtube", {"title": "Clear", "thumbnail_url": thumbnail})

    info = details.refresh([VIDEO])[VIDEO.key]

    with PILImage.open(media_root / info.thumbnail.name) as copy:
        assert (copy.format, copy.size) == ("JPEG", (300, 200))
        assert copy.convert("RGB").getpixel((10, 10)) > (240, 240, 240)


def test_a_post_without_a_title_is_named_by_its_first_words(fake_oembed):
    words = "just setting up my twttr " * 10
    fake_oembed.answer(
        "x",
        {
            "author_name": "jack",
            "html": f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{words}</p>'
            '&mdash; jack (@jack) <a href="https://twitter.com/jack/status/20">March 21, 2006</a>'
            "</blockquote>",
        },
    )

    info = details.refresh([POST])[POST.key]

    assert info.title.startswith("just setting up my twttr just")
    assert info.title.endswith("…") and len(info.title) <= details.POST_TITLE_LENGTH
    assert "March" not in info.title and "<" not in info.title


def test_a_bluesky_post_plays_by_the_did_its_oembed_names(fake_oembed):
    fake_oembed.answer(
        "bluesky",
        {
            "author_name": "Jay",
            "html": f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{DID}/app.bsky.feed.post/3lbv3urcj3s2t">'
            "<p>Hello from the skies</p></blockquote>",
        },
    )

    info = details.refresh([SKEET])[SKEET.key]

    assert info.player_id == f"{DID}/3lbv3urcj3s2t"
    assert f"https://embed.bsky.app/embed/{DID}/app.bsky.feed.post/3lbv3urcj3s2t" in details.card(
        SKEET, info
    )


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ({"status": 500, "body": b"oops"}, "answered HTTP 500"),
        ({"status": 404, "body": b"no such video"}, "answered HTTP 404"),
        ({"body": b"<html>not json</html>", "content_type": "text/html"}, "other than JSON"),
        ({"body": b"[1, 2, 3]"}, "other than an object"),
        ({"body": b"{" + b" " * (300 * 1024) + b"}"}, "too large"),
    ],
)
def test_a_provider_answering_badly_leaves_an_embed_without_details(fake_oembed, answer, problem):
    fake_oembed.answer("youtube", **answer)

    info = details.refresh([VIDEO])[VIDEO.key]

    assert info.title == "" and not info.thumbnail
    assert problem in info.error
    assert info.error.startswith("YouTube's oEmbed")
    # The card still works: the provider's name stands in for the title.
    card = details.card(VIDEO, info)
    assert "YouTube video" in card
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in card


def test_a_provider_that_never_answers_costs_one_timeout(fake_oembed, settings):
    settings.EMBED_FETCH_TIMEOUT = 0.5
    fake_oembed.server.routes["/oembed/youtube"] = (200, {}, hang)

    started = time.monotonic()
    info = details.refresh([VIDEO])[VIDEO.key]

    assert time.monotonic() - started < 2
    assert "did not answer within 0.5 s" in info.error


def test_a_provider_that_is_down_is_a_refused_connection(fake_oembed, settings):
    settings.EMBED_OEMBED_ENDPOINTS = {"youtube": "http://127.0.0.1:9/oembed"}

    info = details.refresh([VIDEO])[VIDEO.key]

    assert "could not be reached" in info.error


def test_a_thumbnail_that_is_not_a_picture_is_not_kept(fake_oembed):
    page = fake_oembed.picture("fake.jpg", body=b"<!doctype html><p>hi", content_type="image/jpeg")
    fake_oembed.answer("youtube", {"title": "Still titled", "thumbnail_url": page})

    info = details.refresh([VIDEO])[VIDEO.key]

    assert info.title == "Still titled"
    assert not info.thumbnail
    assert info.error.startswith("YouTube's thumbnail")


def test_a_thumbnail_that_is_not_a_web_address_is_not_fetched(fake_oembed):
    fake_oembed.answer("youtube", {"title": "T", "thumbnail_url": "file:///etc/passwd"})

    info = details.refresh([VIDEO])[VIDEO.key]

    assert not info.thumbnail
    assert fake_oembed.asked("/thumbnails/") == []
    assert "not an http or https address" in info.error


def test_internal_addresses_are_refused_as_for_sister_feeds(fake_oembed, settings):
    settings.METRO_FETCH_ALLOW_PRIVATE = []

    info = details.refresh([VIDEO])[VIDEO.key]

    assert "loopback" in info.error
    assert fake_oembed.server.requests == []


def test_details_are_fetched_once_and_a_failure_is_tried_again_later(fake_oembed):
    fake_oembed.answer("youtube", status=503, body=b"busy")
    failed = details.refresh([VIDEO])[VIDEO.key]
    assert failed.error

    details.refresh([VIDEO])
    assert len(fake_oembed.asked("/oembed/")) == 1  # Too soon to ask again.

    fake_oembed.answer("youtube", {"title": "Back up"})
    later = timezone.now() + details.RETRY_AFTER + timedelta(seconds=1)
    again = details.refresh([VIDEO], now=later)[VIDEO.key]
    assert (again.title, again.error) == ("Back up", "")
    assert again.pk == failed.pk

    details.refresh([VIDEO], now=later + timedelta(days=30))
    assert len(fake_oembed.asked("/oembed/")) == 2  # Known details are not asked for again.


def test_a_failure_keeps_what_an_earlier_fetch_learned(fake_oembed):
    fake_oembed.answer("youtube", youtube_answer(fake_oembed))
    known = details.refresh([VIDEO])[VIDEO.key]
    EmbedInfo.objects.filter(pk=known.pk).update(error="stale", fetched_at=timezone.now())
    fake_oembed.answer("youtube", status=500, body=b"down")

    later = timezone.now() + details.RETRY_AFTER * 2
    kept = details.refresh([VIDEO], now=later)[VIDEO.key]

    assert kept.title.startswith("Never Gonna")
    assert kept.thumbnail
    assert "HTTP 500" in kept.error


def test_nothing_is_fetched_with_fetching_off(fake_oembed, settings):
    settings.EMBED_FETCH_METADATA = False

    assert details.refresh([VIDEO, POST]) == {}
    assert fake_oembed.server.requests == []
    assert not EmbedInfo.objects.exists()


def test_providers_without_an_open_oembed_are_not_asked(fake_oembed):
    assert details.refresh([INSTAGRAM]) == {}
    assert fake_oembed.server.requests == []


def test_several_embeds_are_fetched_and_read_back_in_one_query(
    fake_oembed, django_assert_num_queries
):
    fake_oembed.answer("youtube", {"title": "Video"})
    fake_oembed.answer("vimeo", {"title": "Short"})
    fake_oembed.answer("x", {"html": "<p>Post</p>"})
    details.refresh([VIDEO, VIMEO, POST, VIDEO])

    with django_assert_num_queries(1):
        found = details.infos([VIDEO, VIMEO, POST, INSTAGRAM])

    assert {key: info.title for key, info in found.items()} == {
        VIDEO.key: "Video",
        VIMEO.key: "Short",
        POST.key: "Post",
    }
    with django_assert_num_queries(0):
        assert details.infos([]) == {}


def test_a_huge_picture_is_refused_like_an_upload(fake_oembed, settings):
    settings.MEDIA_MAX_PIXELS = 100 * 100
    thumbnail = fake_oembed.picture("big.png", body=image_bytes(size=(400, 400)))
    fake_oembed.answer("youtube", {"title": "Big", "thumbnail_url": thumbnail})

    info = details.refresh([VIDEO])[VIDEO.key]

    assert not info.thumbnail
    assert "megapixels" in info.error


def test_details_kept_by_another_save_first_win(fake_oembed, media_root):
    fake_oembed.answer("youtube", youtube_answer(fake_oembed))
    fetched = details.fetch_details(VIDEO)
    theirs = EmbedInfo.objects.create(
        provider="youtube", embed_id=VIDEO.id, title="Theirs", fetched_at=timezone.now()
    )

    kept = details.keep(VIDEO, fetched, None, timezone.now())

    assert kept.pk == theirs.pk and kept.title == "Theirs"
    assert not list((media_root / "embeds" / "youtube").iterdir())
