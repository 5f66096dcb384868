from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "films"

    def ready(self):
        from core import invalidation

        invalidation.watch_app(self.label)  # Readers see its rows on pages.
