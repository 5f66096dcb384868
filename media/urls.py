from django.urls import path

from media import views

app_name = "media"

urlpatterns = [
    path("embeds/<int:info_id>/<str:filename>", views.embed_thumbnail, name="embed_thumbnail"),
    path("<int:image_id>/<slug:key>/<str:filename>", views.rendition, name="rendition"),
]
