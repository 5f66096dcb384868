from django.conf import settings
from django.contrib import admin
from django.urls import path

from desk import calendar_views, live_views, views

app_name = "desk"

# The change forms' live editing, under the admin's address.
live = f"{settings.ADMIN_URL}desk/live/<str:app_label>/<str:model_name>/<str:object_key>/"

urlpatterns = [
    path(f"{live}heartbeat/", live_views.heartbeat, name="heartbeat"),
    path(f"{live}take-over/", live_views.take_over, name="take-over"),
    path(f"{live}leave/", live_views.leave, name="leave"),
    path(f"{live}autosave/", live_views.autosave, name="autosave"),
    path(f"{live}autosave/discard/", live_views.discard_autosave, name="discard-autosave"),
    # The story form's live preview and shared draft links.
    path("desk/stories/preview/", views.live_preview, name="new-story-preview"),
    path("desk/stories/<int:pk>/preview/", views.live_preview, name="story-preview"),
    path("desk/stories/<int:pk>/shared-links/", views.share_links, name="share-links"),
    path("desk/shared-links/<int:pk>/revoke/", views.revoke_share, name="revoke-share"),
    path("shared/<str:token>/", views.shared_story, name="shared-story"),
    # The desk's calendar: behind the admin's login and staff check, with CSRF protection.
    path(
        f"{settings.ADMIN_URL}desk/stories/<int:pk>/reschedule/",
        admin.site.admin_view(calendar_views.reschedule),
        name="reschedule",
    ),
]
