from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"

    def ready(self):
        from core import invalidation

        invalidation.watch_app(self.label)  # Readers see its rows on pages.
