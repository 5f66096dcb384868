"""What search engines see of a film or series: its Movie or TVSeries node and page head,
and the Review nodes of our reviews of it."""

from django.conf import settings
from django.urls import reverse

from core.ratings import BEST_RATING, WORST_RATING, stars
from core.seo import structured_data as ld
from core.seo.meta import PageMeta, canonical, description, feed_links, social_image
from core.seo.origin import absolute_url
from core.weblinks import web_url
from films.models import Availability, Credit
from people.models import Person
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


def release_dates(film):
    """The film's release as schema.org dates: a series starts, a film is published."""
    released = film.release_date.isoformat() if film.release_date else None
    if film.kind == film.Kind.SERIES:
        return {"dateCreated": released, "startDate": released}
    return {"dateCreated": released, "datePublished": released}


def reviewed_item(film, directors, request):
    """The Movie (or TVSeries) a review reviews: the film page's node, with what a
    review snippet shows of it (name, dates, directors, poster)."""
    return ld.compact(
        {
            **film_ref(film, request),
            **release_dates(film),
            "image": ld.image_object(film.poster, "poster", request),
            "director": [person_ref(person, request) for person in directors],
            "sameAs": [f"https://www.imdb.com/title/{film.imdb_id}/"] if film.imdb_id else [],
        }
    )


def rating(half_stars):
    """A Rating out of five stars. Nought stars is a rating, so worstRating is said:
    schema.org and Google take 1 when it is left out."""
    return {
        "@type": "Rating",
        "ratingValue": stars(half_stars),
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
    }


def review_node(review, request, *, item_reviewed=None):
    """A Review of a film: `review` is a story that reviews it (articles.Article, which
    films knows only through the film's `reviews`), `item_reviewed` the film's node, left
    out where the Review sits in the film's own node (its `review`)."""
    url = absolute_url(review.get_absolute_url(), request)
    critics = [
        Person(pk=critic.person_id, name=critic.name, slug=critic.slug) for critic in review.critics
    ]
    publisher = ld.organization(request)
    return ld.compact(
        {
            "@type": "Review",
            "@id": f"{url}#review",
            "url": url,
            "name": ld.headline(review.headline),
            "itemReviewed": item_reviewed,
            "reviewRating": rating(review.rating) if review.rating is not None else None,
            "author": [person_ref(person, request) for person in critics] or publisher,
            "publisher": publisher,
            "datePublished": ld.iso(review.first_published_at or review.publish_at),
            "inLanguage": ld.language_tag(),
        }
    )


def film_node(film, cast, crew, request, reviews=()):
    """Movie (or TVSeries) for a film page; `cast` and `crew` are its credits, `reviews`
    our live reviews of it."""
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
        **release_dates(film),
        "review": [review_node(review, request) for review in reviews],
        # Where readers of the site's region can watch it (films.views prefetches these).
        "potentialAction": watch_actions(getattr(film, "where_to_watch", ())),
    }
    if film.kind == film.Kind.SERIES:
        node["timeRequired"] = duration(film.runtime_minutes) if film.runtime_minutes else None
    else:
        node["duration"] = duration(film.runtime_minutes) if film.runtime_minutes else None
    if film.platform:
        node["publisher"] = ld.compact(
            {"@type": "Organization", "name": film.platform.name, "url": film.platform.url}
        )
    return ld.compact(node)


def film_page(request, film, cast, crew, reviews=()):
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
                film_node(film, cast, crew, request, reviews),
                ld.breadcrumbs(
                    [
                        ("Home", reverse("home")),
                        ("Films and series", reverse("films:index")),
                        (film.title, path),
                    ],
                    request,
                ),
            ]
        ),
        feeds=film_feeds(film),
    )


def film_feeds(film):
    """The film's RSS and Atom feeds (articles.feeds, reached by their URL names)."""
    return feed_links("articles:film_feed", f"{settings.SITE_NAME}: {film}", slug=film.slug)
