"""Turns the demo descriptions into rows, creating only what is missing.

Rows are matched by their natural keys (slug, name, title or URL). A row that
already exists is left alone, unless `refresh` asks for its words to be
rewritten from the demo data; dates, statuses and image files are never
rewritten. Credits and bylines are matched on their unique parts, so a second
run finds them all in place.
"""

import re
from collections import Counter
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from articles.models import Article, Authorship, Correction, Section
from core import embeds
from demo import images
from demo.films import FILMS, GENRES, PLATFORMS
from demo.people import PEOPLE
from demo.scenes import FOCAL_POINTS
from demo.sections import SECTIONS
from demo.sister_sites import SISTER_SITES
from demo.stories import STORIES
from films.models import Availability, Credit, Film, Genre, Platform
from media.models import Gallery, GalleryItem, Image
from people.models import Person
from sister_sites.models import SisterLink, SisterSite

FIGURE_MARKER = re.compile(r"\[\[figure (\d+)\]\]")
GALLERY_MARKER = re.compile(r"\[\[gallery (\d+)\]\]")
EMBED_MARKER = re.compile(r"\[\[embed (\S+)\]\]")
BETWEEN_BLOCKS = re.compile(r">\s*\n\s*<")

FIGURE_HTML = (
    '<figure class="media-image" data-image-id="{}"><img src="{}" alt="{}">'
    '<figcaption>{} <span class="credit">{}</span></figcaption></figure>'
)
# As the story editor stores them: the library or the registry fills them in when drawn.
GALLERY_HTML = '<figure class="media-gallery" data-gallery-id="{}"></figure>'
EMBED_HTML = '<figure class="embed" data-embed-provider="{}" data-embed-id="{}"></figure>'

# The kinds of row the summary reports, in its order.
KINDS = [
    ("sections", "sections"),
    ("people", "people"),
    ("platforms", "platforms"),
    ("genres", "genres"),
    ("films", "films and series"),
    ("credits", "credits"),
    ("watch", "where-to-watch entries"),
    ("stories", "stories"),
    ("bylines", "bylines"),
    ("notes", "corrections and updates"),
    ("images", "images"),
    ("galleries", "galleries"),
    ("gallery_items", "gallery pictures"),
    ("sister_sites", "sister sites"),
    ("sister_links", "sister links"),
]


class DemoLoader:
    """One run of the loader: call `load()` inside a transaction, then `summary(elapsed)`."""

    def __init__(self, *, refresh=False, now=None):
        self.refresh = refresh
        self.now = now or timezone.now()
        self.created = Counter()
        self.present = Counter()
        self.restored_files = 0
        self.new_files = []  # storage names written by this run
        self.images = {}  # picture title -> Image
        self.galleries = {}  # gallery title -> Gallery
        self.tags = {}  # tag name -> Tag
        self.new_image_ids = set()
        self.sections = {}
        self.people = {}
        self.platforms = {}
        self.genres = {}
        self.films = {}

    def load(self):
        self.load_sections()
        self.load_people()
        self.load_platforms_and_genres()
        self.load_films()
        self.load_stories()
        self.load_sister_sites()

    def discard_new_files(self):
        """Delete the files this run wrote: for when its transaction is rolled back."""
        for name in self.new_files:
            default_storage.delete(name)

    # Rows

    def _upsert(self, kind, model, match, fields, initial=None, before_create=None):
        """The row matching `match`, created from `fields` (and `initial`) if missing."""
        row = model.objects.filter(match).first()
        if row is None:
            row = model(**fields, **(initial or {}))
            if before_create:
                before_create(row)
            row.save()
            self.created[kind] += 1
            return row, True
        self.present[kind] += 1
        if self.refresh and any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
        return row, False

    def _link(self, kind, model, defaults, **unique_parts):
        """A credit or byline: created if missing, counted either way."""
        _, created = model.objects.get_or_create(**unique_parts, defaults=defaults)
        (self.created if created else self.present)[kind] += 1

    def image_for(self, picture):
        if picture.title in self.images:
            return self.images[picture.title]
        focal_x, focal_y = FOCAL_POINTS.get(picture.scene, (0.5, 0.5))
        image, created = self._upsert(
            "images",
            Image,
            Q(title=picture.title),
            {
                "title": picture.title,
                "alt_text": picture.alt_text,
                "caption": picture.caption,
                "credit": picture.credit,
            },
            initial={"focal_point_x": focal_x, "focal_point_y": focal_y},
            before_create=lambda image: self._draw_file(image, picture),
        )
        if created:
            self.new_image_ids.add(image.pk)
            self.set_tags(image, picture.tags, created=True)
        elif not image.file or not default_storage.exists(image.file.name):
            # The row survived but its file did not (a cleared media folder).
            self._draw_file(image, picture)
            image.save()
            self.restored_files += 1
        self.images[picture.title] = image
        return image

    def gallery_for(self, spec):
        """The gallery `spec` describes, with each of its pictures in place."""
        if spec.title in self.galleries:
            return self.galleries[spec.title]
        gallery, _ = self._upsert("galleries", Gallery, Q(title=spec.title), {"title": spec.title})
        for order, item in enumerate(spec.items):
            self._link(
                "gallery_items",
                GalleryItem,
                {"order": order, "caption": item.caption, "credit": item.credit},
                gallery=gallery,
                image=self.image_for(item.picture),
            )
        self.galleries[spec.title] = gallery
        return gallery

    def _draw_file(self, image, picture):
        name = f"{slugify(picture.title)[:80]}.jpg"
        # The content needs its own name too, or Django cannot measure the
        # image and leaves width and height empty.
        image.file.save(name, ContentFile(images.render(picture), name=name), save=False)
        self.new_files.append(image.file.name)

    def set_tags(self, row, names, created):
        """Tag a row; a new row's tags go in with one insert instead of taggit's one per tag."""
        tags = self.tags_named(names)
        if created:
            TaggedItem.objects.bulk_create(TaggedItem(content_object=row, tag=tag) for tag in tags)
        else:
            row.tags.set(tags)

    def tags_named(self, names):
        """Tag rows for these names, each looked up once per run rather than once per use."""
        for name in names:
            if name not in self.tags:
                self.tags[name] = Tag.objects.filter(name__iexact=name).first() or (
                    Tag.objects.create(name=name)
                )
        return [self.tags[name] for name in names]

    def load_sections(self):
        for spec in SECTIONS:
            self.sections[spec.slug], _ = self._upsert(
                "sections",
                Section,
                Q(slug=spec.slug) | Q(name=spec.name),
                {
                    "name": spec.name,
                    "slug": spec.slug,
                    "description": spec.description,
                    "order": spec.order,
                },
            )

    def load_people(self):
        for spec in PEOPLE:
            self.people[spec.slug], _ = self._upsert(
                "people",
                Person,
                Q(slug=spec.slug),
                {
                    "name": spec.name,
                    "slug": spec.slug,
                    "description": spec.description,
                    "bio": spec.bio,
                    "birth_date": date.fromisoformat(spec.birth_date) if spec.birth_date else None,
                    "website": spec.website,
                    "portrait": self.image_for(spec.portrait),
                },
            )

    def load_platforms_and_genres(self):
        for name, slug, url in PLATFORMS:
            self.platforms[name], _ = self._upsert(
                "platforms",
                Platform,
                Q(slug=slug) | Q(name=name),
                {"name": name, "slug": slug, "url": url},
            )
        for name in GENRES:
            slug = slugify(name)
            self.genres[name], _ = self._upsert(
                "genres", Genre, Q(slug=slug) | Q(name=name), {"name": name, "slug": slug}
            )

    def load_films(self):
        for spec in FILMS:
            film, created = self._upsert(
                "films",
                Film,
                Q(slug=spec.slug),
                {
                    "title": spec.title,
                    "slug": spec.slug,
                    "kind": spec.kind,
                    "platform": self.platforms[spec.platform],
                    "runtime_minutes": spec.runtime_minutes,
                    "rating": spec.rating,
                    "synopsis": spec.synopsis,
                    "poster": self.image_for(spec.poster),
                },
                initial={"release_date": (self.now + timedelta(days=spec.release_in_days)).date()},
            )
            if created or self.refresh:
                film.genres.set([self.genres[name] for name in spec.genres])
            for order, (person, character) in enumerate(spec.cast):
                self._link(
                    "credits",
                    Credit,
                    {"billing_order": order},
                    film=film,
                    person=self.people[person],
                    role=Credit.Role.ACTOR,
                    character_name=character,
                )
            for order, (person, role) in enumerate(spec.crew, start=len(spec.cast)):
                self._link(
                    "credits",
                    Credit,
                    {"billing_order": order},
                    film=film,
                    person=self.people[person],
                    role=role,
                    character_name="",
                )
            self.load_watch(film, spec)
            self.films[spec.slug] = film

    def load_watch(self, film, spec):
        for order, watch in enumerate(spec.watch):
            platform = self.platforms[watch.platform] if watch.platform else None
            available_from = None
            if watch.after_release_days is not None:
                available_from = film.release_date + timedelta(days=watch.after_release_days)
            self._upsert(
                "watch",
                Availability,
                Q(film=film, region=watch.region, how=watch.how, platform=platform),
                {
                    "film": film,
                    "region": watch.region,
                    "how": watch.how,
                    "platform": platform,
                    "url": watch.url,
                    "ordering": order,
                },
                initial={"available_from": available_from},
            )

    def load_stories(self):
        for spec in STORIES:
            publish_at = None
            if spec.age_days is not None:
                publish_at = self.now - timedelta(days=spec.age_days)
            hero = self.image_for(spec.hero)
            article, created = self._upsert(
                "stories",
                Article,
                Q(slug=spec.slug),
                {
                    "headline": spec.headline,
                    "slug": spec.slug,
                    "standfirst": spec.standfirst,
                    "body": self.render_body(spec),
                    "section": self.sections[spec.section],
                    "hero_image": hero,
                    "hero_caption": spec.hero_caption,
                    "featured": spec.featured,
                    "format": spec.format,
                    "rating": spec.rating,
                    "reviewed_film": self.films[spec.reviewed_film] if spec.reviewed_film else None,
                    "lead_video_url": spec.lead_video,
                    "lead_gallery": self.gallery_for(spec.lead_gallery)
                    if spec.lead_gallery
                    else None,
                },
                initial={"status": spec.status, "publish_at": publish_at},
            )
            if created or self.refresh:
                self.set_tags(article, spec.tags, created)
                article.people.set([self.people[slug] for slug in spec.people])
                article.films.set([self.films[slug] for slug in spec.films])
            if created and publish_at:
                self._backdate(article, hero, spec, publish_at)
            for order, byline in enumerate(spec.bylines):
                self._link(
                    "bylines",
                    Authorship,
                    {"order": order},
                    article=article,
                    person=self.people[byline.person],
                    role=byline.role,
                )
            self.load_notes(article, spec)

    def load_notes(self, article, spec):
        """Corrections and updates, dated after the story went live and never ahead of now."""
        if not spec.notes or not article.first_published_at:
            return
        for note in spec.notes:
            dated = min(
                article.first_published_at + timedelta(days=note.after_days),
                self.now - timedelta(minutes=5),
            )
            self._upsert(
                "notes",
                Correction,
                Q(article=article, text=note.text),
                {"article": article, "kind": note.kind, "text": note.text},
                initial={"published_at": max(dated, article.first_published_at)},
            )

    def render_body(self, spec):
        """The body's HTML, with each marker replaced by the image, gallery or embed it names."""

        def figure(match):
            image = self.image_for(spec.figures[int(match.group(1)) - 1])
            return format_html(
                FIGURE_HTML, image.pk, image.file.url, image.alt_text, image.caption, image.credit
            )

        def gallery(match):
            return format_html(
                GALLERY_HTML, self.gallery_for(spec.galleries[int(match.group(1)) - 1]).pk
            )

        def embed(match):
            found = embeds.parse(match.group(1))
            if found is None:
                raise ValueError(f"Metro cannot embed {match.group(1)} (story {spec.slug})")
            return format_html(EMBED_HTML, found.provider.key, found.id)

        body = FIGURE_MARKER.sub(figure, spec.body.strip())
        body = GALLERY_MARKER.sub(gallery, body)
        body = EMBED_MARKER.sub(embed, body)
        return BETWEEN_BLOCKS.sub("><", body)

    def _backdate(self, article, hero, spec, publish_at):
        """Make a new story's history look lived-in: written, and its pictures filed, before it ran."""
        written = min(publish_at, self.now) - timedelta(hours=5)
        Article.objects.filter(pk=article.pk).update(created_at=written, updated_at=written)
        pictures = [hero] + [self.images[picture.title] for picture in spec.figures]
        for gallery in (*spec.galleries, *filter(None, [spec.lead_gallery])):
            pictures += [self.images[item.picture.title] for item in gallery.items]
        Image.objects.filter(
            pk__in=[image.pk for image in pictures if image.pk in self.new_image_ids],
            uploaded_at__gt=written,
        ).update(uploaded_at=written - timedelta(hours=2))

    def load_sister_sites(self):
        for spec in SISTER_SITES:
            site, _ = self._upsert(
                "sister_sites",
                SisterSite,
                Q(slug=spec.slug) | Q(name=spec.name),
                {
                    "name": spec.name,
                    "slug": spec.slug,
                    "home_url": spec.home_url,
                    "feed_url": spec.feed_url,
                    "logo": self.image_for(spec.logo),
                    "order": spec.order,
                },
            )
            for link in spec.links:
                url = spec.home_url + link.path
                self._upsert(
                    "sister_links",
                    SisterLink,
                    Q(site=site, url=url),
                    {
                        "site": site,
                        "url": url,
                        "title": link.title,
                        "pinned": link.pinned,
                        "hidden": link.hidden,
                    },
                    initial={"published_at": self.now - timedelta(days=link.age_days)},
                )

    # Reporting

    def summary(self, elapsed):
        """Two lines for the console: what the demo holds, and the states of its stories."""
        counts = ", ".join(
            f"{self.created[kind] + self.present[kind]} {label}" for kind, label in KINDS
        )
        totals = f"created {self.created.total()}, already present {self.present.total()}"
        if self.restored_files:
            totals += f", {self.restored_files} missing image files redrawn"
        stories = Article.objects.filter(slug__in=[spec.slug for spec in STORIES])
        return [
            f"Demo content: {counts} ({totals}) in {elapsed:.1f} s.",
            f"Stories: {stories.live(self.now).count()} live, "
            f"{stories.scheduled(self.now).count()} scheduled, "
            f"{stories.filter(status=Article.Status.REVIEW).count()} in review, "
            f"{stories.filter(status=Article.Status.DRAFT).count()} drafts.",
        ]
