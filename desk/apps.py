from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The editors' desk: the admin made into a newsroom that never loses work."""

    name = "desk"
    verbose_name = "Desk"

    def ready(self):
        from django.contrib import admin

        from articles.models import Article
        from desk.notes import attach_notes

        # The story form gets its notes here: a feature app's admin knows no desk.
        attach_notes(admin.site.get_model_admin(Article))
