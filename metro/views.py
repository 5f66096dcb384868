import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from articles.models import Article
from metro.context_processors import navigation_sections
from metro.seo import meta


class HomeView(TemplateView):
    """The front page: a lead story, the featured row, the latest stories and a rail per section."""

    template_name = "home.html"
    featured_count = 4
    latest_count = 12
    rail_count = 4

    def get_context_data(self, **kwargs):
        sections = navigation_sections(self.request)
        ids = Article.objects.newest_ids(
            featured=self.featured_count + 1,
            latest=self.latest_count + self.featured_count + 1,
            per_section=self.rail_count,
            section_ids=[section.pk for section in sections],
        )
        # One query for every card on the page, newest first; each list below is a prefix.
        stories = list(
            Article.objects.live().for_cards().filter(pk__in=ids).order_by("-publish_at", "-pk")
        )
        featured = [story for story in stories if story.featured][: self.featured_count + 1]
        latest = stories[: self.latest_count + self.featured_count + 1]
        lead = featured[0] if featured else (latest[0] if latest else None)
        shown = {story.pk for story in featured} | {lead.pk if lead else None}
        latest = [story for story in latest if story.pk not in shown][: self.latest_count]
        return super().get_context_data(
            lead=lead,
            featured=featured[1:] if featured and featured[0] == lead else featured,
            latest=latest,
            rails=self.section_rails(stories, sections),
            page_meta=meta.home_page(self.request),
            **kwargs,
        )

    def section_rails(self, stories, sections):
        """[(section, its newest stories)] in navigation order, sections with stories only."""
        by_section = {}
        for story in stories:
            rail = by_section.setdefault(story.section_id, [])
            if len(rail) < self.rail_count:
                rail.append(story)
        return [
            (section, by_section[section.pk]) for section in sections if section.pk in by_section
        ]


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not. Never touches the cache."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


# The site's colours for browsers' chrome around an installed or pinned site
# (static/css/metro.css: --accent and --paper).
THEME_COLOR = "#b3122e"
BACKGROUND_COLOR = "#ffffff"


def web_manifest(request):
    """/manifest.webmanifest: the site's name and icons for home screens and tabs."""
    icons = [
        {"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    icons += [
        {"src": static("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        {
            "src": static("icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    manifest = {
        "name": settings.SITE_NAME,
        "short_name": settings.SITE_NAME,
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    }
    return JsonResponse(manifest, content_type="application/manifest+json")


def database_unavailable():
    """The 503 page: a plain template that needs no database."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = "10"
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """Unhandled errors outside views: a 503 when the database is away, else the 500 page."""
    if isinstance(sys.exception(), (OperationalError, InterfaceError)):
        return database_unavailable()
    response = HttpResponseServerError(loader.render_to_string("500.html"))
    response["Cache-Control"] = "no-store"
    return response
