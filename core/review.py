"""What a published story shows changes only with an editor's say.

Writers manage people, films and library images, but one that appears on a live
or scheduled story (a byline, an "In this story" card, a hero, a picture in the
body) is part of what readers see: changing it needs the permission to publish,
as changing the story itself does. Writers see such an object read-only, with
the stories that show it; they edit every other one as before.
"""

from django.contrib import messages
from django.utils.html import format_html, format_html_join

# (finder, permission) pairs: finder(thing) is a queryset of the published pages showing
# `thing`, and changing it needs `permission`. The apps with such pages register theirs.
showing_finders = []


def register_showing(finder, *, permission):
    showing_finders.append((finder, permission))


def finders_for(user):
    return [finder for finder, permission in showing_finders if not user.has_perm(permission)]


class EditorsChangeWhatStoriesShow:
    """ModelAdmin mixin for people, films and images: see the module's docstring."""

    def needs_an_editor(self, request, obj):
        """True when `obj` is on a published story and this user may not publish."""
        finders = finders_for(request.user)
        if obj is None or obj.pk is None or not finders:
            return False
        # Asked by the form, each inline and the buttons: one query per request.
        answers = vars(request).setdefault("_metro_shown_on_published", {})
        key = (obj._meta.label_lower, obj.pk)
        if key not in answers:
            answers[key] = any(finder(obj).exists() for finder in finders)
        return answers[key]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and not self.needs_an_editor(request, obj)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if self.needs_an_editor(request, obj):
            for inline in inlines:
                inline.has_add_permission = inline.has_change_permission = _refuse
                inline.has_delete_permission = _refuse
        return inlines

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if request.method == "GET" and self.needs_an_editor(request, obj):
            stories = [page for finder in finders_for(request.user) for page in finder(obj)[:5]][:5]
            messages.warning(
                request,
                format_html(
                    "Readers see this on published stories ({}), so only an editor can "
                    "change it. Ask an editor, or use another one in your draft.",
                    format_html_join(", ", "“{}”", ((str(story),) for story in stories)),
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context)


def _refuse(*args, **kwargs):
    return False
