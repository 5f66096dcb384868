"""The desk's scripts on feature apps' admin forms (a feature app's admin never imports desk)."""

from django.contrib import admin
from django.forms import Media

from articles.models import Article

PREVIEW_MEDIA = Media(js=["admin/desk/preview.js"], css={"all": ["admin/desk/preview.css"]})


def add_preview_pane():
    """The story form gets the live preview pane and the "Share a draft" panel."""
    admin_class = type(admin.site.get_model_admin(Article))
    own_media = admin_class.media
    admin_class.media = property(lambda model_admin: own_media.fget(model_admin) + PREVIEW_MEDIA)
