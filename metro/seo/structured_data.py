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

from metro.datetimes import machine_datetime
from metro.seo.origin import absolute_static, absolute_url

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


def person_ref(person, request, *, with_details=False):
    """A Person node pointing at the person's page; `with_details` adds what we know."""
    node = {
        "@type": "Person",
        "@id": entity_id(person, "person", request),
        "name": person.name,
        "url": absolute_url(person.get_absolute_url(), request),
    }
    if with_details:
        node["sameAs"] = person.same_as
    return compact(node)


def film_type(film):
    return "TVSeries" if film.kind == film.Kind.SERIES else "Movie"


def film_ref(film, request):
    return {
        "@type": film_type(film),
        "@id": entity_id(film, "film", request),
        "name": film.title,
        "url": absolute_url(film.get_absolute_url(), request),
    }


def headline(text):
    return Truncator(text).chars(HEADLINE_LIMIT)


def news_article(article, request):
    """NewsArticle for a story page. The article's people and films must be prefetched."""
    url = absolute_url(article.get_absolute_url(), request)
    byline = list(article.authorships.all())
    authors = [a.person for a in byline if a.role != a.Role.PHOTOGRAPHER]
    photographers = [a.person for a in byline if a.role == a.Role.PHOTOGRAPHER]
    images = [image_object(article.hero_image, spec, request) for spec in ("square", "standard")]
    images.append(image_object(article.hero_image, "hero", request))
    publisher = organization(request)
    return compact(
        {
            "@type": "NewsArticle",
            "@id": f"{url}#article",
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": headline(article.headline),
            "description": article.seo_description or article.standfirst,
            "image": [image for image in images if image],
            "datePublished": iso(article.first_published_at or article.publish_at),
            "dateModified": iso(article.revised_at or article.publish_at),
            "author": [person_ref(person, request, with_details=True) for person in authors]
            or [{"@id": publisher["@id"]}],
            "contributor": [person_ref(person, request) for person in photographers],
            "publisher": publisher,
            "articleSection": article.section.name,
            "keywords": [tag.name for tag in article.tags.all()],
            "about": [film_ref(film, request) for film in article.films.all()],
            "mentions": [person_ref(person, request) for person in article.people.all()],
            "inLanguage": language_tag(),
            "isAccessibleForFree": True,
        }
    )


def duration(minutes):
    """ISO 8601 duration, e.g. PT1H58M."""
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")


def film(film, cast, crew, request):
    """Movie (or TVSeries) for a film page; `cast` and `crew` are its credits."""
    from films.models import Credit

    released = film.release_date.isoformat() if film.release_date else None
    people_in = {role: [] for role in Credit.Role.values}
    for credit in crew:
        people_in[credit.role].append(person_ref(credit.person, request))
    node = {
        **film_ref(film, request),
        "image": image_object(film.poster, "poster", request),
        "description": film.synopsis,
        "genre": [genre.name for genre in film.genres.all()],
        "contentRating": film.rating,
        "sameAs": [f"https://www.imdb.com/title/{film.imdb_id}/"] if film.imdb_id else [],
        "actor": [
            compact(
                {
                    "@type": "PerformanceRole",
                    "actor": person_ref(credit.person, request),
                    "characterName": credit.character_name,
                }
            )
            for credit in cast
        ],
        "director": people_in[Credit.Role.DIRECTOR],
        "author": people_in[Credit.Role.WRITER],
        "creator": people_in[Credit.Role.CREATOR],
        "producer": people_in[Credit.Role.PRODUCER],
        "musicBy": people_in[Credit.Role.COMPOSER],
        "dateCreated": released,
    }
    if film.kind == film.Kind.SERIES:
        node["startDate"] = released
        node["timeRequired"] = duration(film.runtime_minutes) if film.runtime_minutes else None
    else:
        node["datePublished"] = released
        node["duration"] = duration(film.runtime_minutes) if film.runtime_minutes else None
    if film.platform:
        node["publisher"] = compact(
            {"@type": "Organization", "name": film.platform.name, "url": film.platform.url}
        )
    return compact(node)


def profile_page(person, request, *, writes_for_us):
    """ProfilePage whose main entity is the person; writers link to their stories."""
    url = absolute_url(person.get_absolute_url(), request)
    author_page = absolute_url(reverse("articles:author", args=[person.slug]), request)
    return compact(
        {
            "@type": "ProfilePage",
            "@id": url,
            "url": url,
            "name": person.name,
            "dateModified": iso(person.updated_at),
            "relatedLink": [author_page] if writes_for_us else [],
            "mainEntity": compact(
                {
                    **person_ref(person, request, with_details=True),
                    "description": person.description,
                    "image": image_object(person.portrait, "portrait", request),
                    "birthDate": person.birth_date.isoformat() if person.birth_date else None,
                    "subjectOf": (
                        {"@type": "CollectionPage", "url": author_page} if writes_for_us else None
                    ),
                }
            ),
        }
    )


def collection_page(name, path, stories, request, *, about=None, first_position=1):
    """CollectionPage listing `stories` (this page of them) as an ItemList."""
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
                "numberOfItems": len(stories),
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "url": absolute_url(story.get_absolute_url(), request),
                        "name": story.headline,
                    }
                    for position, story in enumerate(stories, start=first_position)
                ],
            },
        }
    )
