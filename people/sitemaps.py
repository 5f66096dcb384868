"""The sitemap of people's pages: everyone in the database has one."""

from core.seo.sitemaps import ModelPagesSitemap
from people.models import Person


class PersonSitemap(ModelPagesSitemap):
    model = Person
