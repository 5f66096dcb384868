"""The head of every public page: description, canonical link, social cards, JSON-LD, feeds.

Each feature app's seo.py builds a PageMeta per page kind from these pieces; views put
it in the context as `page_meta` and includes/head_meta.html writes the tags.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

from core.seo import structured_data as ld
from core.seo.origin import absolute_static, absolute_url

DESCRIPTION_LIMIT = 160


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str
    type: str = "image/jpeg"


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str = ""
    og_type: str = "website"
    image: SocialImage | None = None
    # Further Open Graph properties, in order: [("article:tag", "Netflix"), ...].
    properties: list[tuple[str, str]] = field(default_factory=list)
    robots: str = ""
    structured_data: str = ""
    # Feed autodiscovery: [(title, mime type, absolute URL)].
    feeds: list[tuple[str, str, str]] = field(default_factory=list)


def description(text):
    """One line of plain text, short enough for search results."""
    return Truncator(" ".join(strip_tags(text).split())).chars(DESCRIPTION_LIMIT)


def social_image(image, spec_name, request):
    """The image as a social card, or the site's logo when there is none."""
    if image is None or not image.width:
        width, height = ld.LOGO_SIZE
        return SocialImage(
            absolute_static(settings.SITE_LOGO, request),
            width,
            height,
            f"{settings.SITE_NAME} logo",
        )
    rendition = image.renditions.largest(spec_name)
    return SocialImage(
        url=absolute_url(rendition.url, request),
        width=rendition.width,
        height=rendition.height,
        alt=image.alt_text,
        type=rendition.mime_type,
    )


def canonical(request, path=None, page=None):
    """The page's one address: its path, plus the page number on later pages of a list."""
    url = absolute_url(path or request.path, request)
    return f"{url}?page={page}" if page and page > 1 else url


def feed_links(url_name, label, **kwargs):
    """Autodiscovery links to a scope's RSS and Atom feeds (route `url_name`, with `kwargs`)."""
    return [
        (
            f"{label} (RSS)",
            "application/rss+xml",
            reverse(url_name, kwargs={**kwargs, "kind": "rss"}),
        ),
        (
            f"{label} (Atom)",
            "application/atom+xml",
            reverse(url_name, kwargs={**kwargs, "kind": "atom"}),
        ),
    ]
