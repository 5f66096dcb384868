"""The sitemap of film and series pages: every film in the database has one."""

from core.seo.sitemaps import ModelPagesSitemap
from films.models import Film


class FilmSitemap(ModelPagesSitemap):
    model = Film
