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


def csp(response):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split("; ")
    }


YOUTUBE = (
    '<figure class="embed" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ"></figure>'
)
X_POST = '<figure class="embed" data-embed-provider="x" data-embed-id="20"></figure>'


def test_the_preview_frames_the_players_of_the_unsaved_embeds_and_no_others(editor_client, story):
    """Its pane loads the page as a document of its own, under the page's own policy: the
    unsaved body's YouTube video may load its player on a click, and no other provider."""
    data = unsaved_changes(story, body=f"<p>Watch:</p>{YOUTUBE}")

    response = editor_client.post(f"/desk/stories/{story.pk}/preview/", data)

    assert "Load content from YouTube" in response.content.decode()
    policy = csp(response)
    assert policy["frame-src"] == ["'self'", "https://www.youtube-nocookie.com"]
    assert policy["script-src"] == ["'self'"]  # The rest is the site's policy
    # ...except that the change form may show it in its pane, and nothing else may.
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_preview_of_a_lead_video_and_a_post_frames_both_players(editor_client, story):
    data = unsaved_changes(
        story,
        body=f"<p>Said:</p>{X_POST}",
        lead_video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )

    response = editor_client.post(f"/desk/stories/{story.pk}/preview/", data)

    assert response.status_code == 200
    assert csp(response)["frame-src"] == [
        "'self'",
        "https://platform.twitter.com",
        "https://www.youtube-nocookie.com",
    ]


@pytest.mark.parametrize("headline", ["A preview without embeds", ""])
def test_a_preview_without_embeds_allows_no_third_party_frame(editor_client, story, headline):
    data = unsaved_changes(story, headline=headline)

    response = editor_client.post(f"/desk/stories/{story.pk}/preview/", data)

    policy = csp(response)
    assert "frame-src" not in policy
    assert policy["frame-ancestors"] == ["'self'"]
