"""The network's furniture: "More from our sister sites" and the footer's list of sites."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.db.models import Prefetch, Q

from metro.models import SisterLink, SisterSite

register = template.Library()

# Links lead to other sites; anything but a web address (javascript:, data:, ftp:) never renders.
WEB_URL = Q(url__istartswith="https://") | Q(url__istartswith="http://")


@register.filter
def web_url(url):
    """The URL if it is an http or https address, else ""."""
    parts = urlsplit(url)
    return url if parts.scheme in {"http", "https"} and parts.hostname else ""


@register.filter
def domain(url):
    """The host of a URL without "www.", to show where a link leads: "nightshift.example"."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


@register.inclusion_tag("includes/sister_sites.html")
def sister_sites():
    """Active sites in order, each with its visible links, pinned first, then newest.

    Two queries however many sites and links: the sites, then every site's
    first SISTER_LINKS_PER_SITE links at once (a sliced prefetch).
    """
    links = SisterLink.objects.visible().filter(WEB_URL)[: settings.SISTER_LINKS_PER_SITE]
    sites = SisterSite.objects.filter(active=True).prefetch_related(
        Prefetch("links", queryset=links, to_attr="visible_links")
    )
    return {"sites": [site for site in sites if site.visible_links]}


@register.inclusion_tag("includes/sister_site_names.html")
def sister_site_names():
    """Links to the home pages of the active sites, for the footer."""
    sites = SisterSite.objects.filter(active=True)
    return {"sites": [site for site in sites if web_url(site.home_url)]}
