"""Card tags: {% load cards %}, then for example

    {% article_card lead variant="lead" heading_level=2 %}
    {% article_cards stories hide_section=True %}
    {% person_card credit.person character=credit.character_name %}
    {% film_card film cast=film.top_billed %}  {% film_release film %}
    {% story_subject_cards films people %}
    {% where_to_watch film.where_to_watch %}
    {% search_result article %}

The markup comes from articles/cards.py (why in Python: see there).
"""

from django import template

from articles import cards

register = template.Library()

for card in (
    cards.article_card,
    cards.article_cards,
    cards.person_card,
    cards.film_card,
    cards.film_release,
    cards.story_subject_cards,
    cards.where_to_watch,
    cards.search_result,
):
    register.simple_tag(card)
