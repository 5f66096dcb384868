"""`<picture>` markup for library images: every format, every width, no layout shift."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from media.renditions import MIME_TYPES, SPECS

# The width browsers get when they ignore srcset.
FALLBACK_WIDTH = 800


def picture_html(image, spec_name, *, sizes="100vw", priority=False, css_class=""):
    """Markup for `image` in the shape of the named spec; "" for no image.

    The first, above-the-fold image of a page passes priority=True: it loads at
    once with high priority; every other image loads lazily.
    """
    if image is None or not image.width:
        return ""
    spec = SPECS[spec_name]
    renditions = image.renditions
    *preferred, fallback = spec.formats
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        (
            (MIME_TYPES[fmt], srcset(renditions.for_spec(spec_name, fmt)), sizes)
            for fmt in preferred
        ),
    )
    fallbacks = renditions.for_spec(spec_name, fallback)
    default = min(fallbacks, key=lambda r: abs(r.width - FALLBACK_WIDTH))
    largest = fallbacks[-1]
    loading = mark_safe(' fetchpriority="high"' if priority else ' loading="lazy" decoding="async"')
    css = format_html(' class="{}"', css_class) if css_class else ""
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}></picture>',
        sources,
        default.url,
        srcset(fallbacks),
        sizes,
        largest.width,
        largest.height,
        image.alt_text,
        css,
        loading,
    )


def srcset(renditions):
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)
