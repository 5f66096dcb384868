from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import TaggedItem

from articles.models import Article, Authorship, FormerSlug, Section
from metro import pagecache
from metro.context_processors import clear_navigation_cache
from metro.models import SisterLink, SisterSite
from metro.templatetags.sister_sites import clear_cache

# The apps whose rows readers see on some page: a story, its section, tags, people,
# films, pictures and sister-site links.
PUBLIC_APPS = {"articles", "people", "films", "media", "metro", "taggit"}


@receiver([post_save, post_delete], sender=SisterSite)
@receiver([post_save, post_delete], sender=SisterLink)
def sister_sites_changed(sender, **kwargs):
    """Pages show the sister-site blocks from the cache: any change to sites or links clears
    it once committed (cleared sooner, a page could cache the block as it was)."""
    transaction.on_commit(clear_cache)


@receiver([post_save, post_delete], sender=Section)
def sections_changed(sender, **kwargs):
    """Every page's navigation comes from the cache: a saved or deleted section clears it
    once committed (cleared sooner, a page could cache the sections as they were)."""
    transaction.on_commit(clear_navigation_cache)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def public_content_changed(sender, **kwargs):
    """Any saved, deleted or relinked public row makes every cached page stale at commit."""
    if kwargs.get("raw"):
        return  # Fixture loading.
    if sender._meta.app_label in PUBLIC_APPS:
        if "action" in kwargs and not kwargs["action"].startswith("post_"):
            return
        if kwargs["signal"] is not post_delete and not changes_public_pages(kwargs["instance"]):
            return
        pagecache.content_changed()


def changes_public_pages(instance):
    """False for a draft story (saved, tagged, relinked, given a byline) that was a
    draft before: no public page shows it. Anything else counts, and so does every
    deletion (the receiver does not ask)."""
    story = instance if isinstance(instance, Article) else None
    if isinstance(instance, (Authorship, FormerSlug)):
        story = instance.article
    elif isinstance(instance, TaggedItem) and instance.content_type.model_class() is Article:
        story = Article.objects.filter(pk=instance.object_id).first()
    return story is None or story.changes_public_pages()
