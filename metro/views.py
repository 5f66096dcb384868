import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from core.middleware import database_unavailable


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


def server_error(request):
    """Unhandled errors outside views: a 503 when the database is away, else the 500 page."""
    if isinstance(sys.exception(), (OperationalError, InterfaceError)):
        return database_unavailable()
    response = HttpResponseServerError(loader.render_to_string("500.html"))
    response["Cache-Control"] = "no-store"
    return response
