from datetime import timedelta
from itertools import batched

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from articles.richtext import body_field, render_body, sanitize_body
from articles.search import plain_text, search_articles

# Changes to these fields of a live story are revisions readers are told about.
REVISED_FIELDS = ("headline", "standfirst", "body")

# Edits within this time of publication are part of publishing, not an update.
UPDATE_WORTH_SHOWING = timedelta(minutes=15)

# Top-level paths that belong to other pages, so no section may take them.
RESERVED_SECTION_SLUGS = {
    "admin",
    "authors",
    "feeds",
    "films",
    "images",
    "media",
    "people",
    "preview",
    "search",
    "sitemap.xml",
    "static",
    "tags",
    "healthz",
    "robots.txt",
}


def reserved_section_slugs():
    """Paths other pages own, the admin's configurable one included."""
    return RESERVED_SECTION_SLUGS | {settings.ADMIN_URL.strip("/").split("/")[0]}


def validate_section_slug(slug):
    if slug in reserved_section_slugs():
        raise ValidationError(
            "“%(slug)s” is used by another part of the site; choose another slug.",
            code="reserved",
            params={"slug": slug},
        )


class Section(models.Model):
    """A part of the site with its own front page: News, Film, TV, Interviews…"""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, validators=[validate_section_slug])
    description = models.TextField(blank=True, help_text="Shown at the top of the section front.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the navigation.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"section": self.slug})


class ArticleQuerySet(models.QuerySet):
    """The publishing rule lives here, and public code selects articles only through `live()`."""

    def live(self, now=None):
        """Published stories whose publication time has come."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        """Published stories waiting for their publication time."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=now or timezone.now())

    def related_to(self, article, limit=4):
        """Live stories sharing people, films or tags with `article`, newest first.

        Reads the article's people, films and tags from its prefetch cache when
        the view prefetched them, so the whole list costs one query.
        """
        person_ids = [person.pk for person in article.people.all()]
        film_ids = [film.pk for film in article.films.all()]
        tag_ids = [tag.pk for tag in article.tags.all()]
        if not (person_ids or film_ids or tag_ids):
            return self.none()
        sharing = (
            models.Q(
                pk__in=Article.people.through.objects.filter(person_id__in=person_ids).values(
                    "article_id"
                )
            )
            | models.Q(
                pk__in=Article.films.through.objects.filter(film_id__in=film_ids).values(
                    "article_id"
                )
            )
            | models.Q(
                pk__in=TaggedItem.objects.filter(
                    content_type__app_label="articles",
                    content_type__model="article",
                    tag_id__in=tag_ids,
                ).values("object_id")
            )
        )
        return (
            self.live()
            .filter(sharing)
            .exclude(pk=article.pk)
            .order_by("-publish_at", "-pk")[:limit]
        )

    def newest_per_section(self, per_section=4):
        """The ids of each section's newest live stories, in one query."""
        live = self.live().order_by("-publish_at", "-pk")
        if connection.features.supports_slicing_ordering_in_compound:
            # One indexed LIMIT per section, glued together: cheap however big the archive.
            section_ids = list(Section.objects.values_list("pk", flat=True))
            # Each part selects what it orders by, as compound queries require.
            parts = [
                live.filter(section_id=section_id).values_list("pk", "publish_at")[:per_section]
                for section_id in section_ids
            ]
            if not parts:
                return []
            return [pk for pk, _ in parts[0].union(*parts[1:], all=True)]
        ranked = live.annotate(
            rank_in_section=models.Window(
                RowNumber(),
                partition_by="section_id",
                order_by=[models.F("publish_at").desc(), models.F("pk").desc()],
            )
        )
        return list(ranked.filter(rank_in_section__lte=per_section).values_list("pk", flat=True))

    def for_cards(self):
        """Everything a listing card shows (section, picture, byline), fetched up front."""
        return self.select_related("section", "hero_image").prefetch_related(
            models.Prefetch("authorships", queryset=Authorship.objects.select_related("person"))
        )

    def search(self, query):
        """These stories matching a reader's query, best first, with `rank` and `snippet`."""
        return search_articles(self, query)

    def refresh_search_fields(self, batch_size=500, *, dry_run=False, progress=None):
        """Recompute what search reads for these stories and save the rows that changed.

        Returns how many changed (or would, with `dry_run`); `progress(checked, changed)`
        is called after each batch.
        """
        checked = changed = 0
        stories = self.order_by("pk").prefetch_related("tags", "people", "films")
        for batch in batched(stories.iterator(chunk_size=batch_size), batch_size):
            stale = [story for story in batch if story.fill_search_fields()]
            if stale and not dry_run:
                Article.objects.bulk_update(stale, ["body_text", "search_terms"])
            checked += len(batch)
            changed += len(stale)
            if progress:
                progress(checked, changed)
        return changed


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The last part of the story's address."
    )
    standfirst = models.TextField(
        max_length=600, help_text="The sentence or two under the headline that sells the story."
    )
    body = body_field()
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    authors = models.ManyToManyField(
        "people.Person", through="Authorship", related_name="bylines", blank=True
    )
    hero_image = models.ForeignKey(
        "media.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hero_of_articles",
    )
    hero_caption = models.TextField(
        blank=True, help_text="Replaces the image's own caption on this story only."
    )
    tags = TaggableManager(blank=True, help_text="Comma-separated. Each tag gets its own page.")
    people = models.ManyToManyField(
        "people.Person",
        blank=True,
        related_name="articles",
        help_text='The people this story is about: "In this story" cards and their pages.',
    )
    films = models.ManyToManyField(
        "films.Film",
        blank=True,
        related_name="articles",
        help_text='The films and series this story is about: "In this story" cards and their pages.',
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the story goes live. Leave empty to publish now; a future time schedules it.",
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    revised_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the words of the live story last changed.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    seo_title = models.CharField(
        "SEO title",
        max_length=70,
        blank=True,
        help_text="For search engines; defaults to the headline.",
    )
    seo_description = models.CharField(
        "SEO description",
        max_length=160,
        blank=True,
        help_text="For search engines; defaults to the standfirst.",
    )
    featured = models.BooleanField(default=False, help_text="Show in the home page's featured row.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Plain-text copies for search (articles.search): the body without markup, kept
    # by save(), and the names of the story's tags, people and films, kept by
    # articles.signals.
    body_text = models.TextField(blank=True, default="", editable=False)
    search_terms = models.TextField(blank=True, default="", editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        get_latest_by = "publish_at"
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        # On PostgreSQL, migration 0006 adds search_document, a generated tsvector
        # column, and its GIN index; SQLite has no tsvector, so neither is declared here.
        indexes = [models.Index(fields=["status", "-publish_at"], name="article_live_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "review", "published"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(publish_at__isnull=False),
                name="article_published_has_time",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.body = sanitize_body(self.body)
        self.body_text = plain_text(self.body)
        if (update_fields := kwargs.get("update_fields")) and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_text"}
        self.fill_publication_times()
        stored = self._stored_state()
        former_slug = stored["slug"] if stored and stored["slug"] != self.slug else None
        if stored and self._revises(stored):
            self.revised_at = timezone.now()
            if update_fields := kwargs.get("update_fields"):
                kwargs["update_fields"] = {*update_fields, "revised_at"}
        # The story and its addresses change together or not at all.
        with transaction.atomic():
            super().save(*args, **kwargs)
            # The story's address is its slug: old ones keep working, new ones are its own.
            FormerSlug.objects.filter(slug=self.slug).delete()
            if former_slug:
                FormerSlug.objects.update_or_create(slug=former_slug, defaults={"article": self})

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"section": self.section.slug, "slug": self.slug})

    def clean(self):
        self.fill_publication_times()

    def fill_publication_times(self):
        """Publishing with no time means now; the first publication time is kept for good.

        A first publication time still in the future was only a schedule, and
        follows the schedule until it comes (or is forgotten if the story is pulled).
        """
        now = timezone.now()
        if self.first_published_at and self.first_published_at > now:
            self.first_published_at = None
        if self.status == self.Status.PUBLISHED:
            if self.publish_at is None:
                self.publish_at = now
            if self.first_published_at is None:
                self.first_published_at = self.publish_at

    def _stored_state(self):
        if self.pk is None:
            return None
        return (
            Article.objects.filter(pk=self.pk)
            .values("slug", "status", "publish_at", *REVISED_FIELDS)
            .first()
        )

    def _revises(self, stored):
        """A change to the words of a story readers could already see."""
        was_live = (
            stored["status"] == self.Status.PUBLISHED
            and stored["publish_at"] is not None
            and stored["publish_at"] <= timezone.now()
        )
        return (
            was_live
            and self.is_live
            and any(stored[field] != getattr(self, field) for field in REVISED_FIELDS)
        )

    def fill_search_fields(self):
        """Recompute body_text and search_terms; True if either changed."""
        before = (self.body_text, self.search_terms)
        self.body_text = plain_text(self.body)
        self.search_terms = self.names_for_search()
        return (self.body_text, self.search_terms) != before

    def names_for_search(self):
        """The names of the story's tags, people and films (prefetched or not)."""
        names = [
            *sorted(tag.name for tag in self.tags.all()),
            *sorted(person.name for person in self.people.all()),
            *sorted(film.title for film in self.films.all()),
        ]
        return ", ".join(names)

    def refresh_search_terms(self):
        """Save search_terms afresh, after the story's tags, people or films changed."""
        self.search_terms = self.names_for_search()
        Article.objects.filter(pk=self.pk).update(search_terms=self.search_terms)

    def get_preview_url(self):
        return reverse("articles:preview", kwargs={"pk": self.pk})

    @property
    def is_live(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def was_updated(self):
        """Revised well after publication: worth telling readers when."""
        return bool(
            self.publish_at
            and self.revised_at
            and self.revised_at - self.publish_at > UPDATE_WORTH_SHOWING
        )

    @cached_property
    def body_html(self):
        """The body for templates: sanitised again on the way out, whatever is stored,
        with library figures showing their image's current caption, credit and alt text."""
        return mark_safe(render_body(sanitize_body(self.body)))  # noqa: S308 - nh3 output

    @property
    def caption(self):
        """The hero caption to print: the story's override, else the image's own."""
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.caption if self.hero_image else ""


class Authorship(models.Model):
    """One name in a story's byline, in order."""

    class Role(models.TextChoices):
        AUTHOR = "author", "Author"
        PHOTOGRAPHER = "photographer", "Photographer"
        CONTRIBUTOR = "contributor", "Contributor"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="authorships")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="authorships"
    )
    role = models.CharField(max_length=20, choices=Role, default=Role.AUTHOR)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person", "role"], name="authorship_unique_role"
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class FormerSlug(models.Model):
    """An address a story had before its slug changed; it redirects to the story for good."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="former_slugs")
    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.slug
