"""What stories show of embedded content before a reader loads it: details and cards.

core.embeds says whose content an address is and where it plays. Here: the
details a provider's oEmbed gives (title, author, duration, thumbnail), fetched
when a story is saved through core.fetching.fetch (the same deadline, size cap
and refusal of internal addresses as sister sites' feeds) and kept as EmbedInfo,
so that pages read them from the database and never ask the provider; and the
static card readers see (`card`), with a button that loads the player only
when they ask (static/js/embeds.js).

Thumbnails are copied: fetched, checked by media.inspection like an upload,
shrunk and re-encoded as a JPEG of our own, served from our media. A provider's
image on the card would be a request to the provider before the reader chose
anything. Details are optional: a provider that is down, or a server with no
network, leaves a card with the provider's name and a generic title, and a
failed fetch is tried again at a later save (RETRY_AFTER).
"""

import hashlib
import io
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from functools import reduce
from html.parser import HTMLParser
from operator import or_
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageOps

from core.fetching import FetchError, fetch
from media.inspection import inspect_image
from media.models import EmbedInfo

# A failed fetch is tried again by a save this long after it.
RETRY_AFTER = timedelta(hours=1)
# At most this many embeds are fetched by one save; the rest wait for the next.
MOST_PER_SAVE = 12
# Fetched side by side, each within its own deadline.
FETCH_WORKERS = 4
# Our copy of a thumbnail: at most this wide and high, as a JPEG.
THUMBNAIL_BOX = (640, 640)
THUMBNAIL_QUALITY = 82
# A title made from a post's words (X and Bluesky give no title) is cut at this length.
POST_TITLE_LENGTH = 140
# A Bluesky post's permanent address in its oEmbed markup: its account's DID and record key.
BLUESKY_URI = re.compile(
    r"at://(did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]{1,253}))/app\.bsky\.feed\.post/([A-Za-z0-9._~-]{1,64})"
)


@dataclass(frozen=True)
class Details:
    """What one fetch learned: the fields of EmbedInfo, and the thumbnail as JPEG bytes."""

    title: str = ""
    author_name: str = ""
    duration: int | None = None
    player_id: str = ""
    thumbnail: bytes = b""
    thumbnail_size: tuple = (None, None)
    error: str = ""


def infos(embeds):
    """{(provider, id): EmbedInfo} for `embeds`, in one query (none for no embeds)."""
    keys = {embed.key for embed in embeds}
    if not keys:
        return {}
    wanted = reduce(
        or_, (models.Q(provider=provider, embed_id=embed_id) for provider, embed_id in keys)
    )
    return {info.key: info for info in EmbedInfo.objects.filter(wanted)}


def refresh(embeds, *, now=None):
    """Fetch the details of those `embeds` not known yet, or whose last fetch failed
    RETRY_AFTER ago or more, and keep them. Returns infos() of all `embeds`.

    Nothing is fetched when settings.EMBED_FETCH_METADATA is off."""
    embeds = list({embed.key: embed for embed in embeds}.values())
    known = infos(embeds)
    if not settings.EMBED_FETCH_METADATA:
        return known
    now = now or timezone.now()
    due = [
        embed
        for embed in embeds
        if oembed_request(embed)
        and (
            embed.key not in known
            or (known[embed.key].error and known[embed.key].fetched_at <= now - RETRY_AFTER)
        )
    ][:MOST_PER_SAVE]
    if not due:
        return known
    # Only the network waits in threads; the database and the files are written here.
    with ThreadPoolExecutor(max_workers=min(FETCH_WORKERS, len(due))) as pool:
        fetched = list(pool.map(fetch_details, due))
    for embed, details in zip(due, fetched, strict=True):
        known[embed.key] = keep(embed, details, known.get(embed.key), now)
    return known


def oembed_request(embed):
    """The oEmbed address to ask about `embed` (settings.EMBED_OEMBED_ENDPOINTS may move a
    provider's endpoint, for tests or a proxy), or "" when the provider has none."""
    return embed.oembed_url(settings.EMBED_OEMBED_ENDPOINTS.get(embed.provider.key))


def fetch_details(embed):
    """Details from the provider's oEmbed, with our copy of the thumbnail; never raises."""
    name = embed.provider.name
    try:
        response = fetch(
            oembed_request(embed),
            timeout=settings.EMBED_FETCH_TIMEOUT,
            max_bytes=settings.EMBED_OEMBED_MAX_BYTES,
            accept="application/json",
        )
        data = json.loads(response.body)
    except FetchError as error:
        return Details(error=f"{name}'s oEmbed {error}"[:300])
    except ValueError:
        return Details(error=f"{name}'s oEmbed answered with something other than JSON")
    if not isinstance(data, dict):
        return Details(error=f"{name}'s oEmbed answered with something other than an object")
    markup = _text(data.get("html"), 20_000)
    details = Details(
        title=_text(data.get("title"), 300) or _post_words(markup),
        author_name=_text(data.get("author_name"), 200),
        duration=_duration(data.get("duration")),
        player_id=_player_id(embed, markup),
    )
    thumbnail_url = _text(data.get("thumbnail_url"), 2000)
    if not thumbnail_url:
        return details
    try:
        jpeg, size = copy_thumbnail(thumbnail_url)
    except (FetchError, ValidationError) as error:
        message = error.messages[0] if isinstance(error, ValidationError) else str(error)
        return Details(**{**vars(details), "error": f"{name}'s thumbnail {message}"[:300]})
    return Details(**{**vars(details), "thumbnail": jpeg, "thumbnail_size": size})


def copy_thumbnail(url):
    """(JPEG bytes, (width, height)): our copy of the picture at `url`, at most THUMBNAIL_BOX.

    Raises FetchError, or ValidationError when it is not an image we would accept
    as an upload (media.inspection)."""
    if urlsplit(url).scheme not in {"http", "https"}:
        raise FetchError("is not an http or https address")
    response = fetch(
        url,
        timeout=settings.EMBED_FETCH_TIMEOUT,
        max_bytes=settings.EMBED_THUMBNAIL_MAX_BYTES,
        accept="image/*",
    )
    upload = ContentFile(response.body, name="thumbnail")
    inspect_image(upload)  # The format, the pixels, a whole file: as for any upload.
    with PILImage.open(upload) as picture:
        picture.draft("RGB", THUMBNAIL_BOX)  # JPEGs decode smaller, faster.
        upright = ImageOps.exif_transpose(picture).convert("RGBA")
    # Transparent parts on white, as a JPEG has no transparency.
    shrunk = PILImage.new("RGB", upright.size, "white")
    shrunk.paste(upright, mask=upright)
    shrunk.thumbnail(THUMBNAIL_BOX)
    output = io.BytesIO()
    shrunk.save(output, "JPEG", quality=THUMBNAIL_QUALITY, optimize=True, progressive=True)
    return output.getvalue(), shrunk.size


def keep(embed, details, info, now):
    """Save `details` of `embed` into `info` (or a new EmbedInfo) and return it.

    A failed fetch keeps what an earlier one learned, and says why it failed."""
    provider, embed_id = embed.key
    info = info or EmbedInfo(provider=provider, embed_id=embed_id)
    info.fetched_at = now
    info.error = details.error
    if details.title or not details.error:
        info.title = details.title
        info.author_name = details.author_name
        info.duration = details.duration
        info.player_id = details.player_id
    if details.thumbnail:
        if info.thumbnail:
            info.thumbnail.delete(save=False)
        # Named by the embed and the picture: a new picture is a new address, so the
        # old one may be cached for good.
        embed_digest = hashlib.sha256(f"{provider}:{embed_id}".encode()).hexdigest()[:16]
        picture_digest = hashlib.sha256(details.thumbnail).hexdigest()[:12]
        info.thumbnail.save(
            f"{provider}/{embed_digest}-{picture_digest}.jpg",
            ContentFile(details.thumbnail),
            save=False,
        )
        info.thumbnail_width, info.thumbnail_height = details.thumbnail_size
    try:
        with transaction.atomic():
            info.save()
    except IntegrityError:
        # Another save kept this embed's details first: theirs are as good.
        if info.thumbnail:
            info.thumbnail.delete(save=False)
        return EmbedInfo.objects.get(provider=provider, embed_id=embed_id)
    return info


def title(embed, info=None):
    """The card's title: what the provider calls it, or what kind of thing it is."""
    if info is not None and info.title:
        return info.title
    return f"{embed.provider.name} {embed.noun}"


def describe(embed, info=None):
    """What the story editor's card shows of `embed`, as JSON."""
    thumbnail = info.thumbnail_url if info is not None else ""
    return {
        "provider": embed.provider.key,
        "id": embed.id,
        "providerName": embed.provider.name,
        "noun": embed.noun,
        "url": embed.url,
        "title": title(embed, info),
        "author": info.author_name if info is not None else "",
        "thumbnail": thumbnail,
        "problem": info.error if info is not None else "",
    }


def card(embed, info=None, *, poster=None, priority=False):
    """The static card readers see in place of the player: title, provider, thumbnail (or
    `poster`, a library image), the button that loads the player, a plain link."""
    return render_to_string(
        "includes/embed_card.html",
        {
            "embed": embed,
            "provider": embed.provider,
            "info": info,
            "title": title(embed, info),
            "label": f"{title(embed, info)} ({embed.provider.name} {embed.noun})",
            "player_url": embed.player_url(
                autoplay=True, resolved_id=info.player_id if info is not None else None
            ),
            "poster": poster,
            "priority": priority,
        },
    )


def iso_duration(seconds):
    """ISO 8601 for a duration in seconds ("PT1H2M3S"), or "" for none."""
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
    parts.append(f"{seconds}S" if seconds or not (hours or minutes) else "")
    return "PT" + "".join(parts)


def _text(value, limit):
    """A string field of an oEmbed answer, as plain one-line text, or ""."""
    if not isinstance(value, str):
        return ""
    return " ".join(value.replace("\x00", " ").split())[:limit]


def _duration(value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    seconds = int(value)
    return seconds if 0 < seconds < 10**7 else None


def _player_id(embed, markup):
    """A better id for the player, found in oEmbed's markup: a Bluesky post by its DID."""
    if embed.provider.key != "bluesky" or not (match := BLUESKY_URI.search(markup)):
        return ""
    resolved = f"{match.group(1)}/{match.group(2)}"
    return resolved if embed.provider.is_valid(resolved) else ""


def _post_words(markup):
    """The words of the first paragraph of a post's oEmbed markup, cut for a title."""
    reader = _FirstParagraph()
    reader.feed(markup)
    reader.close()
    words = " ".join("".join(reader.words).split())
    if len(words) <= POST_TITLE_LENGTH:
        return words
    return words[: POST_TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


class _FirstParagraph(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words, self.depth, self.done = [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "p" and not self.done:
            self.depth += 1
        elif tag == "br" and self.depth:
            self.words.append(" ")

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            self.done = not self.depth

    def handle_data(self, data):
        if self.depth and not self.done:
            self.words.append(data)
