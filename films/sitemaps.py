"""The sitemap of film and series pages: every film in the database has one."""

from django.db.models import Max

from films.models import Film
from metro.seo.sitemaps import SiteSitemap


class FilmSitemap(SiteSitemap):
    def items(self):
        # In the order they were added, so earlier pages of a long sitemap stay put.
        return Film.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, film):
        return film.updated_at

    def get_latest_lastmod(self):
        return Film.objects.aggregate(latest=Max("updated_at"))["latest"]
