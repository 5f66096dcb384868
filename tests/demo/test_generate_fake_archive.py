"""generate_fake_archive: a realistic archive in bulk, that the site and its search can read."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from taggit.models import TaggedItem

from articles.models import Article, Authorship, Section
from articles.richtext import sanitize_body
from films.models import Credit, Film
from media.models import Image
from people.models import Person

pytestmark = pytest.mark.django_db

STORIES = 300


def generate(**options):
    out = StringIO()
    options = {"articles": STORIES, "seed": 1, "force": True} | options
    call_command("generate_fake_archive", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def archive():
    return generate()


def test_it_builds_the_archive(archive):
    assert Article.objects.count() == STORIES
    assert Section.objects.count() == 5
    assert set(Article.objects.values_list("section", flat=True)) == set(
        Section.objects.values_list("pk", flat=True)
    )
    assert Person.objects.count() == 200
    assert Film.objects.count() == 50
    assert Credit.objects.count() >= 50 * 4
    assert Image.objects.count() > STORIES // 10
    # A few real files shared by every record.
    assert Image.objects.values("file").distinct().count() == 20
    assert Image.objects.filter(width__isnull=True).count() == 0
    assert f"Added {STORIES:,} stories" in archive
    assert "Seed 1." in archive
    assert f"stories: {STORIES:,}/{STORIES:,} (100%)" in archive


def test_every_story_has_authors_tags_and_a_time_in_the_past_ten_years(archive):
    now = timezone.now()
    stories = Article.objects.annotate(
        bylines=Count("authorships", distinct=True), tag_count=Count("tags", distinct=True)
    )
    assert {story.bylines for story in stories} <= {1, 2, 3}
    assert {story.tag_count for story in stories} <= set(range(7))
    assert max(story.tag_count for story in stories) > 0
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    assert published.count() > STORIES * 0.9
    assert published.filter(publish_at__gt=now).count() == 0
    assert published.filter(publish_at__lt=now - timedelta(days=10 * 365)).count() == 0
    assert published.filter(first_published_at=None).count() == 0
    # Spread over the years, not bunched at the start.
    years = set(published.values_list("publish_at__year", flat=True))
    assert len(years) >= 9
    assert set(Article.objects.live()) == set(published)
    assert Article.objects.filter(people__isnull=False).distinct().count() > STORIES // 2
    assert Article.objects.filter(films__isnull=False).distinct().count() > STORIES // 2
    assert (
        TaggedItem.objects.filter(content_type__model="article").count()
        == Article.objects.aggregate(n=Count("tags"))["n"]
    )


def test_search_fields_are_what_save_and_the_signals_would_store(archive):
    assert Article.objects.filter(body_text="").count() == 0
    for story in Article.objects.prefetch_related("tags", "people", "films")[:50]:
        assert story.body == sanitize_body(story.body)
        assert not story.fill_search_fields()
    out = StringIO()
    call_command("reindex_search", dry_run=True, stdout=out)
    assert f"0 of {STORIES:,} stories would be updated" in out.getvalue()


def test_running_it_twice_adds_more_without_collisions(archive):
    generate()
    assert Article.objects.count() == 2 * STORIES
    assert Article.objects.values("slug").distinct().count() == 2 * STORIES
    assert Person.objects.count() == 400
    assert Authorship.objects.values("article").distinct().count() == 2 * STORIES


def test_the_site_renders_the_archive(archive, client):
    assert client.get(reverse("home")).status_code == 200
    section = Section.objects.first()
    response = client.get(section.get_absolute_url())
    assert response.status_code == 200
    story = Article.objects.live().filter(section=section).order_by("-publish_at", "-pk").first()
    assert escape(story.headline) in response.content.decode()
    assert client.get(story.get_absolute_url()).status_code == 200


def test_same_seed_same_archive():
    generate(seed=5)
    first = list(Article.objects.order_by("pk").values_list("headline", "status", "section__slug"))
    Article.objects.all().delete()
    generate(seed=5)
    second = list(Article.objects.order_by("pk").values_list("headline", "status", "section__slug"))
    assert first == second


def test_it_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("generate_fake_archive", articles=1)
