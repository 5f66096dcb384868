"""What the site's sitemaps share: URLs on the public origin, lastmod without a scan, pictures.

Each app describes its own pages (articles.sitemaps, people.sitemaps,
films.sitemaps); SITEMAPS names them for /sitemap.xml and /sitemap-<name>.xml.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max

from metro.seo.origin import site_origin

IMAGE_NAMESPACE = "http://www.google.com/schemas/sitemap-image/1.1"


class SiteSitemap(Sitemap):
    """A sitemap whose URLs are on settings.SITE_URL when set, else on the request's origin.

    Django's sitemap view passes the request's scheme and host (a RequestSite)
    to get_protocol and get_domain; these put the configured origin first,
    just as metro.seo.origin.site_origin does for the rest of the site.

    Subclasses with a lastmod must also give get_latest_lastmod() as one
    query: Django's default calls lastmod() on every item, which would load
    the whole archive for the index's <lastmod>.
    """

    def get_protocol(self, protocol=None):
        if settings.SITE_URL:
            return site_origin().partition("://")[0]
        return super().get_protocol(protocol)

    def get_domain(self, site=None):
        if settings.SITE_URL:
            # Everything after the scheme: the host, and a path prefix if the origin has one.
            return site_origin().partition("://")[2]
        return super().get_domain(site)

    def get_origin(self, site=None, protocol=None):
        """The scheme and host the URLs of this sitemap are on, e.g. "https://news.example"."""
        return f"{self.get_protocol(protocol)}://{self.get_domain(site)}"

    def get_latest_lastmod(self):
        raise ImproperlyConfigured(
            f"{type(self).__name__} must give its newest lastmod in one query."
        )


class ModelPagesSitemap(SiteSitemap):
    """Every object of `model` has a page, dated by its updated_at."""

    model = None

    def items(self):
        # In the order they were added, so earlier pages of a long sitemap stay put.
        return self.model.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        return self.model.objects.aggregate(latest=Max("updated_at"))["latest"]


def image_entry(image, origin):
    """The image sitemap entry for a story's picture: its largest JPEG, or None."""
    if image is None or not image.width:
        return None  # No picture, or a file that could not be read: nothing to offer.
    return {"location": origin + image.renditions.largest("hero", "jpeg").url}


def sitemaps():
    """The sections of /sitemap.xml, in the order the index lists them."""
    # Imported here: the apps' sitemaps import this module for their base class.
    from articles.sitemaps import ArticleSitemap, SectionSitemap, TagSitemap
    from films.sitemaps import FilmSitemap
    from people.sitemaps import PersonSitemap

    return {
        "articles": ArticleSitemap,
        "sections": SectionSitemap,
        "tags": TagSitemap,
        "people": PersonSitemap,
        "films": FilmSitemap,
    }
