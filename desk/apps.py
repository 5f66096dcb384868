from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The editors' desk: the admin made into a newsroom that never loses work."""

    name = "desk"
    verbose_name = "Desk"
