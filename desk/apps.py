from django.apps import AppConfig

# Apps whose admin lists editors page through: none of them counts a whole table.
LISTED_APPS = ("articles", "people", "films", "media", "sister_sites")


class DeskConfig(AppConfig):
    """The editors' desk: the admin made into a newsroom that never loses work."""

    name = "desk"
    verbose_name = "Desk"

    def ready(self):
        from django.apps import apps
        from django.contrib import admin

        from articles.models import Article
        from core.admin_lists import bound_list
        from desk import admin_media
        from desk.live_admin import attach_live_editing
        from desk.notes import attach_notes

        # First, as it registers the five admins again; the rest change those admins.
        attach_live_editing()
        admin_media.add_preview_pane()
        # The story form gets its notes here: a feature app's admin knows no desk.
        attach_notes(admin.site.get_model_admin(Article))
        for label in LISTED_APPS:
            for model in apps.get_app_config(label).get_models():
                if admin.site.is_registered(model):
                    bound_list(admin.site.get_model_admin(model))
