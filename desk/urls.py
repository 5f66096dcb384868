from django.urls import path

from desk import views

app_name = "desk"

live = "live/<str:app_label>/<str:model_name>/<str:object_key>/"

urlpatterns = [
    path(f"{live}heartbeat/", views.heartbeat, name="heartbeat"),
    path(f"{live}take-over/", views.take_over, name="take-over"),
    path(f"{live}leave/", views.leave, name="leave"),
    path(f"{live}autosave/", views.autosave, name="autosave"),
    path(f"{live}autosave/discard/", views.discard_autosave, name="discard-autosave"),
]
