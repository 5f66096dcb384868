"""The admin side of core.versions: the version on every form and action, and the
conflict screen an editor gets when a save is refused."""

from dataclasses import replace

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import router, transaction
from django.db.models import F, Q
from django.db.models.signals import post_save
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from reversion import is_registered
from reversion.models import Version
from taggit.managers import TaggableManager

from core.versions import BASE_VERSION, LIST_VERSIONS, claim_version, list_versions, posted_version


class VersionConflict(Exception):
    def __init__(self, obj, expected, form=None):
        super().__init__(f"{obj!r} is no longer at version {expected}")
        self.obj = obj
        self.expected = expected
        self.form = form


def started_from(obj, version_number):
    """The field values the object had at `version_number`, from its revisions, or None."""
    if not is_registered(type(obj)):
        return None
    for version in Version.objects.get_for_object(obj).order_by("-pk")[:50]:
        fields = version.field_dict
        if fields.get("version") == version_number:
            return fields
    return None


def shown(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return ", ".join(str(item) for item in value)
    return str(value)


def readable(model_field, value):
    """A stored or posted value as an editor reads it: a choice by its label (a rating
    of 8 half stars is "4 out of 5"), anything else as it is."""
    if not model_field.choices or model_field.is_relation or value in (None, ""):
        return value
    try:
        key = model_field.to_python(value)
    except ValidationError:
        return value
    return dict(model_field.flatchoices).get(key, value)


def saved_text(obj, model_field):
    """A field of the saved object as an editor reads it."""
    if isinstance(model_field, TaggableManager):
        return ", ".join(sorted(getattr(obj, model_field.name).names()))
    if model_field.many_to_many:
        return shown(list(getattr(obj, model_field.name).all()))
    return shown(readable(model_field, getattr(obj, model_field.name, None)))


def posted_text(model_field, value):
    """What the editor's form posted for a field, as an editor reads it."""
    if isinstance(model_field, TaggableManager):
        if value is None:  # a partial or forged POST without the field's key
            return ""
        if isinstance(value, str):
            return value
        return ", ".join(sorted(getattr(tag, "name", str(tag)) for tag in value))
    if model_field.is_relation and value not in (None, ""):
        keys = [key for key in (value if isinstance(value, list) else [value]) if key != ""]
        try:
            return shown(list(model_field.related_model._default_manager.filter(pk__in=keys)))
        except (ValueError, ValidationError):
            return shown(keys)
    if isinstance(value, list):  # a split widget, as a date and a time
        return " ".join(str(part) for part in value if part not in (None, ""))
    return shown(readable(model_field, value))


class VersionCheckAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves are refused when they start from an out-of-date version."""

    conflict_template = "admin/core/save_conflict.html"
    # Deleting overwrites no one's text (reversion can recover it), and its confirmation
    # page is Django's own; add actions that write nothing an editor typed.
    actions_without_version_check = ("delete_selected",)

    # The change form

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], BASE_VERSION]}), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        fields = kwargs.get("fields") or flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = [name for name in fields if name != BASE_VERSION]
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            return form
        started = getattr(request, "version_before_revert", obj.version)
        field = forms.CharField(widget=forms.HiddenInput, required=False, initial=started)
        return type(form.__name__, (form,), {BASE_VERSION: field})

    def save_model(self, request, obj, form, change):
        if change:
            self.claim(request, obj, form)
        super().save_model(request, obj, form, change)

    def expected_version(self, request, obj, form):
        if BASE_VERSION in form.fields:
            return posted_version(form.cleaned_data.get(BASE_VERSION))
        return list_versions(request).get(str(obj.pk))  # a list_editable row

    def claim(self, request, obj, form):
        expected = self.expected_version(request, obj, form)
        if getattr(request, "recovering", False):
            obj.version += 1
            return
        claimed = getattr(request, "claimed_version", None)
        if claimed is not None:  # a revert, claimed before reversion rewrote the row
            obj.version = claimed
            return
        if not claim_version(type(obj), obj.pk, expected):
            raise VersionConflict(obj, expected, form)
        obj.version = expected + 1

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except VersionConflict as conflict:
            return self.conflict_response(request, conflict)

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except VersionConflict as conflict:
            return self.conflict_response(request, conflict)

    # Reverting and recovering with django-reversion: a revert is a save too

    def revision_view(self, request, object_id, version_id, extra_context=None):
        return self.reverting(request, object_id, super().revision_view, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        # The object was deleted: there is no one's save to overwrite.
        request.recovering = True
        return super().recover_view(request, version_id, extra_context)

    def reverting(self, request, object_id, view, *args):
        """Reversion writes the old row, `version` included, before the form runs: the
        version is read, and on POST claimed, before that."""
        pk = unquote(object_id)
        current = self.model._default_manager.filter(pk=pk).values_list("version", flat=True)
        request.version_before_revert = current.first()
        if request.method != "POST":
            return view(request, object_id, *args)
        expected = posted_version(request.POST.get(BASE_VERSION))
        with transaction.atomic(using=router.db_for_write(self.model)):
            if not claim_version(self.model, pk, expected):
                obj = self.model._default_manager.get(pk=pk)
                return self.conflict_response(request, VersionConflict(obj, expected))
            request.claimed_version = expected + 1
            response = view(request, object_id, *args)
            if response.status_code != 302:
                transaction.set_rollback(True)
            return response

    # The conflict screen

    def conflict_response(self, request, conflict):
        current = self.model._default_manager.get(pk=conflict.obj.pk)
        before = started_from(current, conflict.expected) if conflict.expected else None
        mine = conflict.form
        if mine is None:
            form_class = self.get_form(request, current, change=True)
            mine = form_class(request.POST, request.FILES, instance=current)
        rows = []
        for name in mine.fields:
            if name == BASE_VERSION:
                continue
            try:
                model_field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            now_value = saved_text(current, model_field)
            mine_value = posted_text(model_field, mine[name].value())
            rows.append(
                {
                    "name": name,
                    "label": model_field.verbose_name,
                    "theirs": now_value,
                    "they_changed": before is not None
                    and name in before
                    and not model_field.is_relation
                    and shown(readable(model_field, before[name])) != now_value,
                    "before": shown(readable(model_field, before.get(name))) if before else None,
                    "mine": mine_value,
                    "differs": mine_value != now_value,
                }
            )
        rows.sort(key=lambda row: (not row["differs"], not row["they_changed"]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Not saved: someone else saved this {self.opts.verbose_name} meanwhile",
            "opts": self.opts,
            "original": current,
            "rows": rows,
            "started_from": conflict.expected,
            "known_start": before is not None,
            "extra_rows": [
                (key, value)
                for key, value in request.POST.lists()
                if "-" in key and not key.endswith(("FORMS", "-id"))
            ],
            "reload_url": self.get_change_url(current),
        }
        return TemplateResponse(request, self.conflict_template, context, status=409)

    def get_change_url(self, obj):
        return reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[obj.pk],
        )

    # The change list: actions and list_editable rows

    def action_checkbox(self, obj):
        return format_html(
            '{}<input type="hidden" name="{}" value="{}:{}">',
            super().action_checkbox(obj),
            LIST_VERSIONS,
            obj.pk,
            obj.version,
        )

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        return {
            name: action
            if name in self.actions_without_version_check
            else replace(action, func=version_checked(action.func))
            for name, action in super().get_actions(request, action_location).items()
        }


def version_checked(action):
    """Run `action` on the selected rows still at the version the list showed; say which
    rows changed meanwhile; give each row the action saved the next version."""

    def checked(modeladmin, request, queryset):
        model = queryset.model
        seen = list_versions(request)
        on_its_form = posted_version(request.POST.get(BASE_VERSION))
        if not seen and on_its_form is not None:  # an action on the change form
            seen = {str(pk): on_its_form for pk in queryset.values_list("pk", flat=True)}
        as_shown = Q(pk__in=[])
        for pk, version in seen.items():
            as_shown |= Q(pk=pk, version=version)
        if request.POST.get("select_across") == "1":
            # "All N matching": the rows off the page were never shown, so none is stale.
            as_shown |= ~Q(pk__in=list(seen))
        with transaction.atomic(using=router.db_for_write(model)):
            unchanged = list(
                queryset.filter(as_shown).select_for_update().values_list("pk", flat=True)
            )
            changed = queryset.exclude(pk__in=unchanged)
            if changed.exists():
                names = ", ".join(str(obj) for obj in changed)
                modeladmin.message_user(
                    request,
                    f"Left alone, because someone saved them after this list was shown: "
                    f"{names}. Reload the list to see their changes.",
                    messages.WARNING,
                )
            saved = set()

            def remember(sender, instance, **kwargs):
                if isinstance(instance, model) and instance.pk in unchanged:
                    saved.add(instance.pk)

            post_save.connect(remember, weak=False)
            try:
                response = action(modeladmin, request, queryset.filter(pk__in=unchanged))
            finally:
                post_save.disconnect(remember)
            model._default_manager.filter(pk__in=saved).update(version=F("version") + 1)
        return response

    checked.__name__ = getattr(action, "__name__", "action")
    for attribute in ("allowed_permissions", "short_description"):
        if hasattr(action, attribute):
            setattr(checked, attribute, getattr(action, attribute))
    return checked
