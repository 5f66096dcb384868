"""Sitemaps of live stories, section fronts and tag pages. Nothing here sees an unpublished story."""

from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Section
from metro.seo.conditional import newest
from metro.seo.sitemaps import SiteSitemap, image_entry


class ArticleSitemap(SiteSitemap):
    """Live stories, newest first, each with its hero picture."""

    def items(self):
        return (
            Article.objects.live()
            .select_related("section", "hero_image")
            # A page holds up to 50,000 stories: leave their words in the database.
            .defer("standfirst", "body", "body_text", "search_terms", "hero_caption")
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, article):
        return newest(article.revised_at, article.publish_at)

    def get_latest_lastmod(self):
        latest = Article.objects.live().aggregate(
            published=Max("publish_at"), revised=Max("revised_at")
        )
        return newest(latest["published"], latest["revised"])

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = self.get_origin(site, protocol)
        for url in urls:
            url["image"] = image_entry(url["item"].hero_image, origin)
        return urls


class SectionSitemap(SiteSitemap):
    """Every section front; lastmod is its newest live story (none for an empty section)."""

    def items(self):
        newest_story = (
            Article.objects.live()
            .filter(section=OuterRef("pk"))
            .order_by("-publish_at")
            .values("publish_at")[:1]
        )
        return Section.objects.annotate(newest_story_at=Subquery(newest_story)).order_by(
            "order", "name", "pk"
        )

    def lastmod(self, section):
        return section.newest_story_at

    def get_latest_lastmod(self):
        return Article.objects.live().aggregate(latest=Max("publish_at"))["latest"]


class TagSitemap(SiteSitemap):
    """Tag pages, which exist only for tags carried by a live story."""

    def items(self):
        newest_story = (
            Article.objects.live()
            .filter(tags=OuterRef("pk"))
            .order_by("-publish_at")
            .values("publish_at")[:1]
        )
        return (
            Tag.objects.annotate(newest_story_at=Subquery(newest_story))
            .filter(newest_story_at__isnull=False)
            .order_by("pk")
        )

    def location(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})

    def lastmod(self, tag):
        return tag.newest_story_at

    def get_latest_lastmod(self):
        return (
            Article.objects.live()
            .filter(tags__isnull=False)
            .aggregate(latest=Max("publish_at"))["latest"]
        )
