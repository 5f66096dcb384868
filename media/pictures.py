"""`<picture>` markup for library images: every format, every width, no layout shift.

Listing pages draw dozens of pictures, so picture_html works from the image's
crop box and one rendition URL prefix rather than building a Rendition (and
reversing its URL) per width and format: the markup is the same, at a fraction
of the cost.
"""

import html

from django.utils.safestring import mark_safe

from media.renditions import MIME_TYPES, SPECS

# The width browsers get when they ignore srcset.
FALLBACK_WIDTH = 800

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
