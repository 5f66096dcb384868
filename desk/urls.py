from django.urls import path

from desk import views

app_name = "desk"

urlpatterns = [
    path("desk/stories/preview/", views.live_preview, name="new-story-preview"),
    path("desk/stories/<int:pk>/preview/", views.live_preview, name="story-preview"),
    path("desk/stories/<int:pk>/shared-links/", views.share_links, name="share-links"),
    path("desk/shared-links/<int:pk>/revoke/", views.revoke_share, name="revoke-share"),
    path("shared/<str:token>/", views.shared_story, name="shared-story"),
]
