"""Small JSON endpoints behind the change forms' live editing (staff only, CSRF-protected).

Each one answers only for an object the user may change (or, for "new", add).
"""

import json
from functools import wraps

from django.contrib import admin
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_POST

from desk import live
from desk.models import NEW_OBJECT

MAX_AUTOSAVE_BYTES = 2_000_000


def for_editable_object(view):
    """Resolve the URL to (model, object) and refuse users who may not change it."""

    @wraps(view)
    def wrapped(request, app_label, model_name, object_key):
        model = live.watched_model(app_label, model_name)
        model_admin = admin.site._registry.get(model)
        if model_admin is None:
            raise Http404
        if object_key == NEW_OBJECT:
            obj = None
            allowed = model_admin.has_add_permission(request)
        else:
            obj = model_admin.get_object(request, object_key)
            if obj is None:
                raise Http404
            allowed = model_admin.has_change_permission(request, obj)
        if not allowed:
            return JsonResponse({"error": "You may not change this."}, status=403)
        return view(request, model, obj)

    return admin.site.admin_view(wrapped)


def needs_saved_object(view):
    @wraps(view)
    def wrapped(request, model, obj):
        if obj is None:
            raise Http404
        return view(request, model, obj)

    return wrapped


@require_POST
@for_editable_object
@needs_saved_object
def heartbeat(request, model, obj):
    entering = request.POST.get("enter") == "1"
    return JsonResponse(live.heartbeat(request.user, obj, entering=entering))


@require_POST
@for_editable_object
@needs_saved_object
def take_over(request, model, obj):
    try:
        return JsonResponse(live.take_over(request.user, obj))
    except live.TakeoverRefused:
        return JsonResponse({"error": "Only an editor may take over now."}, status=403)


@require_POST
@for_editable_object
@needs_saved_object
def leave(request, model, obj):
    live.leave(request.user, obj)
    return JsonResponse({})


@for_editable_object
def autosave(request, model, obj):
    """GET: my autosave to offer back. POST: store the form's fields."""
    if request.method == "GET":
        return JsonResponse({"autosave": live.autosave_offer(request.user, model, obj)})
    if request.method != "POST":
        return JsonResponse({"error": "GET or POST"}, status=405)
    raw = request.POST.get("fields", "")
    if len(raw) > MAX_AUTOSAVE_BYTES:
        return JsonResponse({"error": "Too large to autosave."}, status=413)
    try:
        fields = json.loads(raw)
    except ValueError:
        fields = None
    if not is_form_fields(fields):
        return JsonResponse({"error": "fields must map names to lists of text."}, status=400)
    live.store_autosave(
        request.user, model, obj, fields, based_on=request.POST.get("based_on", "")[:64]
    )
    return JsonResponse({"saved": True})


@require_POST
@for_editable_object
def discard_autosave(request, model, obj):
    live.discard_autosave(request.user, model, obj)
    return JsonResponse({})


def is_form_fields(fields):
    return isinstance(fields, dict) and all(
        isinstance(name, str)
        and isinstance(values, list)
        and all(isinstance(value, str) for value in values)
        for name, values in fields.items()
    )
