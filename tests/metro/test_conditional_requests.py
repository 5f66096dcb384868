"""Revalidation: browsers and caches ask "changed since?" and get 304 when nothing has."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_article, make_credit, make_film, make_image, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def later():
    """Travel ahead so edits get a newer (whole-second) modification time."""
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=True) as traveller:
        yield traveller


def revalidate(client, path, first):
    by_date = client.get(path, headers={"If-Modified-Since": first["Last-Modified"]})
    by_etag = client.get(path, headers={"If-None-Match": first["ETag"]})
    return by_date.status_code, by_etag.status_code


@pytest.fixture
def pages():
    person = make_person(slug="dana-lead")
    film = make_film(slug="night-signal")
    make_credit(film, person, character_name="Charlotte")
    story = make_article(live=True, hero_image=make_image(), authors=[make_person()])
    story.people.add(person)
    story.films.add(film)
    return {"story": story, "person": person, "film": film}


@pytest.mark.parametrize("page", ["story", "person", "film"])
def test_an_unchanged_page_answers_304(client, pages, page):
    path = pages[page].get_absolute_url()
    first = client.get(path)
    assert first.status_code == 200
    assert first["Last-Modified"] and first["ETag"]

    assert revalidate(client, path, first) == (304, 304)
    not_modified = client.get(path, headers={"If-None-Match": first["ETag"]})
    assert not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"]


def edit_story(pages):
    story = pages["story"]
    story.headline = "A new headline"
    story.save()


def edit_person(pages):
    pages["person"].name = "Dana Lead-Smith"
    pages["person"].save()


def edit_film(pages):
    pages["film"].title = "Night Signal: Director's Cut"
    pages["film"].save()


def edit_hero_caption(pages):
    image = pages["story"].hero_image
    image.caption = "A new caption"
    image.save()


def publish_story_about_them(pages):
    story = make_article(live=True, headline="Fresh story")
    story.people.add(pages["person"])
    story.films.add(pages["film"])


@pytest.mark.parametrize(
    ("page", "change"),
    [
        ("story", edit_story),
        ("story", edit_person),
        ("story", edit_film),
        ("story", edit_hero_caption),
        ("person", edit_person),
        ("person", edit_film),
        ("person", publish_story_about_them),
        ("film", edit_film),
        ("film", edit_person),
        ("film", publish_story_about_them),
    ],
)
def test_a_change_to_what_a_page_shows_gives_a_full_answer(client, pages, later, page, change):
    path = pages[page].get_absolute_url()
    first = client.get(path)
    later.shift(timedelta(seconds=5))
    change(pages)

    assert revalidate(client, path, first) == (200, 200)
    assert client.get(path)["Last-Modified"] != first["Last-Modified"]


def test_a_scheduled_story_going_live_changes_the_pages_it_appears_on(client, pages, later):
    person_path = pages["person"].get_absolute_url()
    story = make_article(
        status="published", publish_at=timezone.now() + timedelta(minutes=1), headline="Soon"
    )
    story.people.add(pages["person"])
    first = client.get(person_path)
    assert "Soon" not in first.content.decode()

    later.shift(timedelta(minutes=2))
    response = client.get(person_path, headers={"If-Modified-Since": first["Last-Modified"]})
    assert response.status_code == 200
    assert "Soon" in response.content.decode()


def test_previews_are_never_revalidated_from_a_shared_cache(client, editor):
    draft = make_article()
    client.force_login(editor)
    response = client.get(draft.get_preview_url())
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("ETag")
