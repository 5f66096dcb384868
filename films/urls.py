from django.urls import path

from films import views

app_name = "films"

urlpatterns = [
    path("", views.FilmDirectoryView.as_view(), name="index"),
    path("<slug:slug>/", views.FilmDetailView.as_view(), name="detail"),
]
