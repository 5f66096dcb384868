from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "films"

    def ready(self):
        from core import in_use, invalidation
        from films import signals  # noqa: F401 - where to watch moves the film's updated_at
        from films.usage import credit_uses

        invalidation.watch_app(self.label)  # Readers see its rows on pages.
        in_use.register_uses(credit_uses)  # A credited person cannot be deleted.
