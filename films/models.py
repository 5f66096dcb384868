from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.directory import SortNameField
from core.versions import version_field
from core.weblinks import web_url_validator
from films.regions import site_region, validate_region


class Platform(models.Model):
    """Where a film or series reaches audiences: a streamer, a distributor or a network."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    url = models.URLField("website", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Genre(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Film(models.Model):
    """A film or a series our stories cover."""

    class Kind(models.TextChoices):
        FILM = "film", "Film"
        SERIES = "series", "Series"

    title = models.CharField(max_length=200)
    # How the title files in the films directory (core.directory).
    sort_title = SortNameField(source="title")
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.FILM)
    release_date = models.DateField(null=True, blank=True, help_text="First release or premiere.")
    platform = models.ForeignKey(
        Platform,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="films",
        help_text="Streamer, distributor or network.",
    )
    runtime_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a series, the usual episode length."
    )
    rating = models.CharField(
        max_length=20, blank=True, help_text='Age rating, e.g. "R" or "TV-MA".'
    )
    genres = models.ManyToManyField(Genre, blank=True, related_name="films")
    synopsis = models.TextField(
        blank=True, help_text="Plain text; blank lines start new paragraphs."
    )
    poster = models.ForeignKey(
        "media.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    trailer_url = models.URLField(blank=True)
    imdb_id = models.CharField(
        "IMDb id",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^tt\d{5,10}$", "An IMDb title id looks like tt0000123.")],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = version_field()

    class Meta:
        ordering = ["-release_date", "title"]
        get_latest_by = "release_date"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["film", "series"]), name="film_kind_valid"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.release_date.year})" if self.release_date else self.title

    def get_absolute_url(self):
        return reverse("films:detail", kwargs={"slug": self.slug})


class Credit(models.Model):
    """One person's part in a film: the filmography of people is built from these."""

    class Role(models.TextChoices):
        ACTOR = "actor", "Actor"
        DIRECTOR = "director", "Director"
        WRITER = "writer", "Writer"
        CREATOR = "creator", "Creator"
        PRODUCER = "producer", "Producer"
        COMPOSER = "composer", "Composer"
        CINEMATOGRAPHER = "cinematographer", "Cinematographer"
        EDITOR = "editor", "Editor"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="credits")
    # Deleting a person must not quietly shorten filmographies: merge duplicates instead.
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="credits")
    role = models.CharField(max_length=20, choices=Role, default=Role.ACTOR)
    character_name = models.CharField(
        max_length=200, blank=True, help_text='For actors: who they play, e.g. "Charlotte".'
    )
    billing_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first."
    )

    class Meta:
        ordering = ["billing_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role", "character_name"], name="credit_unique_part"
            )
        ]

    def __str__(self):
        part = f" as {self.character_name}" if self.character_name else ""
        return f"{self.person} — {self.get_role_display()}{part}, {self.film.title}"


class AvailabilityQuerySet(models.QuerySet):
    def in_region(self, region=None):
        """Where to watch in `region` (the site's by default), newest first."""
        return self.filter(region=region or site_region()).order_by(*WATCH_ORDER)


# Newest first: the latest arrival (or the one still to come) leads; entries with no
# date (there all along) follow; then the editor's order.
WATCH_ORDER = [
    models.F("available_from").desc(nulls_last=True),
    "ordering",
    "pk",
]


class Availability(models.Model):
    """Where and how readers in one country can watch a film or series: "Stream on
    Netflix", "Rent on Apple TV", "In cinemas from December 20"."""

    class How(models.TextChoices):
        STREAM = "stream", "Stream"
        RENT = "rent", "Rent"
        BUY = "buy", "Buy"
        CINEMA = "cinema", "In cinemas"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="availabilities")
    region = models.CharField(
        "country",
        max_length=2,
        default=site_region,
        validators=[validate_region],
        help_text="Where readers can watch it this way.",
    )
    how = models.CharField(max_length=10, choices=How, default=How.STREAM)
    # A platform that leaves the catalogue takes its entries with it only on purpose.
    platform = models.ForeignKey(
        Platform,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="availabilities",
        help_text="The service or store; for cinemas, the chain (optional).",
    )
    available_from = models.DateField(
        null=True,
        blank=True,
        help_text="When it arrives there; leave empty if it is there already.",
    )
    url = models.URLField(
        "link",
        blank=True,
        validators=[web_url_validator],
        help_text="The film's page on the service (http or https).",
    )
    ordering = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first among entries of the same date."
    )

    objects = AvailabilityQuerySet.as_manager()

    class Meta:
        ordering = ["region", *WATCH_ORDER]
        verbose_name = "where to watch"
        verbose_name_plural = "where to watch"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(how__in=["stream", "rent", "buy", "cinema"]),
                name="availability_how_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(region__regex=r"^[A-Z]{2}$"), name="availability_region_code"
            ),
            models.CheckConstraint(
                condition=models.Q(how="cinema") | models.Q(platform__isnull=False),
                name="availability_platform_unless_cinema",
                violation_error_message="Choose the service or store; only cinemas may go without.",
            ),
            # Its index also serves a film's entries for one region.
            models.UniqueConstraint(
                fields=["film", "region", "how", "platform"], name="availability_unique"
            ),
        ]

    def __str__(self):
        return f"{self.phrase()} ({self.region})"

    def phrase(self):
        """ "Stream on Netflix", "In cinemas", "In cinemas at AMC Theatres": no date."""
        platform = self.platform.name if self.platform_id else ""
        if self.how == self.How.CINEMA:
            return f"In cinemas at {platform}" if platform else "In cinemas"
        return f"{self.get_how_display()} on {platform}"

    @property
    def is_coming(self):
        """Not there yet: its date is still to come."""
        return self.available_from is not None and self.available_from > timezone.localdate()
