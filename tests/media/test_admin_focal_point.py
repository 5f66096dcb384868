"""Setting an image's focal point on its admin form: the picker, the crop previews and the
values it saves."""

import pytest
from django.urls import reverse

from media.models import Image
from tests.factories import make_image, started_from, uploaded_image

pytestmark = pytest.mark.django_db


def change_url(image):
    return reverse("admin:media_image_change", args=[image.pk])


def post_focal_point(client, image, x, y):
    return client.post(
        change_url(image),
        {
            "title": image.title,
            "alt_text": image.alt_text,
            "caption": image.caption,
            "credit": image.credit,
            "focal_point_x": x,
            "focal_point_y": y,
            **started_from(image),
        },
    )


def test_the_change_form_shows_the_picture_with_a_marker_at_the_focal_point(writer_client):
    image = make_image(file=uploaded_image(size=(1200, 800)), focal_point_x=0.25, focal_point_y=0.7)

    page = writer_client.get(change_url(image)).content.decode()

    preview = image.renditions.get("body", 800, "jpeg")
    assert f'<img class="metro-focal__picture" src="{preview.url}"' in page
    assert '<span class="metro-focal__marker" style="left: 25.0%; top: 70.0%">' in page
    assert f'src="{image.file.url}"' not in page
    assert 'src="/static/admin/metro/focal-point.js"' in page


def test_the_focal_point_inputs_stay_for_typing_values(writer_client):
    page = writer_client.get(change_url(make_image())).content.decode()

    for axis in "xy":
        assert (
            f'<input type="number" name="focal_point_{axis}" value="0.5" min="0" max="1" '
            'step="0.001" required'
        ) in page


def test_the_crop_previews_show_the_crops_renditions_make(writer_client):
    image = make_image(file=uploaded_image(size=(1600, 900)), focal_point_x=0.75)

    page = writer_client.get(change_url(image)).content.decode()

    # The hero is the whole 16:9 picture; the square and the 2:3 poster are
    # centred on the point where they can be, and stop at the right edge.
    assert 'data-ratio="16 9" style="aspect-ratio: 16 / 9; object-position: 50.0% 50.0%"' in page
    assert 'data-ratio="1 1" style="aspect-ratio: 1 / 1; object-position: 100.0% 50.0%"' in page
    assert 'data-ratio="2 3" style="aspect-ratio: 2 / 3; object-position: 90.0% 50.0%"' in page
    assert "Story heroes, 16:9" in page and "People, square" in page and "Films, 2:3" in page


def test_a_new_image_waits_for_its_file_before_showing_the_picker(writer_client):
    page = writer_client.get(reverse("admin:media_image_add")).content.decode()

    assert '<p class="metro-focal__empty">Choose a file above' in page
    assert '<div class="metro-focal__stage" hidden>' in page


def test_posting_a_new_focal_point_saves_it(writer_client):
    image = make_image()

    response = post_focal_point(writer_client, image, "0.125", "0.875")

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_point_x, image.focal_point_y) == (0.125, 0.875)


def test_focal_points_keep_three_decimals(writer_client):
    image = make_image()

    post_focal_point(writer_client, image, "0.12345", "0.9999")

    image.refresh_from_db()
    assert (image.focal_point_x, image.focal_point_y) == (0.123, 1.0)


@pytest.mark.parametrize(
    ("x", "y", "field", "message"),
    [
        ("1.5", "0.5", "focal_point_x", "use a number from 0 (left edge) to 1 (right edge)"),
        ("0.5", "-0.1", "focal_point_y", "use a number from 0 (top edge) to 1 (bottom edge)"),
    ],
)
def test_a_focal_point_outside_the_picture_is_refused(writer_client, x, y, field, message):
    image = make_image(focal_point_x=0.3, focal_point_y=0.3)

    response = post_focal_point(writer_client, image, x, y)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field] == [
        f"The focal point is a fraction of the picture: {message}, for example 0.5 for the middle."
    ]
    assert Image.objects.filter(focal_point_x=0.3, focal_point_y=0.3).exists()
