"""The sitemap of film and series pages: every film in the database has one."""

from films.models import Film
from metro.seo.sitemaps import ModelPagesSitemap


class FilmSitemap(ModelPagesSitemap):
    model = Film
