from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from articles.models import Section
from core import pagecache

NAVIGATION_CACHE_KEY = "metro:navigation-sections"
# Cleared when a section changes (articles.signals); the timeout only bounds the memory.
NAVIGATION_CACHE_SECONDS = 24 * 60 * 60


def navigation_sections(request):
    """The sections in navigation order, read at most once per request, and only if used."""
    if not hasattr(request, "_navigation_sections"):
        request._navigation_sections = SimpleLazyObject(cached_sections)
    return request._navigation_sections


def cached_sections():
    """Every page's navigation from the cache rather than a query; articles.signals clears it
    when a section is saved or deleted."""
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


def navigation(request):
    """Every template's navigation: the sections, read only if the page shows them."""
    return {"nav_sections": navigation_sections(request)}
