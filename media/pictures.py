"""`<picture>` markup for library images: every format, every width, no layout shift.

Listing pages draw dozens of pictures, so picture_html works from the image's
crop box and one rendition URL prefix rather than building a Rendition (and
reversing its URL) per width and format: the markup is the same, at a fraction
of the cost.
"""

import html
from dataclasses import dataclass

from django.utils.safestring import mark_safe

from media.renditions import MIME_TYPES, SPECS

# The width browsers get when they ignore srcset.
FALLBACK_WIDTH = 800


@dataclass(frozen=True)
class Slot:
    """A place where pages show pictures: the spec they are cut to, and the `sizes`
    browsers pick a width from, which must say what static/css/metro.css draws.

    A slot whose width the CSS fixes names the rule that does (`selector`); the tests
    read the CSS and hold `sizes` to it, and hold the spec's widths to the width
    the box needs on 1x and 2x screens. Fluid slots follow their layout's grid.
    """

    spec: str
    sizes: str
    selector: str = ""


SLOTS = {
    # Fluid: the story's column, the front page's lead and the card grid.
    "story-hero": Slot("hero", "(min-width: 56rem) 52rem, 100vw"),
    "lead-card": Slot("hero", "(min-width: 72rem) 44rem, (min-width: 48rem) 60vw, 100vw"),
    "card": Slot("card", "(min-width: 72rem) 16rem, (min-width: 36rem) 45vw, 100vw"),
    # In-body images and galleries span the story's text column.
    "story-body": Slot("body", "(min-width: 44rem) 42rem, 100vw"),
    # A gallery leading a story spans the hero's width, its pictures uncropped.
    "lead-gallery": Slot("body", "(min-width: 56rem) 52rem, 100vw"),
    # Fixed by the CSS.
    "search-result": Slot("card", "(min-width: 36rem) 12rem, 7rem", ".search-result__picture"),
    "author-portrait": Slot("portrait", "6rem", ".page-header__portrait"),
    "person-page-portrait": Slot(
        "portrait", "(min-width: 48rem) 13rem, 9rem", ".profile-head__portrait"
    ),
    "film-page-poster": Slot("poster", "(min-width: 48rem) 16rem, 11rem", ".profile-head__poster"),
    "cast-portrait": Slot("portrait", "8rem", ".person-card__portrait"),
    "in-story-portrait": Slot("portrait", "4rem", ".in-this-story .person-card__portrait"),
    "in-story-poster": Slot("poster", "4rem", ".in-this-story .film-card__poster"),
}


def slot_picture(image, slot_name, *, priority=False, css_class=""):
    """picture_html() for one of SLOTS: its spec, its sizes."""
    slot = SLOTS[slot_name]
    return picture_html(image, slot.spec, sizes=slot.sizes, priority=priority, css_class=css_class)


PRIORITY = ' fetchpriority="high"'
LAZY = ' loading="lazy" decoding="async"'


def picture_html(image, spec_name, *, sizes="100vw", priority=False, css_class=""):
    """Markup for `image` in the shape of the named spec; "" for no image.

    The first, above-the-fold image of a page passes priority=True: it loads at
    once with high priority; every other image loads lazily.
    """
    if image is None or not image.width:
        return ""
    spec = SPECS[spec_name]
    renditions = image.renditions
    box = renditions.crop_box(spec)
    left, top, right, bottom = box
    widths = renditions.widths(spec, box)
    largest = widths[-1]
    largest_height = max(1, round(largest * (bottom - top) / (right - left)))
    default = min(widths, key=lambda width: abs(width - FALLBACK_WIDTH))
    # Every URL is the prefix, then "<spec>-<width>.<format>": escaped once, here.
    stem = escape_html(f"{renditions.url_prefix}{spec.name}-")
    sizes = escape_html(sizes)

    def srcset_for(fmt):
        return ", ".join([f"{stem}{width}.{fmt} {width}w" for width in widths])

    *preferred, fallback = spec.formats
    sources = "".join(
        [
            f'<source type="{MIME_TYPES[fmt]}" srcset="{srcset_for(fmt)}" sizes="{sizes}">'
            for fmt in preferred
        ]
    )
    css = f' class="{escape_html(css_class)}"' if css_class else ""
    return mark_safe(  # noqa: S308 - every value above is escaped or one of ours
        f'<picture>{sources}<img src="{stem}{default}.{fallback}" srcset="{srcset_for(fallback)}"'
        f' sizes="{sizes}" width="{largest}" height="{largest_height}"'
        f' alt="{escape_html(image.alt_text)}"{css}{PRIORITY if priority else LAZY}></picture>'
    )


def escape_html(value):
    """Django's conditional_escape(), minus its lazy-string wrapper, which costs more
    than the escaping: values marked safe pass as they are, anything else is escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def srcset(renditions):
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)
