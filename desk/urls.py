from django.contrib import admin
from django.urls import path

from desk import views

app_name = "desk"

# Behind the admin's own login and staff check (admin_view), with CSRF protection.
urlpatterns = [
    path(
        "stories/<int:pk>/reschedule/",
        admin.site.admin_view(views.reschedule),
        name="reschedule",
    ),
]
