"""Keeping Article.search_terms current, published stories' feed pictures made, and
stories' times moved by their corrections.

Search: Article.save() keeps the body's plain text; these receivers follow the
links changing (from either end) and the linked names changing or going.

Feed pictures: a feed gives the byte length of each story's picture, which it
knows only once the file is made; it is made when a story is saved published
(or scheduled) and when a published story's picture gets a new file or crop.

Corrections and updates: a note saved or deleted is a change to its story, whose
updated_at (the page's Last-Modified) moves to now; on a live story, revised_at
(dateModified, the byline's "Updated", feeds and sitemaps) becomes at least the
note's date.
"""

from functools import partial

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.feeds import make_feed_picture
from articles.models import Article, Authorship, Correction, FormerSlug, Section
from articles.navigation import clear_navigation_cache
from films.models import Film
from media.models import Image
from people.models import Person

# What stories link to by name, the field holding the name, and the link's name.
NAME_FIELDS = {Person: "name", Film: "title", Tag: "name"}
STORY_LINKS = {Person: "people", Film: "films", Tag: "tags"}


def stories_about(thing):
    return Article.objects.filter(**{STORY_LINKS[type(thing)]: thing})


@receiver(m2m_changed, sender=Article.people.through)
@receiver(m2m_changed, sender=Article.films.through)
@receiver(m2m_changed, sender=TaggedItem)
def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        # Django and taggit announce every add and remove, even of nothing.
        if isinstance(instance, Article) and (action == "post_clear" or _changed(action, pk_set)):
            instance.refresh_search_terms()
    elif action == "pre_clear":
        # person.articles.clear() names no stories: note them while they are linked.
        vars(instance)["_stories_to_refresh"] = _ids(stories_about(instance))
    elif action == "post_clear":
        _refresh(vars(instance).pop("_stories_to_refresh", []))
    elif _changed(action, pk_set):
        _refresh(pk_set)


def _changed(action, pk_set):
    return action in {"post_add", "post_remove"} and bool(pk_set)


def note_renaming(sender, instance, raw, **kwargs):
    field = NAME_FIELDS[sender]
    stored = (
        sender._default_manager.filter(pk=instance.pk).values_list(field, flat=True).first()
        if instance.pk and not raw
        else None
    )
    vars(instance)["_renamed"] = stored is not None and stored != getattr(instance, field)


def refresh_after_renaming(sender, instance, **kwargs):
    if vars(instance).pop("_renamed", False):
        stories_about(instance).refresh_search_fields()


def note_stories_of_the_deleted(sender, instance, **kwargs):
    # Deleting drops the links without m2m signals, so note the stories first.
    vars(instance)["_stories_to_refresh"] = _ids(stories_about(instance))


def refresh_after_deleting(sender, instance, **kwargs):
    _refresh(vars(instance).pop("_stories_to_refresh", []))


for named in NAME_FIELDS:
    pre_save.connect(note_renaming, sender=named)
    post_save.connect(refresh_after_renaming, sender=named)
    pre_delete.connect(note_stories_of_the_deleted, sender=named)
    post_delete.connect(refresh_after_deleting, sender=named)


def _ids(stories):
    return list(stories.values_list("pk", flat=True))


def _refresh(story_ids):
    if story_ids:
        Article.objects.filter(pk__in=story_ids).refresh_search_fields()


@receiver([post_save, post_delete], sender=Section)
def sections_changed(sender, **kwargs):
    """Every page's navigation comes from the cache: a saved or deleted section clears it
    once committed (cleared sooner, a page could cache the sections as they were)."""
    transaction.on_commit(clear_navigation_cache)


def draft_change(instance):
    """True for a draft story (saved, tagged, relinked, given a byline) that was a draft
    before: no public page shows it. The page cache skips such changes."""
    story = instance if isinstance(instance, Article) else None
    if isinstance(instance, (Authorship, FormerSlug, Correction)):
        story = instance.article
    elif isinstance(instance, TaggedItem) and instance.content_type.model_class() is Article:
        story = Article.objects.filter(pk=instance.object_id).first()
    return story is not None and not story.changes_public_pages()


@receiver(post_save, sender=Article)
def make_feed_picture_of_published_story(sender, instance, raw=False, **kwargs):
    if raw or instance.status != Article.Status.PUBLISHED or instance.hero_image_id is None:
        return
    # After the commit, so the picture is the one saved; robust: a missing
    # original is logged, and the feed leaves the enclosure out.
    transaction.on_commit(partial(make_feed_picture, instance.hero_image), robust=True)


@receiver(post_save, sender=Image)
def make_feed_picture_of_new_crop(sender, instance, raw=False, **kwargs):
    # A new file or focal point gives the picture a new name (media.renditions).
    published = Article.objects.filter(hero_image=instance, status=Article.Status.PUBLISHED)
    if not raw and published.exists():
        transaction.on_commit(partial(make_feed_picture, instance), robust=True)


@receiver([post_save, post_delete], sender=Correction)
def story_note_changed(sender, instance, raw=False, **kwargs):
    """See the module's docstring: a correction changes its story's times."""
    if raw:
        return
    now = timezone.now()
    story = Article.objects.filter(pk=instance.article_id)
    story.update(updated_at=now)
    if kwargs["signal"] is post_save:
        story.live(now).filter(
            Q(revised_at__isnull=True) | Q(revised_at__lt=instance.published_at)
        ).update(revised_at=instance.published_at)
