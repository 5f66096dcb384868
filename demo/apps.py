from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Invented content for a newcomer's laptop and for benchmarks: no models of its own."""

    name = "demo"
    verbose_name = "Demo content"
