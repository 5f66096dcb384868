from django.conf import settings
from django.utils.functional import SimpleLazyObject


def navigation_sections(request):
    """The sections in navigation order, read at most once per request, and only if used."""
    from articles.models import Section

    if not hasattr(request, "_navigation_sections"):
        request._navigation_sections = SimpleLazyObject(lambda: list(Section.objects.all()))
    return request._navigation_sections


def site(request):
    """The site's name and navigation, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LOCALE": settings.SITE_LOCALE,
        "SITE_TWITTER": settings.SITE_TWITTER,
        "nav_sections": navigation_sections(request),
    }
