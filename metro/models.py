from urllib.parse import urlsplit

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

# Readers follow these links off the site: web addresses only, never javascript: or data:.
web_url_validator = URLValidator(schemes=["http", "https"])


def web_url(url):
    """`url` if it is an http or https address with a host, else "" (for stored or fetched URLs)."""
    parts = urlsplit(url or "")
    return url if parts.scheme in {"http", "https"} and parts.hostname else ""


class SisterSite(models.Model):
    """Another site of our network, shown under "More from our sister sites"."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    home_url = models.URLField("home page URL", validators=[web_url_validator])
    feed_url = models.URLField(
        "feed URL",
        blank=True,
        max_length=1000,
        validators=[web_url_validator],
        help_text="RSS or Atom feed of its latest stories; refreshed by refresh_sister_sites.",
    )
    logo = models.ForeignKey(
        "media.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")
    active = models.BooleanField(
        default=True, help_text="Inactive sites are neither shown nor refreshed."
    )
    # What the last refresh of the feed found.
    last_refreshed_at = models.DateTimeField(
        "last refreshed", null=True, blank=True, editable=False
    )
    last_refresh_ok = models.BooleanField("last refresh worked", null=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    last_success_at = models.DateTimeField("last worked", null=True, blank=True, editable=False)
    # The feed's validators, sent back so an unchanged feed answers 304.
    feed_etag = models.CharField(max_length=200, blank=True, editable=False)
    feed_last_modified = models.CharField(max_length=100, blank=True, editable=False)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SisterLinkQuerySet(models.QuerySet):
    def visible(self):
        """Links readers may see: not hidden, on an active site; pinned first, then newest."""
        return self.filter(hidden=False, site__active=True).order_by(
            "site__order",
            "site__name",
            "-pinned",
            models.F("published_at").desc(nulls_last=True),
            "-pk",
        )


class SisterLink(models.Model):
    """One headline from a sister site: from its feed, or added by an editor."""

    class Source(models.TextChoices):
        FEED = "feed", "Feed"
        MANUAL = "manual", "Added by hand"

    site = models.ForeignKey(SisterSite, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(max_length=300)
    url = models.URLField("URL", max_length=1000, validators=[web_url_validator])
    published_at = models.DateTimeField(null=True, blank=True)
    image_url = models.URLField(
        "image URL", max_length=1000, blank=True, validators=[web_url_validator]
    )
    # The feed item's own id (RSS guid, Atom id): refreshes match items by it, else by URL.
    guid = models.CharField("feed id", max_length=1000, blank=True, editable=False)
    source = models.CharField(max_length=10, choices=Source, default=Source.MANUAL, editable=False)
    pinned = models.BooleanField(default=False, help_text="Keep at the top of the site's list.")
    hidden = models.BooleanField(
        default=False, help_text="Never show this link; refreshes will not bring it back."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SisterLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-pinned", "-published_at", "-pk"]
        get_latest_by = "published_at"
        constraints = [
            models.UniqueConstraint(fields=["site", "url"], name="sisterlink_unique_url_per_site"),
            models.UniqueConstraint(
                fields=["site", "guid"],
                condition=~models.Q(guid=""),
                name="sisterlink_unique_guid_per_site",
            ),
        ]

    def __str__(self):
        return self.title


class FailedSignInQuerySet(models.QuerySet):
    """django-axes' records of failed admin sign-ins, counted the way it counts them: per
    client address (AXES_LOCKOUT_PARAMETERS), over the last AXES_COOLOFF_TIME."""

    def recent(self):
        return self.filter(attempt_time__gt=timezone.now() - settings.AXES_COOLOFF_TIME)

    def with_address_failures(self):
        """Annotate `address_failures`: the recent failures from the row's address, all
        usernames and browsers together."""
        same_address = (
            self.model.objects.recent()
            .filter(ip_address=models.OuterRef("ip_address"))
            .values("ip_address")
            .annotate(total=models.Sum("failures_since_start"))
            .values("total")
        )
        return self.annotate(address_failures=models.Subquery(same_address))

    def unlock(self):
        """Forget every failure from these rows' addresses; they may sign in again at once.
        Returns the addresses."""
        addresses = sorted(set(self.values_list("ip_address", flat=True)))
        for address in addresses:
            axes_reset(ip=address)
        return addresses


class FailedSignIn(AccessAttempt):
    """Failed sign-ins, as editors see them to unlock a locked-out colleague."""

    objects = FailedSignInQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = "failed sign-in"
        ordering = ["-attempt_time"]
        # Rows come and go with sign-ins; the one thing to grant is unlocking.
        default_permissions = []
        permissions = [("unlock_sign_ins", "Can unlock locked-out sign-ins")]
