"""What search engines see of a film or series: its Movie or TVSeries node and page head."""

from django.urls import reverse

from core.seo import structured_data as ld
from core.seo.meta import PageMeta, canonical, description, social_image
from core.seo.origin import absolute_url
from core.weblinks import web_url
from films.models import Availability, Credit
from people.seo import person_ref


def film_type(film):
    return "TVSeries" if film.kind == film.Kind.SERIES else "Movie"


def film_ref(film, request):
    return {
        "@type": film_type(film),
        "@id": ld.entity_id(film, "film", request),
        "name": film.title,
        "url": absolute_url(film.get_absolute_url(), request),
    }


def duration(minutes):
    """ISO 8601 duration, e.g. PT1H58M."""
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")


# How a WatchAction's access is described (ActionAccessSpecification.category, in the
# words Google's media actions use). Cinemas are screenings, not a place to watch
# online: they get no WatchAction.
WATCH_CATEGORIES = {
    Availability.How.STREAM: "subscription",
    Availability.How.RENT: "rental",
    Availability.How.BUY: "purchase",
}
WEB_PLATFORMS = ["http://schema.org/DesktopWebPlatform", "http://schema.org/MobileWebPlatform"]


def watch_actions(entries):
    """A WatchAction for each where-to-watch entry with a link (cinemas aside), in order."""
    actions = []
    for entry in entries:
        url, category = web_url(entry.url), WATCH_CATEGORIES.get(entry.how)
        if not url or not category:
            continue
        platform = entry.platform
        actions.append(
            ld.compact(
                {
                    "@type": "WatchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": url,
                        "actionPlatform": WEB_PLATFORMS,
                    },
                    "actionAccessibilityRequirement": ld.compact(
                        {
                            "@type": "ActionAccessSpecification",
                            "category": category,
                            "availabilityStarts": entry.available_from.isoformat()
                            if entry.available_from
                            else None,
                            "eligibleRegion": {"@type": "Country", "name": entry.region},
                        }
                    ),
                    "provider": ld.compact(
                        {
                            "@type": "Organization",
                            "name": platform.name,
                            "url": web_url(platform.url),
                        }
                    )
                    if platform
                    else None,
                }
            )
        )
    return actions


def film_node(film, cast, crew, request):
    """Movie (or TVSeries) for a film page; `cast` and `crew` are its credits."""
    released = film.release_date.isoformat() if film.release_date else None
    people_in = {role: [] for role in Credit.Role.values}
    for credit in crew:
        people_in[credit.role].append(person_ref(credit.person, request))
    node = {
        **film_ref(film, request),
        "image": ld.image_object(film.poster, "poster", request),
        "description": film.synopsis,
        "genre": [genre.name for genre in film.genres.all()],
        "contentRating": film.rating,
        "sameAs": [f"https://www.imdb.com/title/{film.imdb_id}/"] if film.imdb_id else [],
        "actor": [
            ld.compact(
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
        # Where readers of the site's region can watch it (films.views prefetches these).
        "potentialAction": watch_actions(getattr(film, "where_to_watch", ())),
    }
    if film.kind == film.Kind.SERIES:
        node["startDate"] = released
        node["timeRequired"] = duration(film.runtime_minutes) if film.runtime_minutes else None
    else:
        node["datePublished"] = released
        node["duration"] = duration(film.runtime_minutes) if film.runtime_minutes else None
    if film.platform:
        node["publisher"] = ld.compact(
            {"@type": "Organization", "name": film.platform.name, "url": film.platform.url}
        )
    return ld.compact(node)


def film_page(request, film, cast, crew):
    path = film.get_absolute_url()
    year = f" ({film.release_date.year})" if film.release_date else ""
    text = (
        film.synopsis
        or f"{film.title}{year}: {film.get_kind_display().lower()} news, cast and crew."
    )
    return PageMeta(
        title=f"{film.title}{year}",
        description=description(text),
        canonical=canonical(request, path),
        og_type="video.tv_show" if film.kind == film.Kind.SERIES else "video.movie",
        image=social_image(film.poster, "poster", request),
        properties=[("video:release_date", film.release_date.isoformat())]
        if film.release_date
        else [],
        structured_data=ld.json_ld_script(
            [
                film_node(film, cast, crew, request),
                ld.breadcrumbs([("Home", reverse("home")), (film.title, path)], request),
            ]
        ),
    )
