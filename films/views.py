import re
from dataclasses import dataclass
from datetime import datetime, time
from itertools import groupby
from operator import attrgetter
from urllib.parse import parse_qs, urlsplit

from django.db.models import Count, Prefetch
from django.utils.timezone import get_current_timezone
from django.views.generic import DetailView

from core.directory import DirectoryView
from core.seo.conditional import LastModifiedMixin, newest, stories_changed_at
from films import seo
from films.models import Availability, Credit, Film
from films.regions import region_name, site_region

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTUBE_PATHS = {"embed", "shorts", "live", "v"}
YOUTUBE_VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")


@dataclass(frozen=True)
class Trailer:
    url: str
    host: str
    # YouTube's privacy-enhanced player, for YouTube trailers only.
    embed_url: str = ""


def trailer_for(url):
    """The trailer to offer for a URL, or None for a blank or non-web one."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.removeprefix("www.")
    video_id = youtube_video_id(parts)
    embed_url = f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1" if video_id else ""
    return Trailer(url=url, host=host, embed_url=embed_url)


def youtube_video_id(parts):
    """The video id of a YouTube watch, share, embed or shorts URL; "" for anything else."""
    segments = [segment for segment in parts.path.split("/") if segment]
    if parts.hostname == "youtu.be" and segments:
        video_id = segments[0]
    elif parts.hostname in YOUTUBE_HOSTS and segments == ["watch"]:
        video_id = parse_qs(parts.query).get("v", [""])[0]
    elif parts.hostname in YOUTUBE_HOSTS and len(segments) >= 2 and segments[0] in YOUTUBE_PATHS:
        video_id = segments[1]
    else:
        return ""
    return video_id if YOUTUBE_VIDEO_ID.fullmatch(video_id) else ""


def crew_by_role(credits):
    """Everyone but the actors as (role label, credits), roles in Credit.Role order."""
    position = {role: index for index, role in enumerate(Credit.Role.values)}
    crew = sorted(
        (credit for credit in credits if credit.role != Credit.Role.ACTOR),
        key=lambda credit: position.get(credit.role, len(position)),
    )
    groups = (list(group) for _, group in groupby(crew, key=attrgetter("role")))
    return [(group[0].get_role_display(), group) for group in groups]


class FilmDetailView(LastModifiedMixin, DetailView):
    """A film or series: facts, synopsis, trailer, our reviews, cast and crew, and live
    stories about it."""

    model = Film
    stories_count = 12
    # A film is seldom reviewed more than once (a series perhaps each season).
    reviews_count = 3

    def get_queryset(self):
        where_to_watch = Prefetch(
            "availabilities",
            queryset=Availability.objects.in_region().select_related("platform"),
            to_attr="where_to_watch",
        )
        return Film.objects.select_related("platform", "poster").prefetch_related(
            "genres", where_to_watch
        )

    def get_context_data(self, **kwargs):
        film = self.object
        credits = list(film.credits.select_related("person__portrait"))
        cast = [credit for credit in credits if credit.role == Credit.Role.ACTOR]
        # Our live reviews of it (stories, through articles' related name), with their critics.
        reviews = list(film.reviews.live().for_review_links()[: self.reviews_count])
        return super().get_context_data(
            cast=cast,
            crew=crew_by_role(credits),
            credits=credits,
            trailer=trailer_for(film.trailer_url),
            region_name=region_name(site_region()),
            reviews=reviews,
            stories=list(film.articles.live().for_cards()[: self.stories_count]),
            page_meta=seo.film_page(
                self.request,
                film,
                cast,
                [credit for credit in credits if credit.role != Credit.Role.ACTOR],
                reviews,
            ),
            **kwargs,
        )

    def last_modified(self, context):
        film = self.object
        return newest(
            film.updated_at,
            # The day an entry arrives, "from <date>" leaves the page.
            *(
                datetime.combine(entry.available_from, time(), get_current_timezone())
                for entry in film.where_to_watch
                if entry.available_from and not entry.is_coming
            ),
            film.poster.updated_at if film.poster else None,
            *(credit.person.updated_at for credit in context["credits"]),
            stories_changed_at(context["stories"]),
            stories_changed_at(context["reviews"]),
        )


class FilmDirectoryView(DirectoryView):
    """Every film and series with a page here, A–Z, each with its number of live stories."""

    title = "Films and series"
    url_name = "films:index"
    sort_field = "sort_title"
    summary = "Every film and series {site} has written about, A to Z."
    empty_text = "No film or series is filed under this letter yet."

    def entries(self):
        return Film.objects.only("title", "slug", "kind", "release_date", "sort_title")

    def story_counts(self, ids):
        # One GROUP BY over this page's films; stories reached through the relation.
        field = Film.articles.field.name
        counts = (
            Film.articles.field.model.objects.live()
            .filter(**{f"{field}__in": ids})
            .order_by()
            .values_list(field)
            .annotate(stories=Count("pk"))
        )
        return dict(counts)

    def entry_name(self, film):
        return film.title

    def entry_detail(self, film):
        year = f", {film.release_date.year}" if film.release_date else ""
        return f"{film.get_kind_display()}{year}"
