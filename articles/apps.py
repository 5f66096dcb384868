from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from taggit.models import Tag

        # signals connects the search and feed receivers.
        from articles import recovery, signals  # noqa: F401
        from metro.tags import SlugRule

        # The stories' tags are taggit's own model, whose slugify can leave a slug the
        # tag's address cannot carry ("C++" → c, ">" → nothing); metro.tags makes one
        # for every name. taggit's TagBase calls slugify when it creates a tag.
        Tag.slugify = SlugRule.slugify

        recovery.register(self)
