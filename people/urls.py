from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("", views.PersonDirectoryView.as_view(), name="index"),
    path("<slug:slug>/", views.PersonDetailView.as_view(), name="detail"),
]
