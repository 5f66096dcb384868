"""The sitemap of people's pages: everyone in the database has one."""

from django.db.models import Max

from metro.seo.sitemaps import SiteSitemap
from people.models import Person


class PersonSitemap(SiteSitemap):
    def items(self):
        # In the order they were added, so earlier pages of a long sitemap stay put.
        return Person.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, person):
        return person.updated_at

    def get_latest_lastmod(self):
        return Person.objects.aggregate(latest=Max("updated_at"))["latest"]
