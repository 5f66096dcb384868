from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sister_sites.models import SisterLink, SisterSite
from sister_sites.templatetags.sister_sites import clear_cache


@receiver([post_save, post_delete], sender=SisterSite)
@receiver([post_save, post_delete], sender=SisterLink)
def sister_sites_changed(sender, **kwargs):
    """Pages show the sister-site blocks from the cache: any change to sites or links clears
    it once committed (cleared sooner, a page could cache the block as it was)."""
    transaction.on_commit(clear_cache)
