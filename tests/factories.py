"""Small builders for test data: each makes a valid object and takes overrides."""

import io
import itertools
from datetime import timedelta

from django.apps import apps as django_apps
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, Authorship, Section
from films.models import Availability, Credit, Film, Platform
from media.models import Gallery, GalleryItem, Image
from people.models import Person
from sister_sites.models import SisterLink, SisterSite
from staff.roles import EDITORS, WRITERS, sync_roles

_numbers = itertools.count(1)


def unique(prefix):
    return f"{prefix}-{next(_numbers)}"


def image_bytes(size=(64, 48), color=(200, 40, 40), fmt="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def uploaded_image(name="photo.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")


def make_image(**overrides):
    fields = {
        "title": unique("Image"),
        "alt_text": "A test picture",
        "caption": "A caption",
        "credit": "PHOTO: Metro",
        "file": uploaded_image(),
    } | overrides
    return Image.objects.create(**fields)


def make_gallery(images=(), **overrides):
    """A gallery of `images`, in that order (each image, or (image, {item overrides}))."""
    gallery = Gallery.objects.create(**({"title": unique("Gallery").title()} | overrides))
    for order, image in enumerate(images, start=1):
        image, item = image if isinstance(image, tuple) else (image, {})
        GalleryItem.objects.create(gallery=gallery, image=image, order=order, **item)
    return gallery


def make_section(**overrides):
    slug = unique("section")
    return Section.objects.create(**({"name": slug.title(), "slug": slug} | overrides))


def make_person(**overrides):
    slug = unique("person")
    return Person.objects.create(**({"name": slug.title(), "slug": slug} | overrides))


def make_platform(**overrides):
    slug = unique("platform")
    return Platform.objects.create(**({"name": slug.title(), "slug": slug} | overrides))


def make_film(**overrides):
    slug = unique("film")
    return Film.objects.create(**({"title": slug.title(), "slug": slug} | overrides))


def make_credit(film, person, **overrides):
    return Credit.objects.create(film=film, person=person, **overrides)


def make_availability(film, **overrides):
    """Where to watch `film`: streaming in the site's region on a new platform, by default."""
    if "platform" not in overrides and overrides.get("how") != Availability.How.CINEMA:
        overrides["platform"] = make_platform()
    return Availability.objects.create(film=film, **overrides)


def make_article(*, live=False, authors=(), **overrides):
    """A draft by default; `live=True` makes it published an hour ago."""
    slug = unique("story")
    fields = {
        "headline": f"Headline {slug}",
        "slug": slug,
        "standfirst": "A standfirst.",
        "body": "<p>Body text.</p>",
    } | overrides
    if "section" not in fields:
        fields["section"] = make_section()
    if live:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    article = Article.objects.create(**fields)
    for order, person in enumerate(authors):
        Authorship.objects.create(article=article, person=person, order=order)
    return article


def make_review(film, *, rating=8, critics=None, live=True, **overrides):
    """A review of `film` (published an hour ago unless `live=False`), `rating` in half
    stars (8 is four stars; None for none), by `critics` (a new critic by default)."""
    if critics is None:
        critics = [make_person(name=unique("Critic"), description="film critic")]
    fields = {"headline": f"{film.title} review", "no_hero_image": True} | overrides
    return make_article(
        live=live,
        authors=critics,
        format=Article.Format.REVIEW,
        rating=rating,
        reviewed_film=film,
        **fields,
    )


def make_sister_site(**overrides):
    slug = unique("sister")
    fields = {"name": slug.title(), "slug": slug, "home_url": f"https://{slug}.example/"}
    return SisterSite.objects.create(**(fields | overrides))


def make_sister_link(site, **overrides):
    slug = unique("link")
    fields = {"title": slug.title(), "url": f"{site.home_url}{slug}/"}
    return SisterLink.objects.create(site=site, **(fields | overrides))


def make_user(role=None, **overrides):
    """A staff login; role is "writer", "editor" or None (superuser if overrides say so)."""
    username = overrides.pop("username", unique("user"))
    user = User.objects.create_user(
        username=username, password="pw-for-tests", is_staff=True, **overrides
    )
    if role:
        name = {"writer": WRITERS, "editor": EDITORS}[role]
        if not Group.objects.filter(name=name).exists():
            sync_roles(django_apps)  # A browser test's flushed database has lost them.
        user.groups.add(Group.objects.get(name=name))
    return user


def article_form_data(section, **overrides):
    """What the admin's article form posts for a plain draft, with overrides. A publishing
    button (`_save_draft="1"`, `_publish="1"`…) sets the status; no field does."""
    data = {
        "headline": "A thriller arrives",
        "slug": "a-thriller-arrives",
        "standfirst": "The star gives us the scoop.",
        "body": "<p>Words.</p>",
        "hero_caption": "",
        "section": section.pk,
        "format": "news",
        "reviewed_film": "",
        "rating": "",
        "tags": "thrillers, streaming",
        "publish_at_0": "",
        "publish_at_1": "",
        "seo_title": "",
        "seo_description": "",
        "authorships-TOTAL_FORMS": "0",
        "authorships-INITIAL_FORMS": "0",
        "authorships-MIN_NUM_FORMS": "0",
        "authorships-MAX_NUM_FORMS": "1000",
        "desk_notes-TOTAL_FORMS": "0",
        "desk_notes-INITIAL_FORMS": "0",
        "desk_notes-MIN_NUM_FORMS": "0",
        "desk_notes-MAX_NUM_FORMS": "1000",
        # Shown on stories readers have seen (articles.admin.CorrectionInline).
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


def byline_as_shown(story):
    """What the form posts for a story's stored byline, unchanged."""
    data = {"authorships-TOTAL_FORMS": "0", "authorships-INITIAL_FORMS": "0"}
    for number, authorship in enumerate(story.authorships.all()):
        data |= {
            f"authorships-{number}-id": authorship.pk,
            f"authorships-{number}-article": story.pk,
            f"authorships-{number}-person": authorship.person_id,
            f"authorships-{number}-role": authorship.role,
            f"authorships-{number}-order": authorship.order,
        }
        data["authorships-TOTAL_FORMS"] = data["authorships-INITIAL_FORMS"] = str(number + 1)
    return data


def shown_versions(*objs):
    """What the admin's change list posts with an action: the version of each row it showed."""
    return {"_versions": [f"{obj.pk}:{obj.version}" for obj in objs]}


def started_from(obj):
    """What a change form posts: the version the editor opened."""
    obj.refresh_from_db(fields=["version"])
    return {"base_version": obj.version}
