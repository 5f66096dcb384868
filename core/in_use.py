"""What still uses a person or a film, so that deleting one is refused instead of
silently stripping bylines, "In this story" links and filmographies.

The kernel knows no feature app: each app whose rows use people or films registers a
finder (`register_uses`); articles lists bylines and story links, films the credits.
"""

from django.urls import reverse
from django.utils.html import format_html

# Callables listing, as lines of HTML for editors, what uses a thing (empty when nothing
# does); the apps that link to people and films register theirs when they are ready.
use_finders = []


def register_uses(finder):
    use_finders.append(finder)


def uses(thing):
    """Everything that uses `thing`, as lines of HTML for editors."""
    return [line for finder in use_finders for line in finder(thing)]


def admin_link(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


class RefuseDeletionWhileInUse:
    """Admin mixin: deleting (one, or a selection) is refused while `uses(obj)` lists
    anything, and the page says what uses each object."""

    delete_confirmation_template = "admin/core/delete_in_use.html"
    delete_selected_confirmation_template = "admin/core/delete_selected_in_use.html"

    def uses(self, obj):
        return uses(obj)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        in_use = [
            format_html("<strong>{}</strong>: {}", obj, use)
            for obj in objs
            for use in self.uses(obj)
        ]
        # The database protects bylines and credits too; this list says it in the stories' words.
        return deleted, counts, perms_needed, in_use or protected
