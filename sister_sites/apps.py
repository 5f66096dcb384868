from django.apps import AppConfig


class SisterSitesConfig(AppConfig):
    name = "sister_sites"
    verbose_name = "Sister sites"

    def ready(self):
        from core import invalidation
        from sister_sites import signals  # noqa: F401 - clears the cached blocks

        invalidation.watch_app(self.label)  # Their links are on every story page.
