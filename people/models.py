from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

from core import models as core_models
from core.directory import SortNameField
from core.versions import version_field
from core.weblinks import web_url


class Person(models.Model):
    """Someone our stories are about or by: actors, directors, critics, our own writers."""

    name = models.CharField(max_length=200)
    # How the name files in the people and authors directories (core.directory).
    sort_name = SortNameField(source="name")
    slug = models.SlugField(max_length=200, unique=True)
    description = models.CharField(
        max_length=200, blank=True, help_text='A few words, e.g. "actor" or "film critic".'
    )
    bio = models.TextField(blank=True, help_text="Plain text; blank lines start new paragraphs.")
    portrait = models.ForeignKey(
        "media.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    birth_date = models.DateField(null=True, blank=True)
    website = models.URLField(blank=True)
    imdb_id = models.CharField(
        "IMDb id",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^nm\d{5,10}$", "An IMDb person id looks like nm0000123.")],
    )
    wikidata_id = models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q\d+$", "A Wikidata id looks like Q12345.")],
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text="The login of this person, if they write for us (their bylines).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = version_field()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:detail", kwargs={"slug": self.slug})

    @property
    def same_as(self):
        """Links that identify this person elsewhere (schema.org sameAs), web addresses only."""
        urls = [link.url for link in self.links.all()]
        if self.website:
            urls.insert(0, self.website)
        if self.imdb_id:
            urls.append(f"https://www.imdb.com/name/{self.imdb_id}/")
        if self.wikidata_id:
            urls.append(f"https://www.wikidata.org/wiki/{self.wikidata_id}")
        # Links are stored as typed: web addresses only, as on the page (profile_links).
        return [url for url in urls if web_url(url)]

    @property
    def profile_links(self):
        """The person's own pages elsewhere, for readers: (name, URL), the website first,
        then their links in order; web addresses only. (Prefetch `links`.)"""
        links = [("Website", self.website)] if self.website else []
        links += [(link.label, link.url) for link in self.links.all()]
        return [(label, url) for label, url in links if web_url(url)]


class PersonLink(models.Model):
    """A social profile or other page about a person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=60, help_text='e.g. "Instagram", "Bluesky".')
    url = models.URLField("URL")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.label}: {self.url}"


class FormerSlug(core_models.FormerSlug):
    """An address of a person who was merged into another: it redirects to them for good."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="former_slugs")
