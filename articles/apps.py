from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from taggit.models import Tag

        from articles import recovery, signals  # noqa: F401 - connects the search and feed receivers
        from articles.models import Article
        from core import invalidation, pagecache
        from core.tags import SlugRule

        # Cached pages end when the next scheduled story goes live, go stale when a story,
        # section or tag changes, but not when a draft does.
        pagecache.watch_scheduled_changes(Article.objects.next_publish_at)
        invalidation.watch_app(self.label)
        invalidation.watch_app("taggit")
        invalidation.ignore_private_changes(signals.draft_change)

        # The stories' tags are taggit's own model, whose slugify can leave a slug the
        # tag's address cannot carry ("C++" → c, ">" → nothing); core.tags makes one
        # for every name. taggit's TagBase calls slugify when it creates a tag.
        Tag.slugify = SlugRule.slugify

        recovery.register(self)
