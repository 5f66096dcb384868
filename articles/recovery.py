"""Deleted people and films come back with their "In this story" links.

Bylines and credits protect a person from deletion (on_delete=PROTECT), but a
story's links to the people and films it is about are rows of a join table that
deleting drops, and no revision of the person or film holds them; django-reversion
recovers an object from its latest revision only. So, just before a linked person
or film is deleted, a revision of it is saved together with those rows, and
recovering it in the admin restores them.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.db.models.signals import post_migrate, post_save, pre_delete

from articles.models import Article
from films.models import Film
from people.models import Person

STORY_LINKS = {Person: Article.people.through, Film: Article.films.through}


def register(app_config):
    post_migrate.connect(create_link_content_types, sender=app_config)
    for model, link in STORY_LINKS.items():
        if not reversion.is_registered(link):
            reversion.register(link)
        pre_delete.connect(keep_story_links, sender=model)
        post_save.connect(restore_stories_of_the_recovered, sender=model)


def create_link_content_types(using, **kwargs):
    """Versions name their model by content type, which migrate makes for no join table.

    Made on first use instead, inside a deletion that rolls back, the row would go
    while the process's content type cache kept its id.
    """
    ContentType.objects.db_manager(using).get_for_models(*STORY_LINKS.values())


def keep_story_links(sender, instance, **kwargs):
    links = list(STORY_LINKS[sender].objects.filter(**{sender._meta.model_name: instance}))
    # Unlinked objects need nothing kept, and joining the revision of a bulk deletion
    # in the admin would make recovering one of them recover all.
    if not links or not reversion.is_registered(sender):
        return
    with reversion.create_revision():
        reversion.add_to_revision(instance)
        for link in links:
            reversion.add_to_revision(link)
        reversion.set_comment(f"Deleted from {len(links)} story link(s); recovering restores them.")


def restore_stories_of_the_recovered(sender, instance, raw, **kwargs):
    """A revision restores rows by raw saves, and Django announces none for join
    rows; reversion restores a revision's rows newest first, so when the person or
    film comes back its links already have. Links to stories deleted since are
    dropped (they would break the foreign key), and the rest refresh search."""
    if not raw:
        return
    links = STORY_LINKS[sender].objects.filter(**{sender._meta.model_name: instance})
    links.filter(~Exists(Article.objects.filter(pk=OuterRef("article_id")))).delete()
    Article.objects.filter(pk__in=links.values("article_id")).refresh_search_fields()
