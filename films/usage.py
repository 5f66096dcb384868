"""Where films use people: their credits, listed when someone tries to delete the person."""

from django.utils.html import format_html

from core.in_use import admin_link
from people.models import Person


def credit_uses(thing):
    """Each credit of a person, as a line of HTML for editors."""
    if not isinstance(thing, Person):
        return []
    return [
        format_html(
            'Credited ({}) in <a href="{}">{}</a>',
            credit.get_role_display(),
            admin_link(credit.film),
            credit.film,
        )
        for credit in thing.credits.select_related("film")
    ]
