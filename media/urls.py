from django.urls import path

from media import views

app_name = "media"

urlpatterns = [
    path("<int:image_id>/<slug:key>/<str:filename>", views.rendition, name="rendition"),
]
