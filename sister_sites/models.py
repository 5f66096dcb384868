"""The other sites of our network and the headlines of theirs we show."""

from django.db import models

from core.versions import version_field
from core.weblinks import web_url_validator


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
    version = version_field()

    class Meta:
        ordering = ["order", "name"]
        # Made when these were the metro app's (migration 0001_initial).
        db_table = "metro_sistersite"

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
        db_table = "metro_sisterlink"
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
