from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared kernel: what every feature app builds on, knowing none of them."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import invalidation  # noqa: F401 - connects the page-cache receivers
