from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from taggit.models import Tag

        # signals connects the search and feed receivers.
        from articles import links, recovery, signals, usage  # noqa: F401
        from articles.models import PUBLISH_PERMISSION, Article
        from core import in_use, invalidation, pagecache, review
        from core.tags import SlugRule
        from people.merging import register_merge_step

        # Cached pages end when the next scheduled story goes live, go stale when a story,
        # section or tag changes, but not when a draft does.
        pagecache.watch_scheduled_changes(Article.objects.next_publish_at)
        invalidation.watch_app(self.label)
        invalidation.watch_app("taggit")
        invalidation.ignore_private_changes(signals.draft_change)

        # People and films on stories cannot be deleted, and those on published stories
        # are changed only by those who may publish.
        in_use.register_uses(usage.story_uses)
        review.register_showing(usage.published_stories_showing, permission=PUBLISH_PERMISSION)

        # The stories' tags are taggit's own model, whose slugify can leave a slug the
        # tag's address cannot carry ("C++" → c, ">" → nothing); core.tags makes one
        # for every name. taggit's TagBase calls slugify when it creates a tag.
        Tag.slugify = SlugRule.slugify

        recovery.register(self)

        # Body links to a merged duplicate person go to the person kept.
        register_merge_step(links.repoint_merged_person)
