"""Notes on a story, on the story form: earlier notes read-only, a new one signed by its writer."""

import reversion
from django.contrib import admin

from core.revisions import follow_also
from desk.models import StoryNote


class StoryNoteInline(admin.TabularInline):
    model = StoryNote
    extra = 1
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    verbose_name = "note for the desk (staff only)"
    verbose_name_plural = "notes for the desk (staff only, never shown to readers)"

    # Whoever may see or edit the story may read its notes and add one; notes are a
    # record of who said what, so nobody edits or deletes them afterwards.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or self.has_add_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_article")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class SignedNotes(formset):
            def save_new(self, form, commit=True):
                form.instance.author = request.user
                return super().save_new(form, commit)

        return SignedNotes


def attach_notes(model_admin):
    """Give the story form its notes, and make the story's revisions keep them."""
    model_admin.inlines = [*model_admin.inlines, StoryNoteInline]
    if not reversion.is_registered(StoryNote):
        reversion.register(StoryNote)
    follow_also(model_admin.model, "desk_notes")
