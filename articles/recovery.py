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
        post_save.connect(refresh_recovered_story, sender=link)
        post_save.connect(refresh_stories_of_the_recovered, sender=model)


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


# A revision restores rows by raw saves, which no m2m signal announces, in no set
# order: whichever of the link and its person or film comes back last refreshes
# the story's search terms.


def refresh_recovered_story(sender, instance, raw, **kwargs):
    if raw:
        Article.objects.filter(pk=instance.article_id).refresh_search_fields()


def refresh_stories_of_the_recovered(sender, instance, raw, **kwargs):
    if raw:
        link = STORY_LINKS[sender]
        field = sender._meta.model_name
        stories = link.objects.filter(**{field: instance}).values("article_id")
        Article.objects.filter(pk__in=stories).refresh_search_fields()
