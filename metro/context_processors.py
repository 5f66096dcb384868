from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from metro import pagecache

NAVIGATION_CACHE_KEY = "metro:navigation-sections"
# Cleared when a section changes (metro.signals); the timeout only bounds the memory.
NAVIGATION_CACHE_SECONDS = 24 * 60 * 60


def navigation_sections(request):
    """The sections in navigation order, read at most once per request, and only if used."""
    if not hasattr(request, "_navigation_sections"):
        request._navigation_sections = SimpleLazyObject(cached_sections)
    return request._navigation_sections


def cached_sections():
    """Every page's navigation from the cache rather than a query; metro.signals clears it
    when a section is saved or deleted."""
    from articles.models import Section

    key = navigation_cache_key()
    sections = cache.get(key)
    if sections is None:
        sections = list(Section.objects.all())
        cache.set(key, sections, NAVIGATION_CACHE_SECONDS)
    return sections


def clear_navigation_cache():
    cache.delete(navigation_cache_key())


def navigation_cache_key():
    # Keyed by the page generation too: without Redis, each process has its own cache,
    # and a receiver can only clear its own.
    return f"{NAVIGATION_CACHE_KEY}:{pagecache.process_cache_version()}"


def site(request):
    """The site's name and navigation, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LOCALE": settings.SITE_LOCALE,
        "SITE_TWITTER": settings.SITE_TWITTER,
        "nav_sections": navigation_sections(request),
    }
