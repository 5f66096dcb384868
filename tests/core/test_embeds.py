"""The embed registry: which addresses are which provider's content, and where each plays."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError

from core import embeds

# (address an editor might paste, provider, id)
RECOGNISED = [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42s", "youtube", "dQw4w9WgXcQ"),
    ("http://m.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://music.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ?si=abc", "youtube", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/a_b-C1d2E3f", "youtube", "a_b-C1d2E3f"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/live/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://WWW.YOUTUBE.COM./watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
    ("https://vimeo.com/76979871", "vimeo", "76979871"),
    ("https://vimeo.com/76979871/0123abcdef", "vimeo", "76979871/0123abcdef"),
    ("https://vimeo.com/channels/staffpicks/76979871", "vimeo", "76979871"),
    ("https://vimeo.com/groups/shortfilms/videos/76979871", "vimeo", "76979871"),
    ("https://player.vimeo.com/video/76979871", "vimeo", "76979871"),
    ("https://player.vimeo.com/video/76979871?h=0123abcdef", "vimeo", "76979871/0123abcdef"),
    ("https://x.com/NASA/status/1798723406592352420", "x", "1798723406592352420"),
    ("https://twitter.com/jack/status/20", "x", "20"),
    ("https://mobile.twitter.com/jack/status/20/photo/1", "x", "20"),
    ("https://twitter.com/i/web/status/20", "x", "20"),
    ("https://www.instagram.com/p/C8abc_12-xY/", "instagram", "C8abc_12-xY"),
    ("https://instagram.com/reel/C8abc_12-xY", "instagram", "C8abc_12-xY"),
    ("https://www.instagram.com/natgeo/p/C8abc_12-xY/", "instagram", "C8abc_12-xY"),
    (
        "https://www.tiktok.com/@scout2015/video/6718335390845095173",
        "tiktok",
        "scout2015/6718335390845095173",
    ),
    (
        "https://bsky.app/profile/Jay.bsky.team/post/3lbv3urcj3s2t",
        "bluesky",
        "jay.bsky.team/3lbv3urcj3s2t",
    ),
    (
        "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3lbv3urcj3s2t",
        "bluesky",
        "did:plc:z72i7hdynmk6r22z27h6tvur/3lbv3urcj3s2t",
    ),
    (
        "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=x",
        "spotify",
        "track/4uLU6hMCjMI75M1A2tKUQC",
    ),
    (
        "https://open.spotify.com/intl-pt/album/1DFixLWuPkv3KT3TnV35m3",
        "spotify",
        "album/1DFixLWuPkv3KT3TnV35m3",
    ),
    (
        "https://open.spotify.com/embed/episode/512ojhOuo1ktJprKbVcKyQ",
        "spotify",
        "episode/512ojhOuo1ktJprKbVcKyQ",
    ),
    ("https://soundcloud.com/forss/flickermood", "soundcloud", "forss/flickermood"),
    ("https://soundcloud.com/forss/sets/soulhack/", "soundcloud", "forss/sets/soulhack"),
    (
        "https://podcasts.apple.com/us/podcast/the-daily/id1200361736",
        "apple-podcasts",
        "us/1200361736",
    ),
    (
        "https://podcasts.apple.com/gb/podcast/the-daily/id1200361736?i=1000650000001",
        "apple-podcasts",
        "gb/1200361736/1000650000001",
    ),
]

# Addresses of these providers that are not one piece of content, or not an id they can have.
REFUSED = [
    "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ0",  # Twelve characters.
    "https://www.youtube.com/watch?v=dQw4w9WgX%22Q",
    "https://www.youtube.com/@channel",
    "https://www.youtube.com/playlist?list=PL123",
    "https://youtu.be/",
    "https://vimeo.com/channels/staffpicks",
    "https://vimeo.com/0123",
    "https://x.com/jack",
    "https://x.com/jack/status/notanumber",
    "https://x.com/jack/status/123456789012345678901",  # 21 digits.
    "https://www.instagram.com/natgeo/",
    "https://www.instagram.com/p/abc/",  # Too short to be a shortcode.
    "https://www.tiktok.com/@scout2015",
    "https://vm.tiktok.com/ZMabc123/",  # A short link: only its redirect knows the video.
    "https://bsky.app/profile/jay.bsky.team",
    "https://bsky.app/profile/not_a_handle/post/3lbv3urcj3s2t",
    "https://open.spotify.com/track/short",
    "https://open.spotify.com/user/spotify",
    "https://soundcloud.com/forss",
    "https://soundcloud.com/forss/tracks",
    "https://soundcloud.com/search/sounds",
    "https://podcasts.apple.com/us/browse",
]

# Not a provider's at all, or not a web address anyone can follow.
NOT_PROVIDERS = [
    "",
    "not a url",
    "https://example.com/watch?v=dQw4w9WgXcQ",
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
    "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
    "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
    "https://user:pass@youtube.com/watch?v=dQw4w9WgXcQ",
    "https://youtube.com:8443/watch?v=dQw4w9WgXcQ",
    "https://[::1/watch",
    "https://東京.example/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ" + "&x=1" * 600,
]


@pytest.mark.parametrize(("url", "provider", "embed_id"), RECOGNISED)
def test_each_providers_addresses_give_its_id(url, provider, embed_id):
    embed = embeds.parse(url)

    assert embed is not None, url
    assert embed.key == (provider, embed_id)
    # The canonical address is one of the provider's own, and reads back the same.
    assert embeds.parse(embed.url).key == embed.key


@pytest.mark.parametrize("url", REFUSED + NOT_PROVIDERS)
def test_other_addresses_are_not_embeds(url):
    assert embeds.parse(url) is None


def test_a_value_that_is_not_text_is_not_an_embed():
    assert embeds.parse(None) is None
    assert embeds.parse(["https://youtu.be/dQw4w9WgXcQ"]) is None


def test_every_provider_is_recognised():
    assert {provider for _url, provider, _id in RECOGNISED} == set(embeds.PROVIDERS)


@pytest.mark.parametrize(
    ("provider", "embed_id"),
    [
        ("youtube", "dQw4w9WgXc"),
        ("youtube", 'dQw4w9WgX"Q'),
        ("youtube", "dQw4w9WgXcQ/x"),
        ("vimeo", "12ab"),
        ("vimeo", "76979871/NOTHEX"),
        ("x", "-20"),
        ("x", "20 "),
        ("instagram", "C8abc/../x"),
        ("tiktok", "6718335390845095173"),  # Without its account.
        ("bluesky", "jay.bsky.team"),
        ("bluesky", "did:plc:short/3lbv3urcj3s2t"),
        ("spotify", "podcast/4uLU6hMCjMI75M1A2tKUQC"),
        ("soundcloud", "forss/tracks"),
        ("soundcloud", "forss"),
        ("apple-podcasts", "usa/1200361736"),
        ("apple-podcasts", "us/1200361736?i=1"),
        ("nosuchprovider", "dQw4w9WgXcQ"),
        ("youtube", ""),
        ("youtube", "<script>"),
    ],
)
def test_stored_ids_are_checked_against_their_providers_pattern(provider, embed_id):
    assert embeds.get(provider, embed_id) is None


def test_an_embed_with_a_bad_id_cannot_even_be_built():
    with pytest.raises(ValueError):
        embeds.Embed(embeds.PROVIDERS["youtube"], "javascript:")


def test_players_use_the_privacy_enhanced_hosts():
    assert embeds.parse("https://youtu.be/dQw4w9WgXcQ").player_url() == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    assert (
        embeds.parse("https://youtu.be/dQw4w9WgXcQ")
        .player_url(autoplay=True)
        .endswith("?autoplay=1")
    )
    vimeo = urlsplit(embeds.parse("https://vimeo.com/76979871/0123abcdef").player_url())
    assert (vimeo.netloc, vimeo.path) == ("player.vimeo.com", "/video/76979871")
    assert parse_qs(vimeo.query) == {"dnt": ["1"], "h": ["0123abcdef"]}
    tweet = urlsplit(embeds.parse("https://x.com/jack/status/20").player_url())
    assert tweet.netloc == "platform.twitter.com"
    assert parse_qs(tweet.query) == {"id": ["20"], "dnt": ["true"]}


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.instagram.com/p/C8abc_12-xY/",
            "https://www.instagram.com/p/C8abc_12-xY/embed/",
        ),
        (
            "https://www.tiktok.com/@scout2015/video/6718335390845095173",
            "https://www.tiktok.com/embed/v2/6718335390845095173",
        ),
        (
            "https://bsky.app/profile/jay.bsky.team/post/3lbv3urcj3s2t",
            "https://embed.bsky.app/embed/jay.bsky.team/app.bsky.feed.post/3lbv3urcj3s2t",
        ),
        (
            "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
            "https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC",
        ),
        (
            "https://soundcloud.com/forss/flickermood",
            "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fforss%2Fflickermood&auto_play=false",
        ),
        (
            "https://podcasts.apple.com/gb/podcast/the-daily/id1200361736?i=1000650000001",
            "https://embed.podcasts.apple.com/gb/podcast/id1200361736?i=1000650000001",
        ),
    ],
)
def test_posts_and_audio_play_in_iframes_without_a_providers_script(url, player):
    embed = embeds.parse(url)

    assert embed.player_url() == player
    assert urlsplit(player).scheme + "://" + urlsplit(player).netloc == embed.frame_origin


def test_a_bluesky_post_plays_by_its_accounts_did_when_oembed_gave_it():
    post = embeds.parse("https://bsky.app/profile/jay.bsky.team/post/3lbv3urcj3s2t")
    did = "did:plc:z72i7hdynmk6r22z27h6tvur/3lbv3urcj3s2t"

    assert post.player_url(resolved_id=did) == (
        "https://embed.bsky.app/embed/did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbv3urcj3s2t"
    )
    # Anything that is not an id of the provider's is ignored.
    assert "evil" not in post.player_url(resolved_id="evil.example/../x")


def test_oembed_requests_ask_about_the_canonical_address():
    video = embeds.parse("https://youtu.be/dQw4w9WgXcQ?si=tracking")
    request = urlsplit(video.oembed_url())

    assert (request.netloc, request.path) == ("www.youtube.com", "/oembed")
    assert parse_qs(request.query) == {
        "url": ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
        "format": ["json"],
    }
    moved = urlsplit(video.oembed_url("http://127.0.0.1:9/oembed?key=1"))
    assert moved.netloc == "127.0.0.1:9"
    assert parse_qs(moved.query)["key"] == ["1"]


def test_providers_without_an_open_oembed_have_no_request():
    assert embeds.parse("https://www.instagram.com/p/C8abc_12-xY/").oembed_url() == ""
    assert embeds.parse("https://podcasts.apple.com/us/podcast/x/id1200361736").oembed_url() == ""


def test_frame_origins_are_each_player_host_once():
    found = [
        embeds.parse("https://youtu.be/dQw4w9WgXcQ"),
        embeds.parse("https://www.youtube.com/watch?v=a_b-C1d2E3f"),
        embeds.parse("https://x.com/jack/status/20"),
    ]

    assert embeds.frame_origins(found) == [
        "https://platform.twitter.com",
        "https://www.youtube-nocookie.com",
    ]
    assert embeds.frame_origins([]) == []
    assert all(origin.startswith("https://") for origin in embeds.all_frame_origins())


def test_the_validators_say_what_metro_embeds():
    embeds.validate_embed_url("https://x.com/jack/status/20")
    embeds.validate_video_url("https://vimeo.com/76979871")
    embeds.validate_video_url("")

    with pytest.raises(ValidationError) as refused:
        embeds.validate_embed_url("https://example.com/video")
    assert "YouTube" in refused.value.messages[0]
    with pytest.raises(ValidationError) as not_a_video:
        embeds.validate_video_url("https://x.com/jack/status/20")
    assert not_a_video.value.code == "not_a_video"


def test_links_say_what_the_reader_will_do():
    assert embeds.parse("https://youtu.be/dQw4w9WgXcQ").link_text == "Watch on YouTube"
    assert embeds.parse("https://x.com/jack/status/20").link_text == "View on X"
    assert (
        embeds.parse("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC").link_text
        == "Listen on Spotify"
    )


def test_an_id_longer_than_the_stored_column_is_refused():
    # Bluesky's handle pattern has no length of its own; media.EmbedInfo stores ids in
    # a column of MAX_ID_LENGTH, which PostgreSQL enforces.
    handle = ".".join(["a" * 63] * 6) + ".example"
    address = f"https://bsky.app/profile/{handle}/post/3kabc"
    assert len(handle) > embeds.MAX_ID_LENGTH
    assert embeds.parse(address) is None
    assert embeds.get("bluesky", f"{handle}/3kabc") is None
    short = "jo.example"
    assert embeds.parse(f"https://bsky.app/profile/{short}/post/3kabc").id == f"{short}/3kabc"
