"""schema.org descriptions of our pages, as JSON-LD, built from the models.

Each builder returns plain dicts; `json_ld_script` serialises a page's nodes
into one `@graph` block that no field can break out of. Entities link by `@id`
(the canonical URL of their page plus a fragment), so a story's Movie is the
same node search engines find on the film's own page.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.datetimes import machine_datetime
from core.seo.origin import absolute_static, absolute_url

# Google shows headlines of up to 110 characters.
HEADLINE_LIMIT = 110
LOGO_SIZE = (512, 512)

# Inside <script>, "</script>", "<!--" and "]]>" end or change the block; JSON
# may spell these characters as escapes, so it does. U+2028/9 break old parsers.
SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_ld_script(nodes):
    """One <script type="application/ld+json"> holding `nodes` as a graph."""
    data = {"@context": "https://schema.org", "@graph": list(nodes)}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(  # noqa: S308 - every markup character is escaped above
        f'<script type="application/ld+json">{text.translate(SCRIPT_ESCAPES)}</script>'
    )


def language_tag():
    """The site's language as a BCP 47 tag, e.g. "en-US" from SITE_LOCALE "en_US"."""
    return settings.SITE_LOCALE.replace("_", "-")


def iso(moment):
    """A datetime in the newsroom's zone, to the second, with its UTC offset."""
    return machine_datetime(moment) or None


def compact(node):
    """Drop empty properties: schema.org wants them absent, not blank."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def entity_id(obj, kind, request):
    return f"{absolute_url(obj.get_absolute_url(), request)}#{kind}"


def organization(request):
    """The publisher: the site itself, with its logo."""
    home = absolute_url(reverse("home"), request)
    width, height = LOGO_SIZE
    return {
        "@type": "Organization",
        "@id": f"{home}#organization",
        "name": settings.SITE_NAME,
        "url": home,
        "logo": {
            "@type": "ImageObject",
            "url": absolute_static(settings.SITE_LOGO, request),
            "width": width,
            "height": height,
        },
    }


def website(request):
    """The site, with the search box search engines may offer under its name."""
    home = absolute_url(reverse("home"), request)
    search = absolute_url(reverse("articles:search"), request)
    return {
        "@type": "WebSite",
        "@id": f"{home}#website",
        "name": settings.SITE_NAME,
        "url": home,
        "inLanguage": language_tag(),
        "publisher": {"@id": f"{home}#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(trail, request):
    """BreadcrumbList from [(name, path)], home first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute_url(path, request),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def image_object(image, spec_name, request):
    if image is None or not image.width:
        return None
    rendition = image.renditions.largest(spec_name)
    return compact(
        {
            "@type": "ImageObject",
            "url": absolute_url(rendition.url, request),
            "width": rendition.width,
            "height": rendition.height,
            "caption": image.caption,
            "creditText": image.credit,
            "copyrightNotice": image.copyright,
        }
    )


def headline(text):
    return Truncator(text).chars(HEADLINE_LIMIT)


def collection_page(name, path, stories, request, *, about=None, first_position=1):
    """CollectionPage listing `stories` (this page of them) as an ItemList."""
    return listing_page(
        name,
        path,
        [(story.get_absolute_url(), story.headline) for story in stories],
        request,
        about=about,
        first_position=first_position,
    )


def listing_page(name, path, entries, request, *, about=None, first_position=1):
    """CollectionPage listing `entries`, (path, name) pairs, as an ItemList."""
    url = absolute_url(path, request)
    return compact(
        {
            "@type": "CollectionPage",
            "@id": url,
            "url": url,
            "name": name,
            "about": about,
            "mainEntity": {
                "@type": "ItemList",
                "numberOfItems": len(entries),
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "url": absolute_url(entry_path, request),
                        "name": entry_name,
                    }
                    for position, (entry_path, entry_name) in enumerate(
                        entries, start=first_position
                    )
                ],
            },
        }
    )
