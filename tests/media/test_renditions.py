"""Renditions: the right sizes and shapes, cropped around the focal point, clean of metadata."""

import io
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw

from media import renditions
from media.renditions import SPECS
from tests.factories import make_article, make_image, uploaded_image

pytestmark = pytest.mark.django_db

RED = (220, 20, 20)
WHITE = (255, 255, 255)


def jpeg_upload(picture, name="photo.jpg", **save_options):
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=92, **save_options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def stored_picture(image, spec, width, fmt):
    rendition = image.renditions.get(spec, width, fmt)
    renditions.ensure(image, rendition)
    with default_storage.open(rendition.name, "rb") as stored:
        picture = PILImage.open(io.BytesIO(stored.read()))
        picture.load()
    return rendition, picture


@pytest.mark.parametrize("spec", ["hero", "card", "portrait", "poster", "og"])
def test_every_width_has_the_specs_shape(spec):
    image = make_image(file=uploaded_image(size=(2000, 1400)))
    ratio_w, ratio_h = SPECS[spec].ratio
    for width in image.renditions.widths(SPECS[spec]):
        rendition, picture = stored_picture(image, spec, width, "jpeg")
        assert picture.size == (rendition.width, rendition.height)
        assert picture.width == width
        assert abs(picture.height - width * ratio_h / ratio_w) <= 1


def test_uncropped_specs_keep_the_images_shape():
    image = make_image(file=uploaded_image(size=(1500, 1000)))
    assert image.renditions.widths(SPECS["body"]) == [480, 800, 1200]
    _, picture = stored_picture(image, "body", 800, "webp")
    assert picture.size == (800, 533)


def test_small_images_are_never_upscaled():
    image = make_image(file=uploaded_image(size=(300, 200)))
    assert image.renditions.widths(SPECS["hero"]) == [300]
    # A 2:3 poster from a 300x200 picture is at most 133 wide.
    assert image.renditions.widths(SPECS["poster"]) == [64, 128]
    assert image.renditions.widths(SPECS["og"]) == [300]
    _, picture = stored_picture(image, "hero", 300, "jpeg")
    assert picture.size == (300, 169)


def marked_picture():
    """A wide white picture with a red square near its right edge."""
    picture = PILImage.new("RGB", (1600, 400), WHITE)
    ImageDraw.Draw(picture).rectangle([1400, 150, 1500, 250], fill=RED)
    return picture


def red_share(picture):
    pixels = picture.convert("RGB").get_flattened_data()
    reds = sum(1 for r, g, b in pixels if r > 180 and g < 90 and b < 90)
    return reds / len(pixels)


def test_the_crop_keeps_the_focal_point_in_view():
    on_mark = make_image(file=jpeg_upload(marked_picture()), focal_point_x=0.9, focal_point_y=0.5)
    elsewhere = make_image(file=jpeg_upload(marked_picture()), focal_point_x=0.1)

    _, square_on_mark = stored_picture(on_mark, "portrait", 320, "jpeg")
    _, square_elsewhere = stored_picture(elsewhere, "portrait", 320, "jpeg")

    assert square_on_mark.size == (320, 320)
    assert red_share(square_on_mark) > 0.04
    assert red_share(square_elsewhere) == 0


def test_the_default_focal_point_is_the_centre():
    image = make_image(file=jpeg_upload(marked_picture()))
    left, top, right, bottom = image.renditions.crop_box(SPECS["portrait"])
    assert (left, top, right, bottom) == (600, 0, 1000, 400)


def test_a_crop_near_the_edge_stays_inside_the_picture():
    image = make_image(file=jpeg_upload(marked_picture()), focal_point_x=1.0, focal_point_y=1.0)
    assert image.renditions.crop_box(SPECS["portrait"]) == (1200, 0, 1600, 400)


def gps_tagged_photo():
    picture = PILImage.new("RGB", (1000, 600), (30, 120, 200))
    exif = PILImage.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x0131] = "Editing software"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (40.0, 44.0, 54.0)
    gps[3] = "W"
    gps[4] = (73.0, 59.0, 8.0)
    return jpeg_upload(picture, exif=exif)


@pytest.mark.parametrize("fmt", renditions.FORMATS)
def test_renditions_carry_no_location_or_other_metadata(fmt):
    upload = gps_tagged_photo()
    assert 0x8825 in PILImage.open(io.BytesIO(upload.read())).getexif()
    upload.seek(0)
    image = make_image(file=upload)

    _, picture = stored_picture(image, "body", 480, fmt)

    exif = picture.getexif()
    assert 0x8825 not in exif
    assert not exif.get_ifd(0x8825)
    assert 0x010F not in exif and 0x0131 not in exif
    assert "exif" not in picture.info and "xmp" not in picture.info


def test_exif_orientation_is_applied():
    # Stored sideways (red on the left) with orientation 6: upright, red is at the top.
    sideways = PILImage.new("RGB", (400, 200), (20, 20, 220))
    ImageDraw.Draw(sideways).rectangle([0, 0, 199, 199], fill=RED)
    exif = PILImage.Exif()
    exif[0x0112] = 6
    image = make_image(file=jpeg_upload(sideways, exif=exif))

    assert (image.width, image.height) == (200, 400)
    _, picture = stored_picture(image, "body", 200, "jpeg")
    assert picture.size == (200, 400)
    top, bottom = picture.getpixel((100, 20)), picture.getpixel((100, 380))
    assert top[0] > 180 and top[2] < 90, top
    assert bottom[2] > 180 and bottom[0] < 90, bottom


def test_transparent_pictures_are_flattened_for_jpeg_and_kept_for_webp():
    picture = PILImage.new("RGBA", (600, 400), (0, 0, 0, 0))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = make_image(file=SimpleUploadedFile("clear.png", buffer.getvalue()))

    _, as_jpeg = stored_picture(image, "body", 480, "jpeg")
    _, as_webp = stored_picture(image, "body", 480, "webp")

    assert as_jpeg.mode == "RGB" and as_jpeg.getpixel((10, 10)) == WHITE
    assert as_webp.mode == "RGBA" and as_webp.getpixel((10, 10))[3] == 0


def test_a_rendition_is_made_once_and_then_reused():
    image = make_image(file=uploaded_image(size=(1200, 800)))
    rendition = image.renditions.get("card", 400, "webp")
    assert renditions.ensure(image, rendition) is True
    with mock.patch("media.renditions.render") as render:
        assert renditions.ensure(image, rendition) is False
    render.assert_not_called()


def test_a_new_focal_point_gives_new_rendition_names():
    image = make_image(file=uploaded_image(size=(1200, 800)))
    before = image.renditions.get("card", 400, "jpeg")
    image.focal_point_x = 0.2
    image.save()
    after = image.renditions.get("card", 400, "jpeg")
    assert before.name != after.name and before.url != after.url


# The serve view


def test_the_serve_view_makes_stores_and_serves_a_rendition(client):
    image = make_image(file=uploaded_image(size=(1200, 800)))
    rendition = image.renditions.get("card", 400, "webp")
    assert not default_storage.exists(rendition.name)

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "immutable" in response["Cache-Control"]
    assert PILImage.open(io.BytesIO(b"".join(response.streaming_content))).size == (400, 225)
    assert default_storage.exists(rendition.name)

    with mock.patch("media.renditions.render") as render:
        assert client.get(rendition.url).status_code == 200
    render.assert_not_called()


@pytest.mark.parametrize(
    "filename",
    ["card-401.webp", "card-400.gif", "nosuchspec-400.jpeg", "card.jpeg", "og-1200.webp", "x"],
)
def test_the_serve_view_refuses_sizes_and_formats_it_does_not_offer(client, filename):
    image = make_image(file=uploaded_image(size=(1200, 800)))
    url = f"/images/{image.pk}/{image.renditions.key}/{filename}"
    assert client.get(url).status_code == 404


def test_the_serve_view_needs_the_current_key(client):
    image = make_image(file=uploaded_image(size=(1200, 800)))
    stale = image.renditions.get("card", 400, "jpeg")
    image.focal_point_y = 0.1
    image.save()
    assert client.get(stale.url).status_code == 404
    assert client.get(image.renditions.get("card", 400, "jpeg").url).status_code == 200
    assert client.get("/images/999999/abcdef123456/card-400.jpeg").status_code == 404


def test_the_serve_view_answers_404_when_the_original_is_gone(client):
    image = make_image(file=uploaded_image(size=(1200, 800)))
    default_storage.delete(image.file.name)
    assert client.get(image.renditions.get("card", 400, "jpeg").url).status_code == 404


# Pages


def test_pages_link_renditions_and_never_encode_images(client):
    stories = [
        make_article(live=True, hero_image=make_image(file=uploaded_image(size=(1600, 900))))
        for _ in range(8)
    ]

    with mock.patch.object(PILImage.Image, "save") as encode:
        home = client.get("/")
        article = client.get(stories[0].get_absolute_url())

    encode.assert_not_called()
    home_html = home.content.decode()
    for story in stories[1:]:
        assert story.hero_image.renditions.get("card", 400, "webp").url in home_html
    assert stories[3].hero_image.url not in home_html
    article_html = article.content.decode()
    assert 'fetchpriority="high"' in article_html
    assert stories[0].hero_image.renditions.get("hero", 1600, "jpeg").url in article_html


def test_an_image_whose_file_could_not_be_read_has_no_renditions(client):
    image = make_image(file=uploaded_image(size=(1200, 800)))
    key = image.renditions.key
    type(image).objects.filter(pk=image.pk).update(width=None, height=None)
    assert client.get(f"/images/{image.pk}/{key}/card-400.jpeg").status_code == 404


def test_deleting_renditions_leaves_no_empty_folders(media_root):
    image = make_image(file=uploaded_image(size=(1200, 800)))
    renditions.ensure(image, image.renditions.get("card", 400, "jpeg"))
    assert (media_root / "renditions" / str(image.pk)).is_dir()
    renditions.delete_all(image.pk)
    assert not (media_root / "renditions" / str(image.pk)).exists()
