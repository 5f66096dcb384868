"""The third-party players stories may embed: whose address is what, and where it plays.

A story keeps an embed as a provider and an id (`Embed`), never as the markup a
provider hands out: `parse()` reads the address an editor pastes, each
provider's id pattern says which ids can exist, and the canonical address, the
player's address (on the provider's privacy-enhanced host where it has one)
and the oEmbed request are all built here from the id. Every player is a plain
iframe, so no provider's script runs in our pages; `frame_origins()` lists the
hosts a page's Content Security Policy must let frames come from.

The registry knows no feature app and no model: media keeps what oEmbed told
us (media.embeds), articles puts embeds in the body and leads stories with them.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy

# Longer addresses are not worth parsing: no provider's share link comes near.
MAX_URL_LENGTH = 2000
# Prefixes of a host that change nothing about what it serves.
HOST_PREFIXES = ("www.", "m.", "mobile.")

VIDEO, POST, AUDIO = "video", "post", "audio"


@dataclass(frozen=True)
class Route:
    """One form of a provider's addresses: hosts (bare, without www.), a path pattern
    matched whole, and how the id is made from the match and the query."""

    hosts: frozenset
    path: re.Pattern
    make_id: Callable


def route(hosts, path, make_id=None):
    return Route(
        frozenset(hosts.split()), re.compile(path), make_id or (lambda match, query: match.group(1))
    )


@dataclass(frozen=True)
class Provider:
    key: str  # Stored in the body: data-embed-provider="youtube".
    name: str  # For readers: "Load content from YouTube".
    kind: str  # VIDEO, POST or AUDIO: the words of the link, the shape of the player.
    id_pattern: re.Pattern  # Every id this provider can have, matched whole.
    routes: tuple
    canonical: Callable  # id -> the address readers follow without JavaScript.
    player: Callable  # id, autoplay -> the iframe's address.
    player_origin: str  # For frame-src.
    oembed_endpoint: str = ""  # Empty: the provider has no oEmbed open to us.
    oembed_parameters: dict = field(default_factory=dict)
    # id -> the address oEmbed is asked about, when not the canonical one.
    oembed_subject: Callable | None = None
    # id -> the player's height in CSS pixels, or None for a 16:9 video frame.
    frame_height: Callable = lambda embed_id: None
    # id -> what the content is, in a word ("video", "post", "playlist").
    noun: Callable = lambda embed_id: "post"

    def is_valid(self, embed_id):
        return (
            isinstance(embed_id, str)
            and len(embed_id) <= MAX_ID_LENGTH
            and bool(self.id_pattern.fullmatch(embed_id))
        )


@dataclass(frozen=True)
class Embed:
    """A provider's content, by id: what a story stores and everything built from it."""

    provider: Provider
    id: str

    def __post_init__(self):
        if not self.provider.is_valid(self.id):
            raise ValueError(f"{self.id!r} is not a {self.provider.name} id")

    @property
    def key(self):
        return (self.provider.key, self.id)

    @property
    def url(self):
        return self.provider.canonical(self.id)

    def player_url(self, *, autoplay=False, resolved_id=None):
        """The iframe's address; `resolved_id` is a better id for the player, when oEmbed
        gave one (a Bluesky post by its account's permanent DID rather than a handle)."""
        embed_id = resolved_id if self.provider.is_valid(resolved_id or "") else self.id
        return self.provider.player(embed_id, autoplay)

    @property
    def frame_origin(self):
        return self.provider.player_origin

    @property
    def frame_height(self):
        return self.provider.frame_height(self.id)

    @property
    def noun(self):
        return self.provider.noun(self.id)

    @property
    def link_text(self):
        verb = {VIDEO: "Watch", AUDIO: "Listen"}.get(self.provider.kind, "View")
        return f"{verb} on {self.provider.name}"

    def oembed_url(self, endpoint=None):
        """The oEmbed request for this content, at `endpoint` or the provider's own; "" if none."""
        endpoint = endpoint or self.provider.oembed_endpoint
        if not endpoint:
            return ""
        subject = (self.provider.oembed_subject or self.provider.canonical)(self.id)
        query = {"url": subject, "format": "json", **self.provider.oembed_parameters}
        separator = "&" if "?" in endpoint else "?"
        return f"{endpoint}{separator}{urlencode(query)}"


def first(query, name):
    return (query.get(name) or [""])[0]


def _youtube_player(embed_id, autoplay):
    # youtube-nocookie.com sets no cookie until the reader plays the video.
    return f"https://www.youtube-nocookie.com/embed/{embed_id}" + (
        "?autoplay=1" if autoplay else ""
    )


def _vimeo_player(embed_id, autoplay):
    number, _, hash_ = embed_id.partition("/")
    query = {
        "dnt": "1",
        **({"h": hash_} if hash_ else {}),
        **({"autoplay": "1"} if autoplay else {}),
    }
    return f"https://player.vimeo.com/video/{number}?{urlencode(query)}"


def _vimeo_canonical(embed_id):
    return f"https://vimeo.com/{embed_id}"


def _tiktok_canonical(embed_id):
    user, _, number = embed_id.rpartition("/")
    return f"https://www.tiktok.com/@{user}/video/{number}"


def _bluesky_player(embed_id, autoplay):
    actor, _, record = embed_id.rpartition("/")
    return f"https://embed.bsky.app/embed/{actor}/app.bsky.feed.post/{record}"


def _soundcloud_player(embed_id, autoplay):
    query = {
        "url": f"https://soundcloud.com/{embed_id}",
        "auto_play": "true" if autoplay else "false",
    }
    return f"https://w.soundcloud.com/player/?{urlencode(query)}"


def _apple_parts(embed_id):
    country, show, *episode = embed_id.split("/")
    return country, show, (episode[0] if episode else "")


def _apple_address(host):
    def address(embed_id, autoplay=False):
        country, show, episode = _apple_parts(embed_id)
        return f"https://{host}/{country}/podcast/id{show}" + (f"?i={episode}" if episode else "")

    return address


def _apple_id(match, query):
    country, show = match.group(1), match.group(2)
    episode = first(query, "i")
    return f"{country}/{show}/{episode}" if episode else f"{country}/{show}"


YOUTUBE_ID = r"[A-Za-z0-9_-]{11}"
YOUTUBE_HOSTS = "youtube.com music.youtube.com"
SPOTIFY_KINDS = "track album playlist episode show artist"
# Second parts of soundcloud.com/user/... that are pages of the user, not tracks.
SOUNDCLOUD_USER_PAGES = (
    "albums|comments|followers|following|likes|popular-tracks|reposts|sets|spotlight|tracks"
)
SOUNDCLOUD_SLUG = r"[A-Za-z0-9_-]{1,100}"
# First parts of soundcloud.com/... that are the site's own pages, not users.
SOUNDCLOUD_SITE_PAGES = (
    "charts|discover|jobs|messages|mobile|notifications|pages|people|search|settings|signin"
    "|stream|tags|upload|you"
)
# A Bluesky account: a handle (a domain name) or a permanent DID.
BLUESKY_ACTOR = (
    r"(?:did:plc:[a-z2-7]{24}|did:web:[a-z0-9.-]{1,253}|(?:[a-z0-9-]{1,63}\.)+[a-z]{2,63})"
)

# Ids longer than this are refused, whatever a provider's pattern allows (a Bluesky
# handle may be long): media.EmbedInfo stores them in a column of this length.
MAX_ID_LENGTH = 300

PROVIDERS = {
    provider.key: provider
    for provider in [
        Provider(
            key="youtube",
            name="YouTube",
            kind=VIDEO,
            id_pattern=re.compile(YOUTUBE_ID),
            routes=(
                route(YOUTUBE_HOSTS, r"/watch/?", lambda match, query: first(query, "v")),
                route(YOUTUBE_HOSTS, rf"/(?:shorts|embed|live|v)/({YOUTUBE_ID})/?"),
                route("youtu.be", rf"/({YOUTUBE_ID})/?"),
                route("youtube-nocookie.com", rf"/embed/({YOUTUBE_ID})/?"),
            ),
            canonical=lambda embed_id: f"https://www.youtube.com/watch?v={embed_id}",
            player=_youtube_player,
            player_origin="https://www.youtube-nocookie.com",
            oembed_endpoint="https://www.youtube.com/oembed",
            noun=lambda embed_id: "video",
        ),
        Provider(
            key="vimeo",
            name="Vimeo",
            kind=VIDEO,
            # A number, and for an unlisted video the hash that unlocks it.
            id_pattern=re.compile(r"[1-9][0-9]{0,11}(?:/[0-9a-f]{6,20})?"),
            routes=(
                route("vimeo.com", r"/([1-9][0-9]{0,11}(?:/[0-9a-f]{6,20})?)/?"),
                route("vimeo.com", r"/channels/[A-Za-z0-9_-]{1,100}/([1-9][0-9]{0,11})/?"),
                route("vimeo.com", r"/groups/[A-Za-z0-9_-]{1,100}/videos/([1-9][0-9]{0,11})/?"),
                route("vimeo.com", r"/album/[0-9]+/video/([1-9][0-9]{0,11})/?"),
                route(
                    "player.vimeo.com",
                    r"/video/([1-9][0-9]{0,11})/?",
                    lambda match, query: (
                        match.group(1) + (f"/{first(query, 'h')}" if first(query, "h") else "")
                    ),
                ),
            ),
            canonical=_vimeo_canonical,
            player=_vimeo_player,
            player_origin="https://player.vimeo.com",
            oembed_endpoint="https://vimeo.com/api/oembed.json",
            oembed_parameters={"dnt": "1"},
            noun=lambda embed_id: "video",
        ),
        Provider(
            key="x",
            name="X",
            kind=POST,
            id_pattern=re.compile(r"[1-9][0-9]{0,19}"),
            routes=(
                route(
                    "x.com twitter.com",
                    r"/(?:[A-Za-z0-9_]{1,15}|i/web|i)/status(?:es)?/([1-9][0-9]{0,19})(?:/(?:photo|video)/\d)?/?",
                ),
            ),
            canonical=lambda embed_id: f"https://x.com/i/status/{embed_id}",
            player=lambda embed_id, autoplay: (
                f"https://platform.twitter.com/embed/Tweet.html?id={embed_id}&dnt=true"
            ),
            player_origin="https://platform.twitter.com",
            oembed_endpoint="https://publish.twitter.com/oembed",
            oembed_parameters={"dnt": "true", "omit_script": "true"},
            oembed_subject=lambda embed_id: f"https://twitter.com/i/status/{embed_id}",
            frame_height=lambda embed_id: 600,
        ),
        Provider(
            key="instagram",
            name="Instagram",
            kind=POST,
            id_pattern=re.compile(r"[A-Za-z0-9_-]{5,64}"),
            routes=(
                route(
                    "instagram.com",
                    r"/(?:[A-Za-z0-9_.]{1,30}/)?(?:p|reels?|tv)/([A-Za-z0-9_-]{5,64})/?",
                ),
            ),
            canonical=lambda embed_id: f"https://www.instagram.com/p/{embed_id}/",
            player=lambda embed_id, autoplay: f"https://www.instagram.com/p/{embed_id}/embed/",
            player_origin="https://www.instagram.com",
            # Instagram's oEmbed wants a Meta app's token: its cards show what the id says.
            frame_height=lambda embed_id: 720,
        ),
        Provider(
            key="tiktok",
            name="TikTok",
            kind=VIDEO,
            # The account and the video's number: share links always carry both.
            id_pattern=re.compile(r"[A-Za-z0-9_.]{1,32}/[1-9][0-9]{0,19}"),
            routes=(
                route(
                    "tiktok.com",
                    r"/@([A-Za-z0-9_.]{1,32})/video/([1-9][0-9]{0,19})/?",
                    lambda match, query: f"{match.group(1)}/{match.group(2)}",
                ),
            ),
            canonical=_tiktok_canonical,
            player=lambda embed_id, autoplay: (
                f"https://www.tiktok.com/embed/v2/{embed_id.rpartition('/')[2]}"
            ),
            player_origin="https://www.tiktok.com",
            oembed_endpoint="https://www.tiktok.com/oembed",
            frame_height=lambda embed_id: 740,
            noun=lambda embed_id: "video",
        ),
        Provider(
            key="bluesky",
            name="Bluesky",
            kind=POST,
            id_pattern=re.compile(rf"{BLUESKY_ACTOR}/[A-Za-z0-9._~-]{{1,64}}"),
            routes=(
                route(
                    "bsky.app",
                    rf"/profile/((?i:{BLUESKY_ACTOR}))/post/([A-Za-z0-9._~-]{{1,64}})/?",
                    lambda match, query: f"{match.group(1).lower()}/{match.group(2)}",
                ),
            ),
            canonical=lambda embed_id: "https://bsky.app/profile/{}/post/{}".format(
                *embed_id.rsplit("/", 1)
            ),
            player=_bluesky_player,
            player_origin="https://embed.bsky.app",
            oembed_endpoint="https://embed.bsky.app/oembed",
            frame_height=lambda embed_id: 480,
        ),
        Provider(
            key="spotify",
            name="Spotify",
            kind=AUDIO,
            id_pattern=re.compile(rf"(?:{'|'.join(SPOTIFY_KINDS.split())})/[A-Za-z0-9]{{22}}"),
            routes=(
                route(
                    "open.spotify.com",
                    rf"/(?:intl-[a-z]{{2}}(?:-[a-z]{{2}})?/)?(?:embed/)?"
                    rf"((?:{'|'.join(SPOTIFY_KINDS.split())})/[A-Za-z0-9]{{22}})/?",
                ),
            ),
            canonical=lambda embed_id: f"https://open.spotify.com/{embed_id}",
            player=lambda embed_id, autoplay: f"https://open.spotify.com/embed/{embed_id}",
            player_origin="https://open.spotify.com",
            oembed_endpoint="https://open.spotify.com/oembed",
            frame_height=lambda embed_id: (
                152 if embed_id.startswith(("track/", "episode/")) else 352
            ),
            noun=lambda embed_id: embed_id.partition("/")[0],
        ),
        Provider(
            key="soundcloud",
            name="SoundCloud",
            kind=AUDIO,
            id_pattern=re.compile(
                rf"(?!(?:{SOUNDCLOUD_SITE_PAGES})/){SOUNDCLOUD_SLUG}/"
                rf"(?:sets/{SOUNDCLOUD_SLUG}|(?!(?:{SOUNDCLOUD_USER_PAGES})$){SOUNDCLOUD_SLUG})"
            ),
            routes=(
                route(
                    "soundcloud.com",
                    rf"/({SOUNDCLOUD_SLUG}/(?:sets/)?{SOUNDCLOUD_SLUG})/?",
                    lambda match, query: match.group(1),
                ),
            ),
            canonical=lambda embed_id: f"https://soundcloud.com/{embed_id}",
            player=_soundcloud_player,
            player_origin="https://w.soundcloud.com",
            oembed_endpoint="https://soundcloud.com/oembed",
            frame_height=lambda embed_id: 450 if "/sets/" in embed_id else 166,
            noun=lambda embed_id: "playlist" if "/sets/" in embed_id else "track",
        ),
        Provider(
            key="apple-podcasts",
            name="Apple Podcasts",
            kind=AUDIO,
            # Country, show, and the episode when it is one.
            id_pattern=re.compile(r"[a-z]{2}/[1-9][0-9]{0,11}(?:/[1-9][0-9]{0,15})?"),
            routes=(
                route(
                    "podcasts.apple.com embed.podcasts.apple.com",
                    r"/([a-z]{2})/podcast/(?:[^/]{1,200}/)?id([1-9][0-9]{0,11})/?",
                    _apple_id,
                ),
            ),
            canonical=_apple_address("podcasts.apple.com"),
            player=_apple_address("embed.podcasts.apple.com"),
            player_origin="https://embed.podcasts.apple.com",
            frame_height=lambda embed_id: 175 if embed_id.count("/") == 2 else 450,
            noun=lambda embed_id: "episode" if embed_id.count("/") == 2 else "podcast",
        ),
    ]
}


def provider_names():
    return [provider.name for provider in PROVIDERS.values()]


def get(provider_key, embed_id):
    """The Embed for a stored provider and id, or None if either is not one we know."""
    provider = PROVIDERS.get(provider_key)
    if provider is None or not provider.is_valid(embed_id):
        return None
    return Embed(provider, embed_id)


def parse(url):
    """The Embed an address points at, or None for any address that is not a known
    provider's content (which then stays a plain link)."""
    if not isinstance(url, str) or len(url) > MAX_URL_LENGTH:
        return None
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not host or parts.username or parts.password:
        return None
    if port not in {None, 80, 443}:
        return None
    host = host.rstrip(".")
    for prefix in HOST_PREFIXES:
        host = host.removeprefix(prefix)
    query = parse_qs(parts.query)
    for provider in PROVIDERS.values():
        for form in provider.routes:
            if host not in form.hosts or not (match := form.path.fullmatch(parts.path)):
                continue
            if embed := get(provider.key, form.make_id(match, query)):
                return embed
    return None


def validate_embed_url(value):
    """A form and model validator: the address must be content of a provider we embed."""
    if value and parse(value) is None:
        raise ValidationError(
            "Metro cannot embed this address. Paste the address of a video, post or "
            "track from %(providers)s.",
            code="not_embeddable",
            params={"providers": ", ".join(provider_names())},
        )


def validate_video_url(value):
    """As validate_embed_url, for a video: a story's lead video."""
    validate_embed_url(value)
    if value and parse(value).provider.kind != VIDEO:
        raise ValidationError(
            "This is not a video. Paste the address of a video on %(providers)s.",
            code="not_a_video",
            params={"providers": ", ".join(video_provider_names())},
        )


def video_provider_names():
    return [provider.name for provider in PROVIDERS.values() if provider.kind == VIDEO]


def frame_origins(embeds):
    """The player origins `embeds` need in frame-src, sorted, each once."""
    return sorted({embed.frame_origin for embed in embeds})


def all_frame_origins():
    return sorted({provider.player_origin for provider in PROVIDERS.values()})


def allow_frames(response, request, origins, *, policy=None):
    """Let the page in `response` frame players from `origins` and from nowhere else: its
    Content Security Policy gains `frame-src 'self' <origins>`. With no origins the page
    keeps the site's policy (settings.SECURE_CSP), which allows no third-party frame.
    `policy` replaces the site's policy as the one to start from (and is written even
    with no origins).

    The header is written on the response, not left to the CSP middleware through
    csp_override(), so that the page cache (core.pagecache) stores it with the page.
    Returns `response`.
    """
    if not origins and policy is None:
        return response

    def write(rendered):
        base = settings.SECURE_CSP if policy is None else policy
        policy_now = {**base, "frame-src": [CSP.SELF, *origins]} if origins else base
        # After rendering, so that a nonce the page used is in the header too.
        rendered.headers[str(CSP.HEADER_ENFORCE)] = build_policy(policy_now, get_nonce(request))

    if hasattr(response, "add_post_render_callback"):
        response.add_post_render_callback(write)
    else:
        write(response)
    return response
