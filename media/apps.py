from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = "Media library"

    def ready(self):
        from core import invalidation
        from media import signals  # noqa: F401

        invalidation.watch_app(self.label)  # Readers see its rows on pages.
