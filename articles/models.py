from datetime import timedelta
from itertools import batched
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Exists, Min, OuterRef
from django.db.models.functions import JSONArray, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from taggit.models import Tag, TaggedItem

from articles import links
from articles.richtext import (
    body_embeds,
    body_field,
    gallery_html,
    gallery_ids,
    render_body,
    sanitize_body,
)
from articles.search import plain_text, search_articles
from core import embeds
from core import models as core_models
from core.ratings import HALF_STARS, RATING_CHOICES, rating_text
from core.tags import BoundedTaggableManager
from core.versions import version_field
from media import embeds as embed_details
from media.galleries import load_galleries
from media.models import GalleryItem, Image
from media.paths import fast_reverse

# Changes to these fields of a live story are revisions readers are told about.
REVISED_FIELDS = ("headline", "standfirst", "body")

# Edits within this time of publication are part of publishing, not an update.
UPDATE_WORTH_SHOWING = timedelta(minutes=15)

# Top-level paths that belong to other pages, so no section may take them.
RESERVED_SECTION_SLUGS = {
    "admin",
    "authors",
    "corrections",
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


# Editors have it (staff.roles); writers send their stories for review instead.
PUBLISH_PERMISSION = "articles.publish_article"


class JSONList(models.Aggregate):
    """A group's values as one JSON array (jsonb_agg on PostgreSQL, json_group_array on SQLite).

    Lets one query carry a short list per row, e.g. each story's byline; no
    order is promised, so callers put the sort key in each entry.
    """

    function = "JSONB_AGG"
    output_field = models.JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


def json_list(queryset, *fields):
    """A subquery for annotate(): the rows of `queryset` (filtered on OuterRef) as [[field, ...]]."""
    return models.Subquery(
        queryset.order_by()
        .annotate(_group=models.Value(1))
        .values("_group")
        .annotate(entries=JSONList(JSONArray(*fields)))
        .values("entries"),
        output_field=models.JSONField(),
    )


# What a card needs of a picture (media.pictures.picture_html), in the model's field order.
CARD_PICTURE_FIELDS = [
    field.attname
    for field in Image._meta.concrete_fields
    if field.attname
    in {
        "id",
        "file",
        "alt_text",
        "width",
        "height",
        "content_hash",
        "focal_point_x",
        "focal_point_y",
    }
]


def lead_gallery_picture():
    """For annotate(): a story's card picture when it has no hero image and leads with a
    gallery, the gallery's first picture readers see, as [field, ...] in
    CARD_PICTURE_FIELDS; null otherwise. Read on the card's own row: no query per card."""
    first = (
        GalleryItem.objects.filter(gallery_id=OuterRef("lead_gallery_id"), image__width__gt=0)
        .order_by("order", "pk")
        .annotate(picture=JSONArray(*(f"image__{name}" for name in CARD_PICTURE_FIELDS)))
        .values("picture")[:1]
    )
    return models.Case(
        models.When(
            hero_image__isnull=True,
            lead_gallery__isnull=False,
            then=models.Subquery(first, output_field=models.JSONField()),
        ),
        default=None,
        output_field=models.JSONField(),
    )


def article_content_type():
    """The stories' content type as a subquery: taggit's rows for stories without a lookup in Python."""
    return models.Subquery(
        ContentType.objects.filter(app_label="articles", model="article").values("pk")[:1]
    )


class BylineName(NamedTuple):
    person_id: int
    name: str
    slug: str


def byline_json(authorships):
    """The people of `authorships` as a JSON column, for Article._byline_from() to read:
    [order, pk, person_id, name, slug] each."""
    return json_list(authorships, "order", "pk", "person_id", "person__name", "person__slug")


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
        return fast_reverse("articles:section", section=self.slug)


class ArticleQuerySet(models.QuerySet):
    """The publishing rule lives here, and public code selects articles only through `live()`."""

    def live(self, now=None):
        """Published stories whose publication time has come."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        """Published stories waiting for their publication time."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=now or timezone.now())

    def next_publish_at(self):
        """When the next scheduled story goes live, or None."""
        return self.scheduled().aggregate(first=Min("publish_at"))["first"]

    def published(self):
        """Live and scheduled stories: what readers see, or will see without another review."""
        return self.filter(status=Article.Status.PUBLISHED)

    def showing(self, thing):
        """Stories whose page shows `thing`: a person (in the byline or "In this story"),
        a film ("In this story", or as the film a review reviews), a library image (hero,
        in the body, in a gallery the story shows, or the portrait or poster on an "In
        this story" card or of the reviewed film) or a gallery (the story's lead, or in
        the body)."""
        label = thing._meta.label_lower
        if label == "people.person":
            shown = models.Q(authorships__person=thing) | models.Q(people=thing)
        elif label == "films.film":
            shown = models.Q(films=thing) | models.Q(reviewed_film=thing)
        elif label == "media.image":
            shown = (
                models.Q(hero_image=thing)
                | models.Q(body__contains=f'data-image-id="{thing.pk}"')
                | models.Q(people__portrait=thing)
                | models.Q(films__poster=thing)
                | models.Q(reviewed_film__poster=thing)
                | models.Q(lead_gallery__items__image=thing)
            )
            for gallery_id in thing.gallery_items.values_list("gallery_id", flat=True):
                shown |= models.Q(body__contains=f'data-gallery-id="{gallery_id}"')
        elif label == "media.gallery":
            shown = models.Q(lead_gallery=thing) | models.Q(
                body__contains=f'data-gallery-id="{thing.pk}"'
            )
        else:
            raise TypeError(f"Stories do not show {label} objects.")
        return self.filter(pk__in=Article.objects.filter(shown).values("pk"))

    def tagged(self, tag):
        """Stories carrying `tag`: a per-story probe of the tag index, so the newest come first cheaply."""
        return self.filter(
            Exists(
                TaggedItem.objects.filter(
                    content_type=article_content_type(), tag=tag, object_id=OuterRef("pk")
                )
            )
        )

    def by(self, person):
        """Stories with `person` in the byline, each once whatever their roles."""
        return self.filter(Exists(Authorship.objects.filter(article=OuterRef("pk"), person=person)))

    def related_to(self, article, limit=4):
        """Live stories sharing people, films or tags with `article`, newest first, in one query.

        The story's own people, films and tags are read from `article` (the story
        page has them prefetched) and written into the query, so the database plans
        each kind knowing what it is looking for (related_ids_sql()). A story with
        none of them has no related stories and costs no query.
        """
        now = timezone.now()
        sql, params = related_ids_sql(
            article.pk,
            limit,
            now,
            people=[person.pk for person in article.people.all()],
            films=[film.pk for film in article.films.all()],
            tags=[tag.pk for tag in article.tags.all()],
        )
        if not sql:
            return self.none()
        return (
            self.live(now)
            .filter(pk__in=models.expressions.RawSQL(sql, params))
            .exclude(pk=article.pk)
            .order_by("-publish_at", "-pk")[:limit]
        )

    def newest_ids(self, *, featured=0, latest=0, per_section=0, section_ids=()):
        """The ids of the newest live stories (`latest`), the newest featured ones and
        each section's newest, for `filter(pk__in=...)`: a subquery where the
        database can glue LIMITs together, else a list.

        Each list is a prefix of the newest-first order, so sorting the stories of
        these ids newest first and filtering them gives every list whole.
        """
        live = self.live().order_by("-publish_at", "-pk")
        if connection.features.supports_slicing_ordering_in_compound:
            # One indexed LIMIT per list, glued together: cheap however big the archive.
            parts = [
                *([live.values("pk")[:latest]] if latest else []),
                *([live.filter(featured=True).values("pk")[:featured]] if featured else []),
                *(
                    live.filter(section_id=section_id).values("pk")[:per_section]
                    for section_id in (section_ids if per_section else ())
                ),
            ]
            if not parts:
                return []
            return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        ids = set(live.values_list("pk", flat=True)[:latest]) if latest else set()
        if featured:
            ids.update(live.filter(featured=True).values_list("pk", flat=True)[:featured])
        if per_section:
            ranked = live.annotate(
                rank_in_section=models.Window(
                    RowNumber(),
                    partition_by="section_id",
                    order_by=[models.F("publish_at").desc(), models.F("pk").desc()],
                )
            )
            ids.update(ranked.filter(rank_in_section__lte=per_section).values_list("pk", flat=True))
        return list(ids)

    def for_cards(self):
        """Everything a listing card shows (section, picture, byline names) in one query;
        the story's words stay in the database."""
        return (
            self.select_related("section", "hero_image")
            .defer("body", "body_text", "search_terms")
            .annotate(
                byline_data=byline_json(Authorship.objects.filter(article=OuterRef("pk"))),
                gallery_picture_data=lead_gallery_picture(),
            )
        )

    def for_review_links(self):
        """Reviews as a film's page links them, newest first: each with its section (for its
        address) and its critics (the byline but photographers) as JSON on its row."""
        return (
            self.select_related("section")
            .defer("body", "body_text", "search_terms")
            .annotate(
                critic_data=byline_json(
                    Authorship.objects.filter(article=OuterRef("pk")).exclude(
                        role=Authorship.Role.PHOTOGRAPHER
                    )
                )
            )
            .order_by("-publish_at", "-pk")
        )

    def with_tag_data(self):
        """Each story's tags as `tag_data`, a JSON list of [id, name, slug] on its own row:
        cheaper than prefetching taggit's managers, which cost a queryset per story."""
        return self.annotate(
            tag_data=json_list(
                TaggedItem.objects.filter(
                    content_type=article_content_type(), object_id=OuterRef("pk")
                ),
                "tag_id",
                "tag__name",
                "tag__slug",
            )
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

    class Format(models.TextChoices):
        """What kind of story it is; a review also carries a rating and the film it reviews."""

        NEWS = "news", "News"
        REVIEW = "review", "Review"
        INTERVIEW = "interview", "Interview"
        FEATURE = "feature", "Feature"
        OPINION = "opinion", "Opinion"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The last part of the story's address."
    )
    standfirst = models.TextField(
        max_length=600,
        blank=True,
        help_text="The sentence or two under the headline that sells the story.",
    )
    body = body_field()
    # A draft may wait for its section; a published story has one (constraint below).
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
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
    no_hero_image = models.BooleanField(
        "no picture",
        default=False,
        help_text="Publish without a hero image, on purpose.",
    )
    hero_caption = models.TextField(
        blank=True, help_text="Replaces the image's own caption on this story only."
    )
    lead_video_url = models.URLField(
        "lead video",
        max_length=500,
        blank=True,
        validators=[embeds.validate_video_url],
        help_text="Lead with a video instead of the picture: its address on YouTube, Vimeo "
        "or TikTok. The hero image becomes its poster.",
    )
    lead_gallery = models.ForeignKey(
        "media.Gallery",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lead_of_articles",
        help_text="Lead the story with a slideshow instead of the hero image (not with a "
        "lead video too). The hero image, if any, still shows on cards and when the story "
        "is shared.",
    )
    tags = BoundedTaggableManager(
        blank=True, help_text="Comma-separated. Each tag gets its own page."
    )
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
    format = models.CharField(
        max_length=10,
        choices=Format,
        default=Format.NEWS,
        help_text="A review also gives its rating and the film or series it reviews.",
    )
    # In half stars, 0 to 10 (core.ratings): 9 is four and a half stars.
    rating = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=RATING_CHOICES,
        help_text="Reviews only: the critic's verdict out of five stars, or none.",
    )
    # A review's film is kept: deleting the film is refused while a story reviews it
    # (core.in_use lists the reviews), rather than leaving a published review of nothing.
    reviewed_film = models.ForeignKey(
        "films.Film",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name="film or series reviewed",
        help_text="Reviews only: the film page links to the review and shows its stars.",
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
    version = version_field()
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
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True},
        help_text="Who on the desk looks after the story now.",
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
        # column, and its GIN index (0009 keeps it in the row); SQLite has no
        # tsvector, so neither is declared here.
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_live_idx"),
            # The admin's story list, newest first, with any filter: no sort of every row.
            models.Index(fields=["-publish_at", "-id"], name="article_newest_idx"),
            # Section fronts and rails: a section's newest live stories, straight from the index.
            models.Index(
                fields=["section", "status", "-publish_at", "-id"], name="article_section_live_idx"
            ),
            # The newest revision among live stories (sitemaps' lastmod), without a scan.
            models.Index(fields=["status", "-revised_at"], name="article_revised_idx"),
            # The news sitemap: stories first published in the last two days.
            models.Index(fields=["-first_published_at"], name="article_first_published_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "review", "published"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(publish_at__isnull=False),
                name="article_published_has_time",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(section__isnull=False),
                name="article_published_has_section",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    format__in=["news", "review", "interview", "feature", "opinion"]
                ),
                name="article_format_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__gte=HALF_STARS.start, rating__lte=HALF_STARS.stop - 1),
                name="article_rating_in_half_stars",
                violation_error_message="A rating is nought to five stars, in half stars.",
            ),
            models.CheckConstraint(
                condition=models.Q(format="review")
                | models.Q(rating__isnull=True, reviewed_film__isnull=True),
                name="article_rating_only_on_reviews",
                violation_error_message="Only a review has a rating and a film it reviews.",
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
        self._was_published = bool(stored and stored["status"] == self.Status.PUBLISHED)
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
        # Only a draft lacks a section, and a draft's only page is its staff preview.
        if self.section_id is None:
            return self.get_preview_url()
        return fast_reverse("articles:detail", section=self.section.slug, slug=self.slug)

    def clean(self):
        self.fill_publication_times()
        if self.lead_video_url and self.lead_gallery_id is not None:
            message = "A story leads with a video or a gallery, not both."
            raise ValidationError({"lead_gallery": message})

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

    def changes_public_pages(self):
        """Whether saving the story, or changing its byline or links, changes a page
        readers can see. Not for a story that is a draft and was one before its last
        save: editors saving drafts leave the cached pages alone. A published story
        counts even before its time comes, since cached pages expire when it is due.
        (Unpublishing is a save, and counts: the story was published before it.)"""
        return self.status == self.Status.PUBLISHED or getattr(self, "_was_published", False)

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
    def is_review(self):
        return self.format == self.Format.REVIEW

    @property
    def rating_text(self):
        """The rating in words, "4.5 out of 5 stars"; "" when there is none."""
        return rating_text(self.rating)

    @property
    def was_updated(self):
        """Revised well after publication: worth telling readers when."""
        return bool(
            self.publish_at
            and self.revised_at
            and self.revised_at - self.publish_at > UPDATE_WORTH_SHOWING
        )

    @cached_property
    def clean_body(self):
        """The stored body sanitised again on the way out, whatever got it into the database."""
        return sanitize_body(self.body)

    @cached_property
    def link_targets(self):
        """The live stories, people and films the body links to by reference (articles.links)."""
        return links.load_targets(links.refs_in(self.clean_body))

    @cached_property
    def body_html(self):
        """The body for templates: sanitised again, with library figures showing their image's
        current caption, credit and alt text, galleries their current pictures, links by
        reference their targets' addresses, and embeds as their static cards."""
        html = render_body(
            self.clean_body,
            link_targets=self.link_targets,
            embed_infos=self.embed_infos,
            galleries=self.galleries,
        )
        return mark_safe(html)  # noqa: S308 - nh3 output

    @property
    def lead_video(self):
        """The Embed the story leads with, or None."""
        return embeds.parse(self.lead_video_url) if self.lead_video_url else None

    def find_embeds(self):
        """Every Embed the story shows: the lead video, then the body's, each once."""
        found = [self.lead_video, *body_embeds(self.body)]
        return list({embed.key: embed for embed in found if embed}.values())

    @cached_property
    def shown_embeds(self):
        return self.find_embeds()

    @cached_property
    def embed_infos(self):
        """What oEmbed told us of the story's embeds, read in one query (none without embeds)."""
        return embed_details.infos(self.shown_embeds)

    @property
    def lead_video_info(self):
        video = self.lead_video
        return self.embed_infos.get(video.key) if video else None

    @cached_property
    def lead_video_card(self):
        """The lead video as readers first see it: the hero image as its poster, a button."""
        if (video := self.lead_video) is None:
            return ""
        return embed_details.card(
            video, self.lead_video_info, poster=self.hero_image, priority=True
        )

    @property
    def frame_origins(self):
        """The player hosts the story page must allow frames from (for its CSP)."""
        return embeds.frame_origins(self.shown_embeds)

    @cached_property
    def galleries(self):
        """{id: gallery} of the galleries the page shows (its lead and those in the body),
        with their pictures: one query for all of them, none for a story without."""
        return load_galleries({self.lead_gallery_id, *gallery_ids(self.body)})

    def shown_galleries(self):
        """The galleries readers see on the story's page, the lead first, then the body's in order."""
        ids = dict.fromkeys([self.lead_gallery_id, *gallery_ids(self.body)])
        galleries = [self.galleries.get(gallery_id) for gallery_id in ids]
        return [gallery for gallery in galleries if gallery is not None and gallery.shown_items()]

    @cached_property
    def lead_picture(self):
        """The story's picture for sharing and search engines: the hero image, else the
        first picture of the lead gallery."""
        if self.hero_image_id is not None or self.lead_gallery_id is None:
            return self.hero_image
        gallery = self.galleries.get(self.lead_gallery_id)
        items = gallery.shown_items() if gallery is not None else []
        return items[0].image if items else None

    @cached_property
    def card_picture(self):
        """The picture on the story's cards: the hero image, else the lead gallery's first.

        Stories from for_cards() carry that picture on their row; others ask for it."""
        if self.hero_image_id is not None or self.lead_gallery_id is None:
            return self.hero_image
        if "gallery_picture_data" not in self.__dict__:
            return self.lead_picture
        values = self.gallery_picture_data
        return Image.from_db(self._state.db, CARD_PICTURE_FIELDS, values) if values else None

    @cached_property
    def lead_gallery_html(self):
        """The lead gallery as a slideshow, or "" (no lead gallery, or none to show)."""
        gallery = self.galleries.get(self.lead_gallery_id)
        return gallery_html(gallery, dom_id="gallery-lead", slot="lead-gallery", lead=True)

    @cached_property
    def byline_names(self):
        """Who is in the byline, in order, as BylineName(person_id, name, slug).

        Read from the column for_cards() adds; other stories ask their authorships.
        """
        return self._byline_from("byline_data")

    @cached_property
    def critics(self):
        """Who wrote the review: the byline but its photographers, as BylineName.

        Read from the column for_review_links() adds; other stories ask their authorships.
        """
        return self._byline_from("critic_data", left_out=[Authorship.Role.PHOTOGRAPHER])

    def _byline_from(self, column, left_out=()):
        """BylineNames from `column` (a byline_json() annotation) when the query added it,
        else from the story's authorships but those in the `left_out` roles."""
        if column in self.__dict__:
            entries = sorted(self.__dict__[column] or [], key=lambda entry: (entry[0], entry[1]))
            return [BylineName(*entry[2:]) for entry in entries]
        return [
            BylineName(authorship.person_id, authorship.person.name, authorship.person.slug)
            for authorship in self.authorships.all()
            if authorship.role not in left_out
        ]

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
    # A byline outlives no one by accident: merge a duplicate person instead (people.merging).
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="authorships"
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


# How long a note may be: a sentence or two, as readers see it at the end of a story.
CORRECTION_MAX_LENGTH = 1000
# A note dated a little ahead of the server's clock (another machine's) is not in the future.
CLOCK_TOLERANCE = timedelta(minutes=1)


def plain_note(text):
    """A note as one plain paragraph: control characters dropped, whitespace single."""
    printable = "".join(char if char.isprintable() else " " for char in text or "")
    return " ".join(printable.split())


class CorrectionQuerySet(models.QuerySet):
    def on_live_stories(self, now=None):
        """Notes on stories readers can see now; a draft's or a scheduled story's never."""
        return self.filter(
            article__status=Article.Status.PUBLISHED,
            article__publish_at__lte=now or timezone.now(),
        )

    def corrections(self):
        """Corrections only, not updates."""
        return self.filter(kind=Correction.Kind.CORRECTION)

    def listed(self):
        """What the corrections page and its feeds list: the corrections of live stories,
        newest first, with what their links need (story, section) in the same query."""
        return (
            self.corrections()
            .on_live_stories()
            .select_related("article__section")
            .only(
                "kind",
                "text",
                "published_at",
                "created_at",
                "article__headline",
                "article__slug",
                "article__section__name",
                "article__section__slug",
            )
            .order_by("-published_at", "-pk")
        )


class Correction(models.Model):
    """A dated note at the end of a story: what was corrected, or what has changed since.

    Readers see it at the end of the story; a correction is also listed on the
    corrections page and its feeds and in the story's structured data. Saving or
    deleting one is a change to the story (articles.signals.story_note_changed).
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(
        max_length=12,
        choices=Kind,
        default=Kind.CORRECTION,
        help_text="A correction fixes an error and is listed on the corrections page; "
        "an update adds news.",
    )
    text = models.CharField(
        max_length=CORRECTION_MAX_LENGTH,
        help_text="Plain text, shown as written, e.g. “An earlier version of this story "
        "misstated the release date.”",
    )
    published_at = models.DateTimeField(
        "date",
        default=timezone.now,
        help_text="When the story was corrected or updated; not in the future.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["published_at", "pk"]
        get_latest_by = "published_at"
        verbose_name = "correction or update"
        verbose_name_plural = "corrections and updates"
        indexes = [
            # The corrections page and feeds: newest first, without a sort of every note.
            models.Index(fields=["-published_at", "-id"], name="correction_newest_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["correction", "update"]), name="correction_kind_valid"
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="correction_has_text"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text}"

    def save(self, *args, **kwargs):
        self.text = plain_note(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"correction-{self.pk}"

    def clean(self):
        self.text = plain_note(self.text)
        if not self.text:
            raise ValidationError({"text": "Say what was corrected or updated."})
        if self.published_at is None:
            return
        if self.published_at > timezone.now() + CLOCK_TOLERANCE:
            raise ValidationError({"published_at": "A correction cannot be dated in the future."})
        # A missing story raises RelatedObjectDoesNotExist, an AttributeError.
        first = getattr(getattr(self, "article", None), "first_published_at", None)
        if first is not None and self.published_at < first:
            raise ValidationError(
                {"published_at": "A correction cannot be dated before the story was published."}
            )


class FormerSlug(core_models.FormerSlug):
    """An address a story had before its slug changed; it redirects to the story for good."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="former_slugs")


def tags_on_live_stories():
    """The tags that have a page: those carried by at least one live story.

    A scalar subquery per tag, not a join: it stops at the tag's first row on a
    live story, so a list ordered by slug reads no more tags than it shows.
    """
    on_live_story = TaggedItem.objects.filter(
        Exists(Article.objects.live().filter(pk=OuterRef("object_id"))),
        content_type=article_content_type(),
        tag=OuterRef("pk"),
    ).values("pk")[:1]
    return Tag.objects.alias(live_item=models.Subquery(on_live_story)).filter(
        live_item__isnull=False
    )


def live_byline_person_ids(now=None):
    """A subquery for filter(pk__in=...): the ids of the people in the byline of a live story.

    The authors directory lists these among thousands of people. Asked as a join,
    the database reads every byline of the archive to find them (60 ms and more at
    100,000 stories); this walks the bylines' person index one person at a time
    (a recursive query: each step finds the next person id after the last), so it
    reads one index entry per person who ever had a byline, and checks each of
    them for a live story from their newest-indexed bylines. Written as SQL for
    the recursion; PostgreSQL and SQLite both run it. The live condition is
    live()'s, as in related_ids_sql().
    """
    authorship = Authorship._meta.db_table
    article = Article._meta.db_table
    sql = (
        f"WITH RECURSIVE byline(person_id) AS ("
        f" SELECT MIN(person_id) FROM {authorship}"
        f" UNION ALL"
        f" SELECT (SELECT MIN(person_id) FROM {authorship} WHERE person_id > byline.person_id)"
        f" FROM byline WHERE byline.person_id IS NOT NULL"
        f") SELECT b.person_id FROM byline b WHERE b.person_id IS NOT NULL AND EXISTS ("
        f"SELECT 1 FROM {authorship} au INNER JOIN {article} a ON a.id = au.article_id"
        f" WHERE au.person_id = b.person_id AND a.status = %s AND a.publish_at <= %s)"
    )
    return models.expressions.RawSQL(sql, [Article.Status.PUBLISHED, now or timezone.now()])


def related_ids_sql(article_id, limit, now, *, people=(), films=(), tags=()):
    """SQL and parameters for the ids of the newest `limit` live stories sharing one of
    `people` with the story `article_id`, then `films`, then `tags` (ids may repeat);
    ("", []) when all three are empty.

    The ids are written into the query rather than read by a subquery, so the
    planner sees which person or tag it looks for: for a common tag it walks the
    publication index newest first and stops at `limit`; for a rare one it reads
    the few stories carrying it and sorts them. (Planned blind, a story whose only
    tag was rare walked the whole archive: 600 ms at 100,000 stories.) Written as
    SQL because the ORM spent several milliseconds a page building the same
    subqueries; PostgreSQL and SQLite both run it as is.
    """
    article_table = Article._meta.db_table
    live = "a.status = %s AND a.publish_at <= %s AND a.id <> %s"
    parts, params = [], []
    links = [
        (Article.people.through._meta.db_table, "article_id", "person_id", people, "", []),
        (Article.films.through._meta.db_table, "article_id", "film_id", films, "", []),
        (
            TaggedItem._meta.db_table,
            "object_id",
            "tag_id",
            tags,
            " AND l.content_type_id = (SELECT id FROM django_content_type"
            " WHERE app_label = %s AND model = %s)",
            ["articles", "article"],
        ),
    ]
    for table, story, other, shared, extra, extra_params in links:
        if not shared:
            continue
        placeholders = ", ".join(["%s"] * len(shared))
        parts.append(
            f"SELECT id FROM (SELECT a.id FROM {article_table} a WHERE {live}"
            f" AND EXISTS (SELECT 1 FROM {table} l WHERE l.{story} = a.id{extra}"
            f" AND l.{other} IN ({placeholders}))"
            f" ORDER BY a.publish_at DESC, a.id DESC LIMIT %s) related_{len(parts)}"
        )
        params += [Article.Status.PUBLISHED, now, article_id, *extra_params, *shared, limit]
    return " UNION ALL ".join(parts), params
