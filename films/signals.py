"""A film's where-to-watch entries are part of the film: changing one moves the film's
updated_at, so its page and the stories whose cards show it send a new Last-Modified."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from films.models import Availability, Film


@receiver([post_save, post_delete], sender=Availability)
def where_to_watch_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        Film.objects.filter(pk=instance.film_id).update(updated_at=timezone.now())
