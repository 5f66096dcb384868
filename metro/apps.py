from django.apps import AppConfig


class MetroConfig(AppConfig):
    name = "metro"
    verbose_name = "Site"
