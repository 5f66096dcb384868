"""Live editing on the change forms: who else has this open, takeover, and autosave.

State lives in the database (EditingPresence, Autosave), never in a process, so any
number of app servers agree. See docs/editing.md for what editors see.
"""

import hashlib
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import PUBLISH_PERMISSION, Article
from desk.models import NEW_OBJECT, PRESENCE_TTL, Autosave, EditingPresence
from films.models import Film
from media.models import Image
from people.models import Person
from sister_sites.models import SisterSite

# The change forms that show presence and autosave, with the noun editors use.
WATCHED = {
    Article: "story",
    Person: "person",
    Film: "film",
    Image: "image",
    SisterSite: "sister site",
}

# Anyone who may change an object may take it over from an editor idle this long.
IDLE_BEFORE_ANYONE_MAY_TAKE_OVER = timedelta(minutes=10)
# Rows nobody has touched for this long are deleted (a displaced editor is told at
# their next save, so their row outlives the heartbeat by a good margin).
PRESENCE_KEPT = timedelta(days=1)
AUTOSAVE_KEPT = timedelta(days=30)


def watched_model(app_label, model_name):
    for model in WATCHED:
        if (model._meta.app_label, model._meta.model_name) == (app_label, model_name):
            return model
    return None


def noun(model):
    return WATCHED.get(model, model._meta.verbose_name)


def display_name(user):
    return user.get_full_name() or user.get_username()


def newsroom_time(moment):
    """ "10:02" in the newsroom's time zone."""
    return date_format(timezone.localtime(moment), "H:i")


def fingerprint(obj):
    """What the saved object looks like, to tell whether an autosave started from it."""
    if obj is None or obj.pk is None:
        return ""
    values = "\x1f".join(
        f"{field.attname}={field.value_to_string(obj)}" for field in obj._meta.concrete_fields
    )
    return hashlib.sha256(values.encode()).hexdigest()


def may_take_over(user, presence, now):
    """Editors take over anything; anyone who may change it takes over an idle editor."""
    return (
        user.has_perm(PUBLISH_PERMISSION)
        or presence.typed_at < now - IDLE_BEFORE_ANYONE_MAY_TAKE_OVER
    )


def heartbeat(user, obj, *, entering=False):
    """Mark `user` present at `obj`'s form; return what their page should show."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(obj)
    presence, created = EditingPresence.objects.get_or_create(
        user=user,
        content_type=content_type,
        object_key=str(obj.pk),
        defaults={"started_at": now, "seen_at": now, "typed_at": now},
    )
    if not created:
        # A reload (e.g. after "Save and continue") keeps "since"; coming back after
        # going away, or after being taken over, starts afresh.
        if presence.seen_at < now - PRESENCE_TTL or (entering and presence.taken_over_by_id):
            presence.started_at = presence.typed_at = now
            presence.taken_over_by = presence.taken_over_at = None
        presence.seen_at = now
        presence.save()
    delete_stale(now)
    return {
        "editors": [
            {
                "name": display_name(other.user),
                "since": newsroom_time(other.started_at),
                "may_take_over": may_take_over(user, other, now),
            }
            for other in others_editing(user, content_type, obj.pk, now)
        ],
        "taken_over": taken_over_notice(presence),
    }


def others_editing(user, content_type, object_key, now):
    return (
        EditingPresence.objects.on(content_type, object_key)
        .editing(now)
        .exclude(user=user)
        .select_related("user")
    )


def taken_over_notice(presence):
    if presence is None or presence.taken_over_by_id is None:
        return None
    return {"by": display_name(presence.taken_over_by), "at": newsroom_time(presence.taken_over_at)}


def displaced_presence(user, obj):
    """`user`'s presence at `obj` if someone took it over from them, else None."""
    return (
        EditingPresence.objects.on(ContentType.objects.get_for_model(obj), obj.pk)
        .filter(user=user, taken_over_by__isnull=False)
        .select_related("taken_over_by")
        .first()
    )


class TakeoverRefused(Exception):
    pass


def take_over(user, obj):
    """Move everyone else off `obj`'s form, if `user` may; they are told at their next beat."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        others = list(others_editing(user, content_type, obj.pk, now).select_for_update())
        if not all(may_take_over(user, other, now) for other in others):
            raise TakeoverRefused
        EditingPresence.objects.filter(pk__in=[other.pk for other in others]).update(
            taken_over_by=user, taken_over_at=now
        )
    return heartbeat(user, obj)


def leave(user, obj):
    EditingPresence.objects.on(ContentType.objects.get_for_model(obj), obj.pk).filter(
        user=user, taken_over_by__isnull=True
    ).delete()


def object_key(obj):
    return NEW_OBJECT if obj is None else str(obj.pk)


def store_autosave(user, model, obj, fields, based_on):
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    Autosave.objects.update_or_create(
        user=user,
        content_type=content_type,
        object_key=object_key(obj),
        defaults={"fields": fields, "based_on": based_on, "saved_at": now},
    )
    if obj is not None:
        EditingPresence.objects.on(content_type, obj.pk).filter(user=user).update(typed_at=now)


def autosave_offer(user, model, obj):
    """The user's own autosave of this object (or of a new one), to offer back, or None."""
    content_type = ContentType.objects.get_for_model(model)
    autosave = Autosave.objects.on(content_type, object_key(obj)).filter(user=user).first()
    if autosave is None:
        return None
    local = timezone.localtime(autosave.saved_at)
    return {
        "fields": autosave.fields,
        "saved_at": f"{date_format(local, 'j M')} at {newsroom_time(local)}",
        "older_version": obj is not None and autosave.based_on != fingerprint(obj),
    }


def discard_autosave(user, model, obj):
    content_type = ContentType.objects.get_for_model(model)
    Autosave.objects.on(content_type, object_key(obj)).filter(user=user).delete()


def clear_after_save(user, obj, *, added):
    """A real save by `user` makes their autosaves of it (and of the new one it was) moot."""
    keys = [str(obj.pk), NEW_OBJECT] if added else [str(obj.pk)]
    Autosave.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(obj), object_key__in=keys
    ).delete()


def delete_stale(now, *, dry_run=False):
    """Forget presences long gone and autosaves nobody came back for; return the counts."""
    presences = EditingPresence.objects.filter(seen_at__lt=now - PRESENCE_KEPT)
    autosaves = Autosave.objects.filter(saved_at__lt=now - AUTOSAVE_KEPT)
    if dry_run:
        return presences.count(), autosaves.count()
    return presences.delete()[0], autosaves.delete()[0]
