"""The demo loader: a complete newsroom on the first run, nothing new on the next."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Authorship, Correction, Section
from articles.richtext import sanitize_body
from films.models import Availability, Credit, Film, Genre, Platform
from media.models import Gallery, GalleryItem, Image
from people.models import Person
from sister_sites.models import SisterLink, SisterSite

EVERY_MODEL = [
    Section,
    Person,
    Platform,
    Genre,
    Film,
    Credit,
    Availability,
    Article,
    Authorship,
    Correction,
    Image,
    Gallery,
    GalleryItem,
    Tag,
    TaggedItem,
    SisterSite,
    SisterLink,
]

FIGURE = re.compile(r'<figure class="media-image" data-image-id="(\d+)"><img src="([^"]+)"')
INTERNAL_LINK = re.compile(r'href="/([\w-]+)/([\w-]+)/"')


def load_demo():
    output = StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def row_counts():
    return {model.__name__: model.objects.count() for model in EVERY_MODEL}


@pytest.fixture(autouse=True)
def debug_on(settings):
    """As under `make run`: the loader refuses to publish invented stories with DEBUG off."""
    settings.DEBUG = True


@pytest.fixture
def demo(db):
    return load_demo()


@pytest.mark.django_db
def test_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("load_demo", stdout=StringIO())
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_second_run_adds_nothing_and_leaves_files_alone():
    first_output = load_demo()
    counts = row_counts()
    files = dict(Image.objects.values_list("pk", "file"))
    modified = {name: default_storage.get_modified_time(name) for name in files.values()}

    second_output = load_demo()

    assert row_counts() == counts
    assert dict(Image.objects.values_list("pk", "file")) == files
    assert {name: default_storage.get_modified_time(name) for name in files.values()} == modified
    assert "already present 0)" in first_output
    assert "(created 0, already present" in second_output


def test_the_newsroom_is_complete_and_valid(demo):
    assert Section.objects.count() >= 4
    assert Person.objects.count() >= 12
    assert Platform.objects.count() >= 6
    assert Genre.objects.count() >= 4
    assert Article.objects.count() >= 32
    assert all(section.articles.exists() for section in Section.objects.all())
    staff = Person.objects.filter(description__iregex=r"writer|critic|editor|reporter")
    assert staff.count() >= 3
    assert not Person.objects.filter(user__isnull=False).exists()
    assert not Person.objects.filter(portrait=None).exists()

    assert SisterSite.objects.count() >= 3
    assert all(".example/" in site.home_url for site in SisterSite.objects.all())
    assert SisterLink.objects.count() >= 5
    assert SisterLink.objects.filter(pinned=True).exists()
    assert SisterLink.objects.get(hidden=True) not in SisterLink.objects.visible()

    # SQLite ignores max_length; PostgreSQL would not.
    for model in [Section, Person, Platform, Genre, Film, Credit, Article, Image, SisterSite]:
        for row in model.objects.all():
            row.full_clean()
    for link in SisterLink.objects.all():
        link.full_clean()


def test_stories_are_in_every_state_with_bylines_and_subjects(demo):
    now = timezone.now()
    live = Article.objects.live()
    assert live.count() >= 25
    assert all(now - timedelta(days=61) < story.publish_at for story in live)
    assert live.filter(featured=True).count() >= 4
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 3
    assert Article.objects.filter(status=Article.Status.REVIEW).count() == 2
    scheduled = Article.objects.scheduled()
    assert scheduled.count() == 2
    assert all(now < story.publish_at < now + timedelta(days=4) for story in scheduled)

    for story in Article.objects.all():
        assert story.hero_image, story
        assert story.authorships.exists(), story
        assert story.tags.exists(), story
        assert story.people.exists() or story.films.exists(), story
    authors = Authorship.objects.filter(role=Authorship.Role.AUTHOR)
    assert any(authors.filter(article=story).count() == 2 for story in Article.objects.all())
    assert Authorship.objects.filter(role=Authorship.Role.PHOTOGRAPHER).exists()

    # The typical story: an actor gives the scoop on a new streaming thriller.
    scoop = Article.objects.get(slug="odile-brannagh-the-salt-ledger-interview")
    assert scoop.is_live
    assert scoop.hero_image.credit == "PHOTO: Netflix"
    assert "Odile Brannagh" in scoop.caption
    assert scoop.people.filter(name="Odile Brannagh").exists()
    assert scoop.films.filter(platform__name="Netflix").exists()


def test_films_have_posters_platforms_cast_and_crew(demo):
    assert Film.objects.filter(credits__role=Credit.Role.ACTOR).distinct().count() >= 6
    for film in Film.objects.all():
        assert film.poster and film.platform and film.release_date, film
        assert film.runtime_minutes and film.rating and film.synopsis, film
        assert film.genres.exists(), film
        roles = set(film.credits.values_list("role", flat=True))
        assert {Credit.Role.DIRECTOR, Credit.Role.WRITER} <= roles, film
        actors = film.credits.filter(role=Credit.Role.ACTOR)
        assert all(credit.character_name for credit in actors), film
        orders = list(actors.values_list("billing_order", flat=True))
        assert orders == sorted(set(orders)), film


def test_story_bodies_keep_their_markup_figures_and_links(demo):
    stories = list(Article.objects.select_related("section"))
    for story in stories:
        assert sanitize_body(story.body) == story.body, story
        assert "<h2>" in story.body or story.status == Article.Status.DRAFT, story
    with_pull_quotes = [s for s in stories if '<blockquote class="pull-quote">' in s.body]
    assert len(with_pull_quotes) >= len(stories) * 2 // 3
    assert sum("<ul>" in s.body or "<ol>" in s.body for s in stories) >= 5

    figures = [match for story in stories for match in FIGURE.findall(story.body)]
    assert len(figures) >= 5
    for image_id, src in figures:
        assert src == Image.objects.get(pk=image_id).file.url

    live = {(story.section.slug, story.slug): story for story in Article.objects.live()}
    for story in live.values():
        for target in INTERNAL_LINK.findall(story.body):
            assert target in live, (story, target)
            assert live[target].publish_at < story.publish_at, (story, target)


def test_every_image_is_stored_at_a_realistic_size(demo):
    for image in Image.objects.all():
        assert default_storage.exists(image.file.name), image
        assert image.alt_text and image.caption and image.credit, image
    sizes = set(Image.objects.values_list("width", "height"))
    assert {(1600, 900), (1200, 800), (800, 1200), (600, 600)} <= sizes


def test_later_runs_keep_edits_redraw_lost_files_and_refresh_on_request(demo):
    story = Article.objects.get(slug="marlow-fen-review")
    Article.objects.filter(pk=story.pk).update(headline="Edited by a newcomer")
    poster = Image.objects.get(title="Marlow Fen, poster")
    default_storage.delete(poster.file.name)

    output = load_demo()

    assert Article.objects.get(pk=story.pk).headline == "Edited by a newcomer"
    poster.refresh_from_db()
    assert default_storage.exists(poster.file.name)
    assert "1 missing image files redrawn" in output

    call_command("load_demo", "--refresh", stdout=StringIO())

    refreshed = Article.objects.get(pk=story.pk)
    assert refreshed.headline == story.headline
    assert refreshed.publish_at == story.publish_at


@pytest.mark.django_db
def test_demo_stories_are_found_by_their_tags():
    call_command("load_demo", verbosity=0)
    story = Article.objects.live().filter(tags__isnull=False).first()
    tag = story.tags.first()
    story.refresh_from_db()
    assert tag.name.lower() in story.search_terms.lower()
