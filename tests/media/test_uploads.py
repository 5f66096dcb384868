"""Uploading to the media library through the admin: what is accepted, what is refused and
why, what the file tells us, and how stored renditions follow the image."""

import hashlib
import io
import random
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from PIL import Image as PILImage
from PIL import features

from media import renditions
from media.inspection import EXIF_ARTIST, EXIF_COPYRIGHT, EXIF_DESCRIPTION, EXIF_ORIENTATION
from media.models import Image
from tests.factories import image_bytes, make_image, started_from

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:media_image_add")
FORMATS = ["JPEG", "PNG", "WEBP", "GIF"] + (["AVIF"] if features.check("avif") else [])


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post_image(client, file, **fields):
    data = {
        "file": file,
        "title": "Premiere",
        "alt_text": "Actors on the red carpet",
        "focal_point_x": "0.5",
        "focal_point_y": "0.5",
    }
    return client.post(ADD_URL, data | fields)


def file_errors(response):
    assert response.status_code == 200, "the form should have been shown again"
    return response.context["adminform"].form.errors.get("file", [])


def stored_files(media_root):
    """Every file under MEDIA_ROOT, relative to it."""
    if not media_root.exists():
        return []
    return sorted(
        str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()
    )


def noisy_jpeg(size=(400, 300)):
    """A JPEG with detail everywhere, so that half of its bytes is half of its picture."""
    noise = random.Random(0).randbytes(size[0] * size[1] * 3)
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", size, noise).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def png_declaring(width, height):
    """A tiny PNG whose header claims the given size: a decompression bomb's calling card."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def with_iptc(jpeg, records):
    """`jpeg` with an IPTC block, the way photo agencies caption and credit their pictures."""
    iptc = b""
    for number, value in records.items():
        text = value.encode()
        iptc += b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(text)) + text
    resource = (
        b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc + b"\x00" * (len(iptc) % 2)
    )
    segment = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(segment) + 2) + segment + jpeg[2:]


def jpeg_with_exif(tags):
    exif = PILImage.Exif()
    for tag, value in tags.items():
        exif[tag] = value
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 80), (30, 90, 160)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


# Refused files

JPEG = noisy_jpeg()
TRUNCATED_JPEG = JPEG[: len(JPEG) // 2]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "photo.jpg",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
            "This file is a PDF document, not an image we can use.",
            id="pdf-renamed-jpg",
        ),
        pytest.param(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
            "This file is an SVG drawing, not an image we can use.",
            id="svg",
        ),
        pytest.param(
            "logo.jpg",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
            "This file is an XML file (perhaps an SVG drawing), not an image we can use.",
            id="svg-with-xml-declaration",
        ),
        pytest.param(
            "page.html",
            b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
            "This file is a web page, not an image we can use.",
            id="html",
        ),
        pytest.param(
            "photo.jpg",
            TRUNCATED_JPEG,
            "This image is damaged or incomplete",
            id="truncated-jpeg",
        ),
        pytest.param("photo.jpg", b"", "This file is empty.", id="empty"),
        pytest.param(
            "bomb.png",
            png_declaring(20_000, 20_000),
            "This image has far too many pixels to be processed safely",
            id="decompression-bomb",
        ),
    ],
)
def test_files_that_are_not_usable_images_are_refused_and_nothing_is_stored(
    editor_client, media_root, name, content, message
):
    response = post_image(editor_client, upload(name, content))

    errors = file_errors(response)
    assert len(errors) == 1 and errors[0].startswith(message)
    assert message in response.content.decode()
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_the_refusal_names_the_formats_we_take(editor_client):
    response = post_image(editor_client, upload("photo.jpg", b"%PDF-1.4 not a picture"))

    expected = "JPEG, PNG, WebP, GIF or AVIF" if "AVIF" in FORMATS else "JPEG, PNG, WebP or GIF"
    assert f"Upload a {expected} image." in file_errors(response)[0]


def test_a_file_over_the_byte_limit_is_refused(editor_client, settings, media_root):
    settings.MEDIA_MAX_UPLOAD_BYTES = 2000
    content = noisy_jpeg((100, 100))
    assert len(content) > 2000

    response = post_image(editor_client, upload("big.jpg", content))

    assert file_errors(response) == [
        f"This file is {filesizeformat(len(content))}; the largest image we accept is "
        f"{filesizeformat(2000)}. Export a smaller JPEG and upload that instead."
    ]
    assert stored_files(media_root) == []


def test_a_picture_over_the_pixel_limit_is_refused(editor_client, settings, media_root):
    settings.MEDIA_MAX_PIXELS = 10_000

    response = post_image(editor_client, upload("wide.png", image_bytes(size=(400, 100))))

    [error] = file_errors(response)
    assert error.startswith("This image is 400 × 100 pixels (0.0 megapixels); the limit is 0.01")
    assert stored_files(media_root) == []


def test_djangos_generic_image_message_never_shows(editor_client):
    response = post_image(editor_client, upload("photo.jpg", b"\xff\xd8\xff\xe0 broken"))

    page = response.content.decode()
    assert "Upload a valid image" not in page
    assert "This image is damaged or incomplete" in page


def test_the_file_input_asks_the_browser_for_images(editor_client):
    page = editor_client.get(ADD_URL).content.decode()

    assert '<input type="file" name="file" accept="image/*" required id="id_file">' in page


# Accepted files and their facts


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_web_format_is_accepted_and_its_facts_stored(editor_client, editor, media_root, fmt):
    content = image_bytes(size=(120, 80), fmt=fmt)

    response = post_image(editor_client, upload(f"photo.{fmt.lower()}", content))

    assert response.status_code == 302, response.context and file_errors(response)
    image = Image.objects.get()
    assert (image.width, image.height) == (120, 80)
    assert image.file_format == fmt
    assert image.file_size == len(content)
    assert image.content_hash == hashlib.sha256(content).hexdigest()
    assert image.uploaded_by == editor
    assert stored_files(media_root) == [image.file.name]


def test_the_content_decides_the_format_not_the_name(editor_client):
    response = post_image(editor_client, upload("photo.png", image_bytes(fmt="JPEG")))

    assert response.status_code == 302
    assert Image.objects.get().file_format == "JPEG"


def test_a_sideways_camera_jpeg_is_measured_upright(editor_client):
    post_image(editor_client, upload("phone.jpg", jpeg_with_exif({EXIF_ORIENTATION: 6})))

    image = Image.objects.get()
    assert (image.width, image.height) == (80, 120)


def test_the_upload_is_inspected_once(editor_client, monkeypatch):
    def inspect_again(file):
        raise AssertionError("the model inspected the file again")

    monkeypatch.setattr("media.models.inspect_image", inspect_again)

    assert post_image(editor_client, upload("photo.png", image_bytes())).status_code == 302


def test_the_change_form_shows_the_files_facts_read_only(editor_client):
    content = image_bytes(size=(120, 80), fmt="WEBP")
    post_image(editor_client, upload("photo.webp", content))
    image = Image.objects.get()

    page = editor_client.get(reverse("admin:media_image_change", args=[image.pk])).content.decode()

    assert '<div class="readonly">120 × 80 px</div>' in page
    assert '<div class="readonly">WebP</div>' in page
    assert f'<div class="readonly">{filesizeformat(len(content))}</div>' in page
    short_hash = f'<code title="SHA-256 {image.content_hash}">{image.content_hash[:12]}…</code>'
    assert short_hash in page
    assert 'name="width"' not in page and 'name="content_hash"' not in page


# What the file says about itself

# EXIF text is ASCII: Pillow writes "©" as "?".
EXIF_METADATA = {
    EXIF_DESCRIPTION: "Rain over Cannes",
    EXIF_ARTIST: "Jo Park",
    EXIF_COPYRIGHT: "(c) Metro",
}


def test_exif_caption_artist_and_copyright_fill_blank_fields(editor_client):
    post_image(editor_client, upload("photo.jpg", jpeg_with_exif(EXIF_METADATA)))

    image = Image.objects.get()
    assert (image.caption, image.credit, image.copyright) == (
        "Rain over Cannes",
        "Jo Park",
        "(c) Metro",
    )


def test_typed_caption_credit_and_copyright_win_over_the_files(editor_client):
    post_image(
        editor_client,
        upload("photo.jpg", jpeg_with_exif(EXIF_METADATA)),
        caption="The premiere in the rain",
        credit="PHOTO: Metro/Jo Park",
        copyright="Metro Media Ltd",
    )

    image = Image.objects.get()
    assert (image.caption, image.credit, image.copyright) == (
        "The premiere in the rain",
        "PHOTO: Metro/Jo Park",
        "Metro Media Ltd",
    )


def test_an_agencys_iptc_caption_credit_and_copyright_fill_blank_fields(editor_client):
    content = with_iptc(
        image_bytes(fmt="JPEG"),
        {120: "Stars arrive in Cannes", 80: "Jo Park", 110: "PHOTO: Agence", 116: "© Agence"},
    )

    post_image(editor_client, upload("agency.jpg", content), credit="")

    image = Image.objects.get()
    assert (image.caption, image.credit, image.copyright) == (
        "Stars arrive in Cannes",
        "PHOTO: Agence",
        "© Agence",
    )


# Duplicates


def test_uploading_the_same_file_twice_points_to_the_image_already_in_the_library(
    editor_client, media_root
):
    content = image_bytes(size=(90, 60), fmt="JPEG")
    post_image(editor_client, upload("first.jpg", content), title="Opening night")
    first = Image.objects.get()

    response = post_image(editor_client, upload("again.jpg", content), title="Copy")

    link = reverse("admin:media_image_change", args=[first.pk])
    [error] = file_errors(response)
    assert error == (
        f'This file is already in the library as <a href="{link}">“Opening night”</a> — '
        "use that image instead."
    )
    assert f'<a href="{link}">“Opening night”</a>' in response.content.decode()
    assert Image.objects.count() == 1
    assert stored_files(media_root) == [first.file.name]


def test_the_duplicate_message_escapes_the_other_images_title(editor_client):
    content = image_bytes(fmt="JPEG")
    make_image(title="<b>Bold</b> & co", file=upload("first.jpg", content))

    [error] = file_errors(post_image(editor_client, upload("again.jpg", content)))

    assert "“&lt;b&gt;Bold&lt;/b&gt; &amp; co”" in error


def test_an_image_may_be_given_its_own_file_again(editor_client):
    content = image_bytes(fmt="JPEG")
    image = make_image(file=upload("photo.jpg", content))

    response = editor_client.post(
        reverse("admin:media_image_change", args=[image.pk]),
        {
            "file": upload("photo-again.jpg", content),
            "title": image.title,
            "alt_text": image.alt_text,
            "focal_point_x": "0.5",
            "focal_point_y": "0.5",
            **started_from(image),
        },
    )

    assert response.status_code == 302


# Renditions follow the image


def thumb(image):
    return image.renditions.for_spec("thumb", "jpeg")[0]


def test_an_upload_makes_its_admin_thumbnail_once_saved(
    editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_image(editor_client, upload("photo.jpg", noisy_jpeg()))

    assert default_storage.exists(thumb(Image.objects.get()).name)


def test_the_library_list_shows_thumbnails_not_originals(editor_client):
    image = make_image()

    page = editor_client.get(reverse("admin:media_image_changelist")).content.decode()

    assert f'src="{thumb(image).url}"' in page
    assert f'src="{image.file.url}"' not in page


def test_deleting_an_image_removes_its_renditions(
    editor_client, django_capture_on_commit_callbacks
):
    image = make_image(file=upload("photo.jpg", noisy_jpeg()))
    made = [thumb(image), image.renditions.get("hero", 400, "webp")]
    for rendition in made:
        renditions.ensure(image, rendition)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:media_image_delete", args=[image.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert not any(default_storage.exists(rendition.name) for rendition in made)


def test_a_new_focal_point_renames_the_renditions_and_removes_the_old_files(
    editor_client, django_capture_on_commit_callbacks
):
    image = make_image(file=upload("photo.jpg", noisy_jpeg()))
    old_hero, old_thumb = image.renditions.get("hero", 400, "jpeg"), thumb(image)
    for rendition in (old_hero, old_thumb):
        renditions.ensure(image, rendition)

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("admin:media_image_change", args=[image.pk]),
            {
                "title": image.title,
                "alt_text": image.alt_text,
                "focal_point_x": "0.2",
                "focal_point_y": "0.8",
                **started_from(image),
            },
        )

    image.refresh_from_db()
    new_thumb = thumb(image)
    assert (image.focal_point_x, image.focal_point_y) == (0.2, 0.8)
    assert new_thumb.key != old_thumb.key
    assert not default_storage.exists(old_hero.name)
    assert not default_storage.exists(old_thumb.name)
    assert default_storage.exists(new_thumb.name)


def test_exif_text_written_as_utf8_reads_correctly():
    from media.inspection import _text

    assert _text("Ã\x89lodie BÃ©rard") == "Élodie Bérard"
    assert _text("PHOTO: Metro") == "PHOTO: Metro"
    assert _text("Café") == "Café"  # Already proper text stays as it is.


def test_an_unknown_file_gets_a_plain_message(editor_client, media_root):
    response = post_image(editor_client, upload("notes.jpg", b"\x00\x01 just some bytes " * 20))
    assert response.status_code == 200
    assert any(
        error.startswith("This file is not an image we can read. Upload a JPEG, PNG, WebP, GIF")
        for error in file_errors(response)
    )
    assert stored_files(media_root) == []
