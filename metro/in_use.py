"""What still uses a person or a film, so that deleting one is refused instead of
silently stripping bylines, "In this story" links and filmographies.

People and films reach the stories through their related names, so this module
imports neither app.
"""

from django.urls import reverse
from django.utils.html import format_html


def person_uses(person):
    """Each byline, story link and credit of `person`, as a line of HTML for editors."""
    return [
        *(_story_use("Byline of", story) for story in person.bylines.distinct()),
        *(_story_use("In “In this story” of", story) for story in person.articles.all()),
        *(
            format_html(
                'Credited ({}) in <a href="{}">{}</a>',
                credit.get_role_display(),
                _admin_url(credit.film),
                credit.film,
            )
            for credit in person.credits.select_related("film")
        ),
    ]


def film_uses(film):
    """Each story that links to `film` in its "In this story" cards."""
    return [_story_use("In “In this story” of", story) for story in film.articles.all()]


def _story_use(what, story):
    state = (
        "live"
        if story.is_live
        else "scheduled"
        if story.is_scheduled
        else story.get_status_display()
    )
    return format_html(
        '{} <a href="{}">{}</a> ({})', what, _admin_url(story), story.headline, state.lower()
    )


def _admin_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


class RefuseDeletionWhileInUse:
    """Admin mixin: deleting (one, or a selection) is refused while `uses(obj)` lists
    anything, and the page says what uses each object."""

    delete_confirmation_template = "admin/metro/delete_in_use.html"
    delete_selected_confirmation_template = "admin/metro/delete_selected_in_use.html"

    def uses(self, obj):
        raise NotImplementedError

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        in_use = [
            format_html("<strong>{}</strong>: {}", obj, use)
            for obj in objs
            for use in self.uses(obj)
        ]
        # The database protects bylines and credits too; this list says it in the stories' words.
        return deleted, counts, perms_needed, in_use or protected
