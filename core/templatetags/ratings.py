"""{% load ratings %}, then {% stars article.rating %}: five stars, and what screen readers say."""

from django import template

from core.ratings import rating_label, rating_text, stars_html

register = template.Library()
register.simple_tag(stars_html, name="stars")
register.filter(rating_label)
register.filter(rating_text)
