from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from taggit.models import TagBase, TaggedItemBase

from core import embeds
from core.tags import BoundedTaggableManager, SlugRule
from core.versions import version_field
from media.inspection import inspect_image
from media.paths import fast_reverse
from media.renditions import Renditions

unit_interval = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class Keyword(SlugRule, TagBase):
    """A library keyword for finding images; kept apart from the stories' public tags."""

    class Meta:
        ordering = ["name"]


class TaggedImage(TaggedItemBase):
    tag = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="tagged_images")
    content_object = models.ForeignKey("Image", on_delete=models.CASCADE)


class Image(models.Model):
    """A picture in the media library, with the caption and credit it carries everywhere."""

    file = models.ImageField(
        upload_to="images/%Y/%m/",
        help_text="JPEG, PNG, WebP or GIF (AVIF too where supported). Readers get resized copies without location data.",
    )
    title = models.CharField(max_length=200, help_text="For finding the image in the library.")
    alt_text = models.CharField(
        max_length=300,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    caption = models.TextField(blank=True, help_text="Shown under the image wherever it appears.")
    credit = models.CharField(
        max_length=200, blank=True, help_text='As printed, e.g. "PHOTO: Netflix".'
    )
    credit_url = models.URLField(blank=True, help_text="Optional link for the credit.")
    copyright = models.CharField(
        max_length=300,
        blank=True,
        help_text="Rights holder, if the file says or the agency tells us.",
    )
    # Facts read from the file itself (media.inspection), never typed in.
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    file_format = models.CharField(max_length=10, editable=False, blank=True)
    file_size = models.PositiveBigIntegerField(editable=False, null=True)
    content_hash = models.CharField(
        max_length=64, editable=False, blank=True, db_index=True, help_text="SHA-256 of the file."
    )
    focal_point_x = models.FloatField(
        default=0.5,
        validators=unit_interval,
        help_text="Horizontal centre of interest, 0 (left) to 1 (right). Crops keep it in view.",
    )
    focal_point_y = models.FloatField(
        default=0.5,
        validators=unit_interval,
        help_text="Vertical centre of interest, 0 (top) to 1 (bottom).",
    )
    tags = BoundedTaggableManager(
        "keywords",
        through=TaggedImage,
        blank=True,
        help_text="Library keywords, comma-separated: for finding the image, never shown to readers.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploaded_images",
        editable=False,
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # Pages showing the image (caption, credit, crop) count as changed when it changes.
    updated_at = models.DateTimeField(auto_now=True)
    version = version_field()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        get_latest_by = "uploaded_at"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_point_x__gte=0, focal_point_x__lte=1)
                & models.Q(focal_point_y__gte=0, focal_point_y__lte=1),
                name="image_focal_point_in_frame",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and (not self.file._committed or not self.content_hash or not self.width):
            self.apply_facts(inspect_image(self.file))
        super().save(*args, **kwargs)

    def apply_facts(self, facts):
        """Take what the file says about itself; embedded caption and credit fill only blanks."""
        self.width, self.height = facts.width, facts.height
        self.file_format = facts.format
        self.file_size = facts.byte_size
        self.content_hash = facts.content_hash
        self.caption = self.caption or facts.caption
        self.credit = self.credit or facts.credit
        self.copyright = self.copyright or facts.copyright

    @property
    def url(self):
        """The original file: for editors only; readers get renditions."""
        return self.file.url

    @property
    def renditions(self):
        return Renditions(self)

    @property
    def aspect_ratio(self):
        return self.width / self.height if self.width and self.height else None


class EmbedInfo(models.Model):
    """What a provider's oEmbed said about content a story embeds (core.embeds), kept so
    that no page ever asks the provider: read when a story is saved, shown from here after.

    The thumbnail is our own copy, re-encoded (media.embeds): readers' browsers never
    ask a provider for anything before they choose to load its player.
    """

    provider = models.CharField(max_length=20)
    embed_id = models.CharField(max_length=embeds.MAX_ID_LENGTH)
    title = models.CharField(max_length=300, blank=True)
    author_name = models.CharField(max_length=200, blank=True)
    duration = models.PositiveIntegerField(null=True, blank=True, help_text="In seconds.")
    thumbnail = models.ImageField(upload_to="embeds/", blank=True, max_length=200)
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True)
    thumbnail_height = models.PositiveIntegerField(null=True, blank=True)
    # A better id for the player, when oEmbed names one (a Bluesky post by its account's DID).
    player_id = models.CharField(max_length=300, blank=True)
    fetched_at = models.DateTimeField()
    error = models.CharField(
        max_length=300, blank=True, help_text="Why the last fetch failed; empty when it worked."
    )

    class Meta:
        verbose_name = "embed's details"
        verbose_name_plural = "embeds' details"
        constraints = [
            models.UniqueConstraint(fields=["provider", "embed_id"], name="embedinfo_unique_embed")
        ]

    def __str__(self):
        return self.title or f"{self.provider} {self.embed_id}"

    @property
    def key(self):
        return (self.provider, self.embed_id)

    @property
    def thumbnail_url(self):
        """Where readers get our copy of the thumbnail (media.views.embed_thumbnail), or ""."""
        if not self.thumbnail:
            return ""
        return fast_reverse(
            "media:embed_thumbnail",
            info_id=self.pk,
            filename=self.thumbnail.name.rsplit("/", 1)[-1],
        )


class Gallery(models.Model):
    """An ordered set of library pictures, shown as a slideshow in a story's body or as its lead.

    A gallery has no page of its own: readers see it only on the stories that show it.
    """

    title = models.CharField(
        max_length=200,
        help_text="Shown above the pictures, e.g. “The Venice red carpet, night one”.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Pages showing the gallery count as changed when it changes.
    updated_at = models.DateTimeField(auto_now=True)
    version = version_field()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        get_latest_by = "updated_at"
        verbose_name_plural = "galleries"

    def __str__(self):
        return self.title

    def shown_items(self):
        """The pictures readers see, in order: items whose image can be drawn."""
        return [item for item in self.items.all() if item.image.width]


class GalleryItem(models.Model):
    """One picture in a gallery, with the caption and credit it has there."""

    gallery = models.ForeignKey(Gallery, on_delete=models.CASCADE, related_name="items")
    # Deleting a library image takes it out of its galleries (the admin lists them first).
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="gallery_items")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the gallery.")
    caption = models.TextField(
        blank=True, help_text="Replaces the image's own caption in this gallery only."
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Replaces the image's own credit in this gallery only.",
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["gallery", "image"], name="gallery_item_unique_image")
        ]

    def __str__(self):
        return f"{self.order}: {self.image}"

    @property
    def shown_caption(self):
        return self.caption.strip() or self.image.caption.strip()

    @property
    def shown_credit(self):
        return self.credit.strip() or self.image.credit.strip()

    @property
    def credit_url(self):
        """The image's link for its credit, when the credit shown is the image's own."""
        return "" if self.credit.strip() else self.image.credit_url.strip()
