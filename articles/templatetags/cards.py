"""Card tags: {% load cards %}, then for example

    {% article_card lead variant="lead" heading_level=2 %}
    {% article_cards stories hide_section=True %}
    {% person_card credit.person character=credit.character_name %}
    {% film_card film %}  {% film_release film %}
    {% search_result article %}

The markup comes from articles/cards.py (why in Python: see there).
"""

from django import template

from articles import cards

register = template.Library()


@register.simple_tag
def article_card(article, variant="", heading_level=3, hide_section=False):
    return cards.article_card(
        article, variant=variant, heading_level=heading_level, hide_section=hide_section
    )


@register.simple_tag
def article_cards(articles, variant="", heading_level=3, hide_section=False):
    return cards.article_cards(
        articles, variant=variant, heading_level=heading_level, hide_section=hide_section
    )


@register.simple_tag
def person_card(person, character=""):
    return cards.person_card(person, character)


@register.simple_tag
def film_card(film):
    return cards.film_card(film)


@register.simple_tag
def film_release(film):
    return cards.film_release(film)


@register.simple_tag
def search_result(article):
    return cards.search_result(article)
