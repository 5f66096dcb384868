"""Where stories use people, films and images: for refusing to delete what a story still
uses (core.in_use) and for keeping what published stories show in editors' hands (core.review)."""

from django.utils.html import format_html

from articles.models import Article
from core.in_use import admin_link
from films.models import Film
from people.models import Person


def story_uses(thing):
    """Each byline, "In this story" link and review of a person or film, as a line of HTML
    for editors."""
    if isinstance(thing, Person):
        return [
            *(story_use("Byline of", story) for story in thing.bylines.distinct()),
            *(story_use("In “In this story” of", story) for story in thing.articles.all()),
        ]
    if isinstance(thing, Film):
        return [
            *(story_use("Reviewed in", story) for story in thing.reviews.all()),
            *(story_use("In “In this story” of", story) for story in thing.articles.all()),
        ]
    return []


def story_use(what, story):
    state = (
        "live"
        if story.is_live
        else "scheduled"
        if story.is_scheduled
        else story.get_status_display()
    )
    return format_html(
        '{} <a href="{}">{}</a> ({})', what, admin_link(story), story.headline, state.lower()
    )


def published_stories_showing(thing):
    return Article.objects.published().showing(thing).order_by("-publish_at")
