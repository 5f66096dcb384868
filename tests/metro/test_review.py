"""What a published story shows changes only with an editor's say: writers cannot
edit a person, film or image that appears on a live or scheduled story."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from films.models import Film
from media.models import Image
from people.models import Person
from tests.factories import make_article, make_film, make_image, make_person, uploaded_image
from tests.pages import admin_form_data

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def post_change(client, editor_client, obj, **changes):
    """Post `obj`'s change form as the editor's form renders it, with `changes`."""
    data = admin_form_data(editor_client.get(change_url(obj))) | changes
    return client.post(change_url(obj), data)


@pytest.fixture
def clients(client, writer, editor):
    """A writer's and an editor's admin session, side by side."""
    from django.test import Client

    writer_client, editor_client = client, Client()
    writer_client.force_login(writer)
    editor_client.force_login(editor)
    return writer_client, editor_client


def test_a_writer_cannot_replace_the_hero_image_file_of_a_live_story(clients):
    writer_client, editor_client = clients
    image = make_image()
    make_article(live=True, hero_image=image)
    stored = image.file.name

    response = post_change(
        writer_client, editor_client, image, file=uploaded_image(name="replaced.png")
    )

    assert response.status_code == 403
    image.refresh_from_db()
    assert image.file.name == stored


def test_a_writer_cannot_change_the_caption_or_credit_of_a_live_hero(clients, client):
    writer_client, editor_client = clients
    image = make_image(caption="Amélie in Montmartre", credit="PHOTO: Metro")
    story = make_article(live=True, hero_image=image)

    caption = post_change(writer_client, editor_client, image, caption="Vandalised")
    credit = post_change(writer_client, editor_client, image, credit="PHOTO: Nobody")

    assert caption.status_code == credit.status_code == 403
    image.refresh_from_db()
    assert (image.caption, image.credit) == ("Amélie in Montmartre", "PHOTO: Metro")
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Amélie in Montmartre" in page and "Vandalised" not in page


def test_a_writer_cannot_rename_a_person_in_the_byline_of_a_live_story(clients):
    writer_client, editor_client = clients
    person = make_person(name="Beyoncé")
    make_article(live=True, headline="東京 diaries", authors=[person])

    page = writer_client.get(change_url(person))
    response = post_change(writer_client, editor_client, person, name="Someone else")

    assert response.status_code == 403
    person.refresh_from_db()
    assert person.name == "Beyoncé"
    # The writer sees the person read-only, and why.
    assert "name" not in page.context["adminform"].form.fields
    assert "only an editor can change it" in page.content.decode()
    assert "東京 diaries" in page.content.decode()


@pytest.mark.parametrize(
    "shown_by",
    ["scheduled story about the film", "film poster", "person portrait", "body picture"],
)
def test_a_writer_cannot_change_what_else_a_published_story_shows(clients, shown_by):
    writer_client, editor_client = clients
    image, film = make_image(caption="Before"), make_film(title="Amélie")
    soon = {"status": "published", "publish_at": timezone.now() + timedelta(days=1)}
    if shown_by == "scheduled story about the film":
        make_article(**soon).films.add(film)
        obj, field = film, "title"
    elif shown_by == "film poster":
        make_article(live=True).films.add(make_film(poster=image))
        obj, field = image, "caption"
    elif shown_by == "person portrait":
        make_article(live=True).people.add(make_person(portrait=image))
        obj, field = image, "caption"
    else:
        body = f'<figure class="media-image" data-image-id="{image.pk}"></figure><p>Words.</p>'
        make_article(live=True, body=body)
        obj, field = image, "caption"

    response = post_change(writer_client, editor_client, obj, **{field: "Changed"})

    assert response.status_code == 403
    assert getattr(type(obj).objects.get(pk=obj.pk), field) != "Changed"


def test_an_editor_can_change_what_a_live_story_shows(clients):
    writer_client, editor_client = clients
    image, person = make_image(), make_person(name="Beyonce")
    make_article(live=True, hero_image=image, authors=[person])

    post_change(editor_client, editor_client, image, caption="Better caption", credit="AP")
    post_change(editor_client, editor_client, person, name="Beyoncé")

    image.refresh_from_db()
    assert (image.caption, image.credit) == ("Better caption", "AP")
    assert Person.objects.get(pk=person.pk).name == "Beyoncé"


def test_a_writer_still_edits_what_no_published_story_shows(clients):
    writer_client, editor_client = clients
    image, person, film = make_image(), make_person(name="Draft person"), make_film()
    draft = make_article(hero_image=image, authors=[person])
    draft.films.add(film)
    make_article(live=True)  # A live story showing none of them.

    post_change(writer_client, editor_client, image, caption="New caption")
    post_change(writer_client, editor_client, person, name="Amélie")
    post_change(writer_client, editor_client, film, title="東京物語")

    assert Image.objects.get(pk=image.pk).caption == "New caption"
    assert Person.objects.get(pk=person.pk).name == "Amélie"
    assert Film.objects.get(pk=film.pk).title == "東京物語"
