import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from articles.models import Article

# A change form beats every HEARTBEAT; a presence not heard from for PRESENCE_TTL is gone,
# so a closed laptop never leaves a story locked.
HEARTBEAT_SECONDS = 15
PRESENCE_TTL = timedelta(seconds=45)
NEW_OBJECT = "new"


class PresenceQuerySet(models.QuerySet):
    def on(self, content_type, object_key):
        return self.filter(content_type=content_type, object_key=str(object_key))

    def fresh(self, now):
        return self.filter(seen_at__gte=now - PRESENCE_TTL)

    def editing(self, now):
        """Who is at the form now: heard from lately and not taken over."""
        return self.fresh(now).filter(taken_over_by__isnull=True)


class EditingPresence(models.Model):
    """One editor with one object's change form open, kept alive by the form's heartbeats."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_key = models.CharField(max_length=64)
    started_at = models.DateTimeField(help_text="When this editor opened the form.")
    seen_at = models.DateTimeField(help_text="The last heartbeat from their browser.")
    typed_at = models.DateTimeField(help_text="The last change they made (an autosave).")
    taken_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    taken_over_at = models.DateTimeField(null=True, blank=True)

    objects = PresenceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_key"], name="one_presence_per_user_object"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_key", "seen_at"])]
        ordering = ["started_at"]

    def __str__(self):
        return f"{self.user} on {self.content_type.model} {self.object_key}"


class AutosaveQuerySet(models.QuerySet):
    def on(self, content_type, object_key):
        return self.filter(content_type=content_type, object_key=str(object_key))


class Autosave(models.Model):
    """The latest unsaved state of one editor's form for one object (or for a new one).

    It never touches the object itself and makes no revision: a real save clears it.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_key = models.CharField(max_length=64, help_text='The object\'s id, or "new".')
    fields = models.JSONField(help_text="The form's fields: name to list of values.")
    based_on = models.CharField(
        max_length=64,
        blank=True,
        help_text="Fingerprint of the saved object the form started from.",
    )
    saved_at = models.DateTimeField()

    objects = AutosaveQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_key"], name="one_autosave_per_user_object"
            )
        ]
        get_latest_by = "saved_at"

    def __str__(self):
        return f"Autosave by {self.user} of {self.content_type.model} {self.object_key}"


# How long a shared draft link works, as the editor chooses when making it.
SHARE_DURATIONS = {1: "1 day", 7: "7 days", 30: "30 days"}
DEFAULT_SHARE_DAYS = 7


def token_hash(token):
    return hashlib.sha256(token.encode(errors="replace")).hexdigest()


class SharedPreviewQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def create_for(self, story, user, days=DEFAULT_SHARE_DAYS):
        """A new link to `story`; returns it with its token, which is stored only as a hash."""
        token = secrets.token_urlsafe(32)
        link = self.create(
            story=story,
            token_hash=token_hash(token),
            created_by=user,
            expires_at=timezone.now() + timedelta(days=days),
        )
        return link, token

    def find(self, token):
        """The link `token` opens, live or not, or None (looked up by hash: no timing leak)."""
        return self.select_related("story").filter(token_hash=token_hash(token)).first()


class SharedPreview(models.Model):
    """A link that shows one story's saved draft to someone with no login, until it ends."""

    story = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="shared_previews")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = SharedPreviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Shared preview of {self.story}"

    @property
    def is_live(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class StoryNote(models.Model):
    """A note on a story for the desk: who wrote what, when. Staff only, never shown to readers.

    Kept in the story's revisions (desk.apps makes them follow), so restoring a
    revision brings its notes back.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="desk_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(help_text="For the desk only: readers never see notes.")
    created_at = models.DateTimeField("written", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "note for the desk"
        verbose_name_plural = "notes for the desk"

    def __str__(self):
        return self.text[:60]
