import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.models import Article

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
