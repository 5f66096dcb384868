"""Sitemaps of live stories, section fronts and tag pages. Nothing here sees an unpublished story."""

from django.db.models import Exists, Max, OuterRef, Subquery
from django.urls import reverse
from taggit.models import TaggedItem

from articles.models import (
    Article,
    Section,
    article_content_type,
    json_list,
    tags_on_live_stories,
)
from core.seo.conditional import newest
from core.seo.sitemaps import IMAGE_FIELDS, SiteSitemap, image_entry

# Tag pages are dated by their newest live story, looked for among this many newest
# stories: a tag on none of them has no <lastmod> (the protocol makes it optional).
TAG_DATING_WINDOW = 2000


class ArticleSitemap(SiteSitemap):
    """Live stories, each with its hero picture; each page newest first."""

    def items(self):
        return (
            Article.objects.live()
            .select_related("section", "hero_image")
            # A page holds a thousand stories: read only what their entries need.
            .only(
                "slug",
                "publish_at",
                "revised_at",
                "section__slug",
                *(f"hero_image__{field}" for field in IMAGE_FIELDS),
            )
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, article):
        return newest(article.revised_at, article.publish_at)

    def get_latest_lastmod(self):
        latest = self.summary(published=Max("publish_at"), revised=Max("revised_at"))
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
        return self.summary(latest=Max("newest_story_at"))["latest"]


class TagSitemap(SiteSitemap):
    """Tag pages, which exist only for tags carried by a live story."""

    def items(self):
        return tags_on_live_stories().order_by("pk")

    def location(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})

    def lastmod(self, tag):
        return tag.newest_story_at

    def page_items(self, tags):
        """Date each tag by its newest live story among the newest TAG_DATING_WINDOW,
        read in one query with each of those stories' tags."""
        window = (
            Article.objects.live()
            .order_by("-publish_at", "-pk")
            .annotate(
                tag_ids=json_list(
                    TaggedItem.objects.filter(
                        content_type=article_content_type(), object_id=OuterRef("pk")
                    ),
                    "tag_id",
                )
            )
            .values_list("publish_at", "tag_ids")[:TAG_DATING_WINDOW]
        )
        dates = {}
        for published, tag_ids in window:
            for (tag_id,) in tag_ids or []:
                dates.setdefault(tag_id, published)  # Newest first: the first date is the one.
        for tag in tags:
            tag.newest_story_at = dates.get(tag.pk)
        return tags

    def get_latest_lastmod(self):
        # The newest live story with any tag: walking the newest stories finds it at once.
        tagged = TaggedItem.objects.filter(
            content_type=article_content_type(), object_id=OuterRef("pk")
        )
        newest_tagged = (
            Article.objects.live().filter(Exists(tagged)).order_by("-publish_at", "-pk")[:1]
        )
        return newest_tagged.aggregate(latest=Max("publish_at"))["latest"]
