from django.apps import AppConfig
from taggit.apps import TaggitAppConfig


class MetroConfig(AppConfig):
    name = "metro"
    verbose_name = "Site"
    default = True

    def ready(self):
        from metro import checks  # noqa: F401 - registers the checks


class StoryTagsConfig(TaggitAppConfig):
    """django-taggit, named for what it holds here: the stories' public tags."""

    verbose_name = "Story tags"
