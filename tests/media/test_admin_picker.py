"""The story editor's "Image from library" endpoint, and tag suggestions on the image form."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from taggit.models import Tag

from media.admin import PICKER_PAGE_SIZE
from media.models import Keyword
from tests.factories import make_image, make_user

pytestmark = pytest.mark.django_db

PICKER_URL = reverse("admin:media_image_picker")


def test_staff_who_may_view_images_get_the_library_as_json(writer_client):
    image = make_image(
        title="Red carpet",
        alt_text="Actors arriving",
        caption="The premiere",
        credit="PHOTO: Getty",
    )

    response = writer_client.get(PICKER_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "results": [
            {
                "id": image.pk,
                "title": "Red carpet",
                "thumbnail": image.renditions.for_spec("thumb", "jpeg")[0].url,
                "url": image.url,
                "alt": "Actors arriving",
                "caption": "The premiere",
                "credit": "PHOTO: Getty",
                "width": 64,
                "height": 48,
            }
        ],
        "page": 1,
        "pages": 1,
        "count": 1,
        "has_next": False,
        "has_previous": False,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Cannes opening night"),
        ("alt_text", "A crowd at Cannes"),
        ("caption", "Rain over Cannes"),
        ("credit", "PHOTO: Cannes festival"),
    ],
)
def test_search_looks_in_title_alt_text_caption_and_credit(writer_client, field, value):
    make_image(title="Unrelated")
    match = make_image(**{"title": "Match"} | {field: value})

    response = writer_client.get(PICKER_URL, {"q": "cannes"})

    assert [item["id"] for item in response.json()["results"]] == [match.pk]


def test_newest_images_come_first_a_page_at_a_time(writer_client):
    for number in range(PICKER_PAGE_SIZE + 3):
        make_image(title=f"Image {number:02}")

    first = writer_client.get(PICKER_URL).json()
    second = writer_client.get(PICKER_URL, {"page": 2}).json()

    assert PICKER_PAGE_SIZE <= 30
    assert len(first["results"]) == PICKER_PAGE_SIZE
    assert first["results"][0]["title"] == f"Image {PICKER_PAGE_SIZE + 2:02}"
    assert first["has_next"] and not first["has_previous"]
    assert first["count"] == PICKER_PAGE_SIZE + 3 and first["pages"] == 2
    assert len(second["results"]) == 3
    assert second["has_previous"] and not second["has_next"]


def test_a_page_past_the_end_answers_the_last_page(writer_client):
    make_image()
    assert writer_client.get(PICKER_URL, {"page": 99}).json()["page"] == 1


@pytest.mark.parametrize("bad", ["²", "٣", "１２", "9" * 30, "-1", "nonsense", ""])
def test_the_picker_ignores_ids_that_are_no_ids(writer_client, bad):
    wanted = make_image(title="Wanted")
    make_image(title="Other")

    response = writer_client.get(PICKER_URL, {"ids": f"{bad},{wanted.pk},{bad}"})

    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [wanted.pk]


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    make_image()

    response = client.get(PICKER_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_permission_to_view_images_are_refused(client):
    make_image()
    client.force_login(make_user())

    assert client.get(PICKER_URL).status_code == 403


def test_the_view_image_permission_alone_is_enough(client):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="view_image"))
    client.force_login(user)

    assert client.get(PICKER_URL).status_code == 200


def test_the_image_form_suggests_existing_keywords_not_story_tags(writer_client):
    Keyword.objects.create(name="Red carpet", slug="red-carpet")
    Keyword.objects.create(name="Festival", slug="festival")
    Tag.objects.create(name="Carpet cleaning", slug="carpet-cleaning")

    page = writer_client.get(reverse("admin:media_image_add")).content.decode()
    suggestions = writer_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "media", "model_name": "image", "field_name": "tags", "term": "carp"},
    )

    assert 'src="/static/admin/metro/tag-suggest.js"' in page
    assert (
        'data-tag-suggest-url="/admin/autocomplete/?app_label=media&amp;'
        'model_name=image&amp;field_name=tags"'
    ) in page
    assert [result["text"] for result in suggestions.json()["results"]] == ["Red carpet"]
