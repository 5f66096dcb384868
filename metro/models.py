from django.db import models


class SisterSite(models.Model):
    """Another site of our network, shown under "More from our sister sites"."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    home_url = models.URLField("home page URL")
    feed_url = models.URLField(
        "feed URL", blank=True, help_text="RSS or Atom feed of its latest stories."
    )
    logo = models.ForeignKey(
        "media.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")
    active = models.BooleanField(default=True, help_text="Inactive sites are not shown anywhere.")

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
    """One headline from a sister site, added by hand or later from its feed."""

    site = models.ForeignKey(SisterSite, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(max_length=300)
    url = models.URLField("URL", max_length=1000)
    published_at = models.DateTimeField(null=True, blank=True)
    pinned = models.BooleanField(default=False, help_text="Keep at the top of the site's list.")
    hidden = models.BooleanField(default=False, help_text="Never show this link.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SisterLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-pinned", "-published_at", "-pk"]
        get_latest_by = "published_at"
        constraints = [
            models.UniqueConstraint(fields=["site", "url"], name="sisterlink_unique_url_per_site")
        ]

    def __str__(self):
        return self.title
