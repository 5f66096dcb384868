from django.apps import AppConfig
from taggit.apps import TaggitAppConfig


class MetroConfig(AppConfig):
    name = "metro"
    verbose_name = "Site"
    default = True

    def ready(self):
        from core import invalidation
        from metro import checks, signals  # noqa: F401 - registers checks and receivers

        invalidation.watch_app(self.label)  # Sister-site links are on every story page.


class StoryTagsConfig(TaggitAppConfig):
    """django-taggit, named for what it holds here: the stories' public tags."""

    verbose_name = "Story tags"
