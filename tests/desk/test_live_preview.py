"""The story form's live preview: the editor's unsaved changes on the reader's page, nothing saved."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article, Authorship
from core import pagecache
from tests.factories import article_form_data, make_article, make_person, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-generation")
    pagecache.reset()
    yield
    pagecache.reset()


@pytest.fixture
def story():
    story = make_article(headline="Saved headline", standfirst="Saved standfirst.")
    story.tags.add("saved tag")
    return story


def unsaved_changes(story, **overrides):
    writer = make_person(name="Amélie Poulain")
    return (
        article_form_data(
            story.section,
            headline="東京 diary: Beyoncé's unsaved headline",
            slug=story.slug,
            standfirst="An unsaved standfirst.",
            body="<p>Unsaved body words.</p>",
            hero_caption="An unsaved caption",
            tags="unsaved tag, 東京",
            **{
                "authorships-TOTAL_FORMS": "1",
                "authorships-0-person": str(writer.pk),
                "authorships-0-role": "author",
                "authorships-0-order": "0",
            },
        )
        | overrides
    )


def everything_saved():
    return {
        "stories": list(Article.objects.values_list("pk", "headline", "standfirst", "body")),
        "bylines": Authorship.objects.count(),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "revisions": Version.objects.count(),
    }


def test_the_preview_shows_unsaved_changes_and_saves_nothing(
    editor_client, story, django_capture_on_commit_callbacks
):
    data = unsaved_changes(story)
    generation = pagecache.generations().start()
    before = everything_saved()

    with django_capture_on_commit_callbacks(execute=True) as on_commit:
        response = editor_client.post(f"/desk/stories/{story.pk}/preview/", data)

    page = response.content.decode()
    assert response.status_code == 200
    for unsaved in [
        "東京 diary: Beyoncé",
        "An unsaved standfirst.",
        "Unsaved body words.",
        "Amélie Poulain",
        "unsaved tag",
    ]:
        assert unsaved in page
    assert "Saved headline" not in page
    assert "Live preview of unsaved changes" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    # Nothing kept: rows, bylines, tags, revisions, and no new page-cache generation.
    assert everything_saved() == before
    assert on_commit == []
    assert pagecache.generations().read().token == generation.token


def test_a_new_story_previews_without_being_created(editor_client):
    section = make_section()
    count = Article.objects.count()

    response = editor_client.post(
        "/desk/stories/preview/", article_form_data(section, headline="A story not yet saved")
    )

    assert response.status_code == 200
    assert "A story not yet saved" in response.content.decode()
    assert Article.objects.count() == count
    assert not Tag.objects.exists()


def test_a_form_that_cannot_be_saved_says_what_is_missing(editor_client, story):
    response = editor_client.post(
        f"/desk/stories/{story.pk}/preview/", unsaved_changes(story, headline="")
    )

    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_preview_is_for_staff_who_may_edit_the_story(client, writer, story):
    data = unsaved_changes(story)
    path = f"/desk/stories/{story.pk}/preview/"

    assert client.post(path, data).status_code == 302  # To the admin's login.
    client.force_login(User.objects.create_user("reader", password="pw-for-tests"))
    assert client.post(path, data).status_code == 302
    published = make_article(live=True)
    client.force_login(writer)  # Writers may not change a published story.
    published_data = unsaved_changes(published)
    assert client.post(f"/desk/stories/{published.pk}/preview/", published_data).status_code == 403
    assert Article.objects.get(pk=story.pk).headline == "Saved headline"


def test_the_preview_needs_the_csrf_token(editor, story):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(f"/desk/stories/{story.pk}/preview/", unsaved_changes(story))

    assert response.status_code == 403


def test_the_preview_answers_only_posts(editor_client, story):
    assert editor_client.get(f"/desk/stories/{story.pk}/preview/").status_code == 405
