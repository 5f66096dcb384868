"""Presence and autosave attached to the feature apps' change forms, which know nothing of the desk."""

import json

from django.contrib import admin, messages
from django.forms import Media, Script
from django.urls import reverse

from desk import live
from desk.models import HEARTBEAT_SECONDS

AUTOSAVE_SECONDS = 3


class LiveEditingAdmin:
    """ModelAdmin mixin: the live-editing script on the change form, autosaves cleared by a save."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["media"] = context["media"] + live_editing_media(self.model, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id:
            obj = self.get_object(request, object_id)
            displaced = obj and live.displaced_presence(request.user, obj)
            if displaced:
                notice = live.taken_over_notice(displaced)
                messages.warning(
                    request,
                    f"{notice['by']} took over this {live.noun(self.model)} at {notice['at']}.",
                )
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        live.clear_after_save(request.user, obj, added=not change)


def live_editing_media(model, obj):
    key = live.object_key(obj)
    args = [model._meta.app_label, model._meta.model_name, key]
    config = {
        "noun": live.noun(model),
        "basedOn": live.fingerprint(obj),
        "heartbeatSeconds": HEARTBEAT_SECONDS,
        "autosaveSeconds": AUTOSAVE_SECONDS,
        "urls": {
            "autosave": reverse("desk:autosave", args=args),
            "discardAutosave": reverse("desk:discard-autosave", args=args),
        },
    }
    if obj is not None:
        config["urls"] |= {
            "heartbeat": reverse("desk:heartbeat", args=args),
            "takeOver": reverse("desk:take-over", args=args),
            "leave": reverse("desk:leave", args=args),
        }
    return Media(
        css={"all": ["admin/desk/live.css"]},
        js=[Script("admin/desk/live.js", **{"data-desk-live": json.dumps(config)})],
    )


def attach_live_editing(site=admin.site):
    """Register each watched model's admin again, with live editing mixed in."""
    for model in live.WATCHED:
        model_admin = site._registry.get(model)
        if model_admin is None or isinstance(model_admin, LiveEditingAdmin):
            continue
        admin_class = type(model_admin)
        site.unregister(model)
        site.register(
            model, type(f"Live{admin_class.__name__}", (LiveEditingAdmin, admin_class), {})
        )
