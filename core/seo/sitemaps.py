"""What the site's sitemaps share: URLs on the public origin, lastmod without a scan, pictures,
and pages of the same cost however big the archive.

Each app describes its own pages (articles.sitemaps, people.sitemaps,
films.sitemaps); SITEMAPS names them for /sitemap.xml and /sitemap-<name>.xml.
"""

from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import EmptyPage, Page
from django.db.models import Max, Min, Subquery, Value

from core.pagination import page_number
from core.seo.origin import site_origin

IMAGE_NAMESPACE = "http://www.google.com/schemas/sitemap-image/1.1"


# URLs per sitemap page: a page costs the same however long the archive grows
# (the protocol allows 50,000, which would take seconds to render).
PAGE_SIZE = 1000


class IdRangePaginator:
    """Page N of a sitemap holds the items whose ids fall in the Nth run of `per_page` ids,
    counted from the smallest.

    Neither a count nor an OFFSET: a page is one index range scan, the index
    learns the number of pages from the smallest and largest id, and a page
    keeps its items when stories are published elsewhere in the archive. A page
    with nothing public in its run of ids answers 404, like one past the end.
    """

    def __init__(self, sitemap, per_page):
        self.sitemap = sitemap
        self.per_page = per_page

    @property
    def num_pages(self):
        first, last = self.sitemap.id_bounds()
        return 1 if first is None else (last - first) // self.per_page + 1

    def page(self, number):
        number = page_number(number)
        items = self.sitemap.items()
        # The smallest id as a subquery: the page is one query.
        first = (
            items.order_by().annotate(_group=Value(1)).values("_group").annotate(first=Min("pk"))
        )
        start = Subquery(first.values("first")) + (number - 1) * self.per_page
        rows = list(items.filter(pk__gte=start, pk__lt=start + self.per_page))
        if not rows and number > 1:
            raise EmptyPage("That page contains no results")
        return Page(self.sitemap.page_items(rows), number, self)


class SiteSitemap(Sitemap):
    """A sitemap whose URLs are on settings.SITE_URL when set, else on the request's origin.

    Django's sitemap view passes the request's scheme and host (a RequestSite)
    to get_protocol and get_domain; these put the configured origin first,
    just as core.seo.origin.site_origin does for the rest of the site.

    Subclasses with a lastmod must also give get_latest_lastmod() as one
    query: Django's default calls lastmod() on every item, which would load
    the whole archive for the index's <lastmod>.

    Pages are runs of ids (IdRangePaginator): items() must be a queryset, and
    id_bounds() gives the smallest and largest id of its items; subclasses
    whose get_latest_lastmod() aggregates anyway can read both in that query
    (summary()), so the index costs one query per sitemap.
    """

    limit = PAGE_SIZE

    @cached_property
    def paginator(self):
        return IdRangePaginator(self, self.limit)

    def summary(self, **aggregates):
        """One aggregate over the items, with their smallest and largest id; kept for id_bounds()."""
        self._summary = (
            self.items().order_by().aggregate(**aggregates, first_id=Min("pk"), last_id=Max("pk"))
        )
        return self._summary

    def id_bounds(self):
        """The smallest and largest id among the items (for the index's number of pages)."""
        summary = getattr(self, "_summary", None) or self.summary()
        return summary["first_id"], summary["last_id"]

    def page_items(self, items):
        """The items of one page, in the order the page lists them; a hook for extra facts."""
        return items

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
        return self.summary(latest=Max("updated_at"))["latest"]


# What image_entry() reads of an image.
IMAGE_FIELDS = ("width", "height", "file", "content_hash", "focal_point_x", "focal_point_y")


def image_entry(image, origin):
    """The image sitemap entry for a story's picture: its largest JPEG, or None."""
    if image is None or not image.width:
        return None  # No picture, or a file that could not be read: nothing to offer.
    return {"location": origin + image.renditions.largest("hero", "jpeg").url}
