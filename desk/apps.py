from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The editors' desk: the admin made into a newsroom that never loses work."""

    name = "desk"
    verbose_name = "Desk"

    def ready(self):
        from desk import admin_media
        from desk.live_admin import attach_live_editing

        attach_live_editing()
        admin_media.add_preview_pane()
