"""Keep stored renditions in step with their images."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from media import renditions
from media.models import Image


@receiver(post_save, sender=Image)
def drop_stale_renditions(sender, instance, **kwargs):
    """A new file or focal point gives new rendition names; the old files go."""
    key = instance.renditions.key
    transaction.on_commit(lambda: renditions.delete_all(instance.pk, keep_key=key))


@receiver(post_delete, sender=Image)
def drop_renditions_of_deleted_image(sender, instance, **kwargs):
    # The original stays in storage so that a deleted image can be recovered
    # from its history; renditions can always be made again.
    image_id = instance.pk
    transaction.on_commit(lambda: renditions.delete_all(image_id))
