"""The network's furniture: "More from our sister sites" and the footer's list of sites.

Both are cached as rendered HTML (sister_sites.signals clears them when sites or links
change; without Redis they are keyed by the page cache's generation, which every
process sees), so after the first page they cost no query at all.
"""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import pagecache
from core.weblinks import web_url
from sister_sites.models import SisterLink, SisterSite

register = template.Library()

BLOCK_CACHE_KEY = "metro:sister-sites:block"
NAMES_CACHE_KEY = "metro:sister-sites:names"

# Links lead to other sites; anything but a web address (javascript:, data:, ftp:) never renders.
WEB_URL = Q(url__istartswith="https://") | Q(url__istartswith="http://")


@register.filter
def domain(url):
    """The host of a URL without "www.", to show where a link leads: "nightshift.example"."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def cached_html(key, render):
    key = versioned(key)
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, settings.SISTER_SITES_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output


def clear_cache():
    cache.delete_many([versioned(BLOCK_CACHE_KEY), versioned(NAMES_CACHE_KEY)])


def versioned(key):
    return f"{key}:{pagecache.process_cache_version()}"


def active_sites():
    """Active sites in order, each with its visible links (`visible_links`), pinned first,
    then newest.

    Two queries however many sites and links: the sites, then every site's
    first SISTER_LINKS_PER_SITE links at once (a sliced prefetch).
    """
    links = SisterLink.objects.visible().filter(WEB_URL)[: settings.SISTER_LINKS_PER_SITE]
    return list(
        SisterSite.objects.filter(active=True).prefetch_related(
            Prefetch("links", queryset=links, to_attr="visible_links")
        )
    )


def sites_with_links():
    return [site for site in active_sites() if site.visible_links]


def render_names(sites):
    shown = [site for site in sites if web_url(site.home_url)]
    return render_to_string("includes/sister_site_names.html", {"sites": shown})


@register.simple_tag
def sister_sites():
    """{% sister_sites %}: the "More from our sister sites" block, from stored links only."""

    def render():
        sites = active_sites()
        # The footer's list comes from the same sites: a page with both pays for one.
        cache.set(
            versioned(NAMES_CACHE_KEY), render_names(sites), settings.SISTER_SITES_CACHE_SECONDS
        )
        with_links = [site for site in sites if site.visible_links]
        return render_to_string("includes/sister_sites.html", {"sites": with_links})

    return cached_html(BLOCK_CACHE_KEY, render)


@register.simple_tag
def sister_site_names():
    """{% sister_site_names %}: links to the home pages of the active sites, for the footer."""
    return cached_html(
        NAMES_CACHE_KEY, lambda: render_names(SisterSite.objects.filter(active=True))
    )
