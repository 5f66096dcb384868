"""Refreshing sister sites' headlines from their feeds (RSS 2.0, RSS 1.0, Atom).

fetch() downloads within a time and size budget, read_feed() turns the bytes
into clean FeedItems, and refresh_site() stores them as SisterLinks in one
transaction, or records why it could not and leaves the site's links as they
were. Pages never call any of this: they show stored links only.
"""

import calendar
import html
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser
import nh3
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import fetching
from core.weblinks import web_url
from sister_sites.models import SisterLink, SisterSite

logger = logging.getLogger(__name__)

TITLE_LENGTH = SisterLink._meta.get_field("title").max_length
URL_LENGTH = SisterLink._meta.get_field("url").max_length
GUID_LENGTH = SisterLink._meta.get_field("guid").max_length
# Less time than this left for a batch: the next site waits for the next refresh.
MIN_FETCH_SECONDS = 0.5


class FeedError(Exception):
    """Why a feed could not be used, in words an editor can act on."""


@dataclass(frozen=True)
class Download:
    body: bytes
    url: str  # After redirects: relative links in the feed resolve against it.
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str
    guid: str = ""
    published_at: datetime | None = None
    image_url: str = ""


@dataclass
class Outcome:
    site: SisterSite
    ok: bool
    created: int = 0
    updated: int = 0
    skipped: int = 0
    error: str = ""
    notes: list[str] = field(default_factory=list)
    postponed: bool = False  # Not tried: the time allowed for the whole batch ran out.

    def __str__(self):
        if self.postponed:
            return f"{self.site.name}: not refreshed now, out of time (the next refresh will)"
        if not self.ok:
            return f"{self.site.name}: failed, {self.error}"
        counts = f"{self.created} new, {self.updated} updated"
        if self.skipped:
            counts += f", {self.skipped} unusable item{'s' if self.skipped != 1 else ''} skipped"
        return f"{self.site.name}: {counts}"


def absolute_web_url(url, base=""):
    """`url` made absolute against `base`, if it is a web address that fits a link; else ""."""
    url = (url or "").strip()
    if not url:
        return ""
    url = urljoin(base, url) if base else url
    return web_url(url) if len(url) <= URL_LENGTH else ""


FEED_TYPES = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
)


def fetch(url, *, etag="", last_modified="", timeout=None, max_bytes=None):
    """GET a feed within SISTER_FEED_TIMEOUT seconds overall and SISTER_FEED_MAX_BYTES.

    Sends the last ETag and Last-Modified so an unchanged feed costs a 304.
    Raises FeedError for anything that is not a usable answer.
    """
    timeout = settings.SISTER_FEED_TIMEOUT if timeout is None else timeout
    max_bytes = settings.SISTER_FEED_MAX_BYTES if max_bytes is None else max_bytes
    if not absolute_web_url(url):
        raise FeedError("the feed URL is not an http or https address")
    headers = {
        "User-Agent": f"{settings.SITE_NAME} sister-site reader (+{settings.SITE_URL or 'Metro'})"
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        response = fetching.fetch(
            url, timeout=timeout, max_bytes=max_bytes, accept=FEED_TYPES, headers=headers
        )
    except fetching.FetchError as error:
        raise FeedError(f"the feed {error}") from error
    if response.status == 304:
        return Download(
            body=b"", url=url, etag=etag, last_modified=last_modified, not_modified=True
        )
    return Download(
        body=response.body,
        url=response.url,
        content_type=response.headers.get("Content-Type", ""),
        etag=response.headers.get("ETag", "")[:200],
        last_modified=response.headers.get("Last-Modified", "")[:100],
    )


# Encodings feedparser had to guess mean the feed lied about its bytes: titles would be garbled.
ENCODING_PROBLEMS = (feedparser.CharacterEncodingOverride, feedparser.CharacterEncodingUnknown)


def read_feed(download, *, fetched_at=None):
    """The usable items of a downloaded feed, and how many were unusable.

    Raises FeedError when the bytes are not a feed or are mis-encoded.
    """
    refuse_entity_declarations(download.body)
    parsed = feedparser.parse(
        download.body,
        # No content-location: feedparser would resolve relative ids against it,
        # and an id must not pass for a link unless it is one (see entry_url).
        response_headers={"content-type": download.content_type or "application/xml"},
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    problem = parsed.get("bozo_exception")
    if isinstance(problem, ENCODING_PROBLEMS):
        raise FeedError(f"the feed's bytes do not match its declared encoding ({problem})")
    if not parsed.get("version"):
        detail = f" ({problem})" if problem else ""
        raise FeedError(f"this is not an RSS or Atom feed{detail}")
    fetched_at = fetched_at or timezone.now()
    items, skipped = [], 0
    for entry in parsed.entries:
        item = feed_item(entry, download.url, fetched_at)
        if item is None:
            skipped += 1
        else:
            items.append(item)
    if not items:
        raise FeedError(
            "the feed has no usable items (each needs a title and a web link)"
            if skipped
            else "the feed has no items"
        )
    return items, skipped


class _Discard:
    """A parser target that keeps nothing: only the check matters."""


def refuse_entity_declarations(body):
    """Refuse feeds that declare XML entities, before any parser expands them.

    A few declared entities can expand into gigabytes ("billion laughs") or
    read local files; feeds have no need for them.
    """
    parser = DefusedXMLParser(target=_Discard())
    try:
        parser.feed(body)
        parser.close()
    except DefusedXmlException:
        declares = True
    except ParseError:
        # Ill-formed XML, which feedparser reads its lenient way: look at the raw bytes
        # (without NULs, so that UTF-16 and UTF-32 text reads as ASCII too).
        declares = b"<!ENTITY" in body.replace(b"\x00", b"")
    else:
        declares = False
    if declares:
        raise FeedError(
            "the feed declares XML entities, which are refused (they can expand without limit)"
        )


def plain_text(value):
    """Feed titles may hold markup and entities: keep only the words, on one line."""
    text = nh3.clean(value or "", tags=set(), clean_content_tags={"script", "style"})
    return " ".join(html.unescape(text).split())


def feed_item(entry, base_url, fetched_at):
    """A FeedItem from one feedparser entry, or None if it has no title or web link."""
    url = entry_url(entry, base_url)
    title = plain_text(entry.get("title", ""))
    if not url or not title:
        return None
    return FeedItem(
        title=title[:TITLE_LENGTH],
        url=url,
        guid=(entry.get("id") or "").strip()[:GUID_LENGTH],
        published_at=entry_date(entry, latest=fetched_at),
        image_url=entry_image(entry, base_url),
    )


def entry_url(entry, base_url):
    """The item's web address: its link, made absolute; or, if it has none, its id if that is one.

    An unusable link (javascript:, data:) makes the item unusable: the id is no
    stand-in for what the publisher linked to.
    """
    has_link = any(
        (link.get("href") or "").strip()
        for link in entry.get("links") or []
        if link.get("rel") == "alternate"
    )
    if has_link:
        return absolute_web_url(entry.get("link"), base_url)
    # RSS guids are often the permalink itself, but only an absolute web address is a link.
    guid = (entry.get("id") or "").strip()
    return guid if web_url(guid) and len(guid) <= URL_LENGTH else ""


def entry_date(entry, *, latest):
    """When the item was published (else updated), as an aware datetime; None if undated.

    A date after `latest` (the fetch) counts as none: the item is dated when first
    seen, instead of sitting on top until its date comes (year 9999: forever).
    """
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        moment = entry.get(key)
        if moment:
            try:
                date = datetime.fromtimestamp(calendar.timegm(moment), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
            return date if date <= latest else None
    return None


def entry_image(entry, base_url):
    """The item's picture: Media RSS content or thumbnail, or an image enclosure."""
    candidates = [
        *(
            media.get("url")
            for media in entry.get("media_content", [])
            if media.get("medium") == "image" or str(media.get("type", "")).startswith("image/")
        ),
        *(thumbnail.get("url") for thumbnail in entry.get("media_thumbnail", [])),
        *(
            link.get("href")
            for link in entry.get("links", [])
            if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/")
        ),
    ]
    for candidate in candidates:
        if url := absolute_web_url(candidate, base_url):
            return url
    return ""


def store_items(site, items):
    """Create new links and update known ones (matched by feed id, else URL). Returns counts.

    Hidden links are matched like any other, so a hidden item is never added
    again; links editors added by hand keep the title they were given.
    """
    known = list(SisterLink.objects.filter(site=site))
    by_guid = {link.guid: link for link in known if link.guid}
    by_url = {link.url: link for link in known}
    created = updated = 0
    now = timezone.now()
    # Oldest first, so that undated items keep the feed's order (newest has the highest id).
    for item in reversed(items):
        link = (by_guid.get(item.guid) if item.guid else None) or by_url.get(item.url)
        if link is None:
            link = SisterLink.objects.create(
                site=site,
                title=item.title,
                url=item.url,
                guid=item.guid,
                published_at=item.published_at or now,
                image_url=item.image_url,
                source=SisterLink.Source.FEED,
            )
            by_url[link.url] = link
            if link.guid:
                by_guid[link.guid] = link
            created += 1
        elif link.source == SisterLink.Source.FEED and changes(link, item):
            if item.url != link.url and item.url in by_url:
                continue  # The new address belongs to another stored link: keep both as they are.
            del by_url[link.url]
            link.title, link.url, link.image_url = item.title, item.url, item.image_url
            link.guid = item.guid or link.guid
            link.published_at = item.published_at or link.published_at
            link.save()
            by_url[link.url] = link
            updated += 1
    return created, updated


def changes(link, item):
    return (
        link.title != item.title
        or link.url != item.url
        or link.image_url != item.image_url
        or (item.guid and link.guid != item.guid)
        or (item.published_at and link.published_at != item.published_at)
    )


def prune(site):
    """Forget feed links beyond the newest SISTER_LINKS_KEPT; pinned and hidden ones stay."""
    keep = settings.SISTER_LINKS_KEPT
    stale = (
        SisterLink.objects.filter(
            site=site, source=SisterLink.Source.FEED, pinned=False, hidden=False
        )
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[keep:]
    )
    return SisterLink.objects.filter(pk__in=list(stale)).delete()[0]


def refresh_site(site, *, fetcher=fetch, timeout=None):
    """Fetch, read and store one site's feed; record how it went on the site. Never raises FeedError."""
    started = timezone.now()
    try:
        download = fetcher(
            site.feed_url,
            etag=site.feed_etag,
            last_modified=site.feed_last_modified,
            timeout=timeout,
        )
        if download.not_modified:
            items, skipped, created, updated = [], 0, 0, 0
        else:
            items, skipped = read_feed(download, fetched_at=timezone.now())
            with transaction.atomic():
                created, updated = store_items(site, items)
                prune(site)
    except FeedError as error:
        logger.warning("Sister site %s: %s", site.slug, error)
        SisterSite.objects.filter(pk=site.pk).update(
            last_refreshed_at=started, last_refresh_ok=False, last_error=str(error)[:2000]
        )
        return Outcome(site, ok=False, error=str(error))
    SisterSite.objects.filter(pk=site.pk).update(
        last_refreshed_at=started,
        last_refresh_ok=True,
        last_success_at=started,
        last_error="",
        feed_etag=download.etag,
        feed_last_modified=download.last_modified,
    )
    outcome = Outcome(site, ok=True, created=created, updated=updated, skipped=skipped)
    if download.not_modified:
        outcome.notes.append("not modified since the last refresh")
    return outcome


def sites_to_refresh():
    return SisterSite.objects.filter(active=True).exclude(feed_url="")


def refresh_sites(sites, *, fetcher=fetch, time_limit=None):
    """Refresh each site in turn; one site's failure never stops the others.

    With a `time_limit` (seconds, for the whole batch: an editor is waiting),
    each download gets what is left of it, and sites it leaves no time for are
    postponed to the next refresh.
    """
    deadline = None if time_limit is None else time.monotonic() + time_limit
    outcomes = []
    for site in sites:
        timeout = None
        if deadline is not None:
            left = deadline - time.monotonic()
            if left < MIN_FETCH_SECONDS:
                outcomes.append(Outcome(site, ok=False, postponed=True))
                continue
            timeout = min(settings.SISTER_FEED_TIMEOUT, left)
        try:
            outcomes.append(refresh_site(site, fetcher=fetcher, timeout=timeout))
        except Exception as error:  # A bug must not keep the other sites stale.
            logger.exception("Sister site %s: refresh crashed", site.slug)
            SisterSite.objects.filter(pk=site.pk).update(
                last_refreshed_at=timezone.now(),
                last_refresh_ok=False,
                last_error=f"unexpected error: {error}"[:2000],
            )
            outcomes.append(Outcome(site, ok=False, error=f"unexpected error: {error}"))
    return outcomes
