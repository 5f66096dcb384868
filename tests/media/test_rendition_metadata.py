"""Renditions carry pixels only: no comment, EXIF, XMP, IPTC or colour profile,
from whatever the original held, in every format readers get.

Each test reads the rendition's bytes with the container readers in
tests/media/containers.py, not through Pillow, which hides some segments.
"""

import io
import struct

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageCms, PngImagePlugin

from media import renditions
from tests.factories import make_image
from tests.media.containers import (
    avif_colour_types,
    avif_item_types,
    jpeg_segments,
    png_chunk_types,
    riff_chunks,
)

pytestmark = pytest.mark.django_db

SECRET = "Shot at 12 Secret Street"
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
JPEG_APP0, JPEG_APP1, JPEG_APP15, JPEG_COM = 0xE0, 0xE1, 0xEF, 0xFE
# What a JPEG needs to be drawn: frame, tables, scan (and APP0, JFIF's header).
JPEG_PICTURE_MARKERS = {
    0xD8,  # start of image
    JPEG_APP0,
    0xDB,  # quantisation tables
    0xC4,  # Huffman tables
    0xDD,  # restart interval
    0xC0,
    0xC1,
    0xC2,  # baseline, extended and progressive frames
    0xDA,  # start of scan
}
WEBP_PICTURE_CHUNKS = {"VP8 ", "VP8L", "VP8X", "ALPH"}
VP8X_ICC, VP8X_EXIF, VP8X_XMP = 0x20, 0x08, 0x04
XMP = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>{SECRET}</rdf:Description></x:xmpmeta>'


def telling_exif():
    exif = PILImage.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x0131] = "Editing software"
    exif[0x010E] = SECRET  # ImageDescription
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (40.0, 44.0, 54.0)
    return exif


def iptc_segment():
    """A Photoshop APP13 segment holding an IPTC caption, as agencies send them."""
    caption = SECRET.encode()
    iptc = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption  # 2:120 caption
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def picture():
    return PILImage.new("RGB", (900, 600), (30, 120, 200))


def jpeg_original():
    buffer = io.BytesIO()
    picture().save(
        buffer,
        "JPEG",
        comment=SECRET.encode(),
        exif=telling_exif(),
        xmp=XMP.encode(),
        icc_profile=SRGB_PROFILE,
        extra=iptc_segment(),
    )
    data = buffer.getvalue()
    markers = {marker for marker, _ in jpeg_segments(data)}
    assert {JPEG_COM, JPEG_APP1, 0xE2, 0xED} <= markers  # The original has them all.
    return data


def png_original():
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", SECRET)
    text.add_text("Description", SECRET, zip=True)
    text.add_itxt("Location", SECRET, lang="en")
    buffer = io.BytesIO()
    picture().save(buffer, "PNG", pnginfo=text, exif=telling_exif(), icc_profile=SRGB_PROFILE)
    data = buffer.getvalue()
    assert {"tEXt", "zTXt", "iTXt", "eXIf", "iCCP"} <= set(png_chunk_types(data))
    return data


def webp_original():
    buffer = io.BytesIO()
    picture().save(buffer, "WEBP", exif=telling_exif(), xmp=XMP.encode(), icc_profile=SRGB_PROFILE)
    data = buffer.getvalue()
    assert {"EXIF", "XMP ", "ICCP"} <= {fourcc for fourcc, _ in riff_chunks(data)}
    return data


def gif_original():
    buffer = io.BytesIO()
    picture().convert("P").save(buffer, "GIF", comment=SECRET.encode())
    data = buffer.getvalue()
    assert SECRET.encode() in data
    return data


def avif_original():
    buffer = io.BytesIO()
    picture().save(buffer, "AVIF", exif=telling_exif(), xmp=XMP.encode())
    data = buffer.getvalue()
    assert {"Exif", "mime"} <= set(avif_item_types(data))
    return data


ORIGINALS = {
    "jpg": jpeg_original,
    "png": png_original,
    "webp": webp_original,
    "gif": gif_original,
}
if "avif" in renditions.FORMATS:
    ORIGINALS["avif"] = avif_original


def rendition_bytes(image, fmt, spec="body", width=480):
    rendition = image.renditions.get(spec, width, fmt)
    renditions.ensure(image, rendition)
    with default_storage.open(rendition.name, "rb") as stored:
        return stored.read()


def assert_pixels_only(data, fmt):
    """The rendition holds what it takes to draw it and nothing else."""
    if fmt == "jpeg":
        segments = jpeg_segments(data)
        markers = [marker for marker, _ in segments[:-1]]
        extra = [hex(marker) for marker in markers if marker not in JPEG_PICTURE_MARKERS]
        assert not extra, f"JPEG segments besides the picture: {extra}"
        assert segments[-1] == ("trailer", b""), "bytes after the end of the image"
    elif fmt == "webp":
        chunks = riff_chunks(data)
        extra = [fourcc for fourcc, _ in chunks if fourcc not in WEBP_PICTURE_CHUNKS]
        assert not extra, f"WebP chunks besides the picture: {extra}"
        for fourcc, payload in chunks:
            if fourcc == "VP8X":
                assert not payload[0] & (VP8X_ICC | VP8X_EXIF | VP8X_XMP), "VP8X announces metadata"
    elif fmt == "avif":
        assert set(avif_item_types(data)) == {"av01"}, avif_item_types(data)
        assert set(avif_colour_types(data)) <= {"nclx"}, "an ICC profile"
    assert SECRET.encode() not in data


@pytest.mark.parametrize("fmt", renditions.FORMATS)
@pytest.mark.parametrize("original", list(ORIGINALS))
def test_renditions_keep_nothing_but_pixels(original, fmt):
    data = ORIGINALS[original]()
    image = make_image(file=SimpleUploadedFile(f"original.{original}", data))

    assert_pixels_only(rendition_bytes(image, fmt), fmt)


def channel_swapped_profile():
    """An RGB profile whose first channel is blue and third red (the sRGB profile with
    its red and blue colorants exchanged): pixels stored as (255, 0, 0) are blue."""
    profile = bytearray(SRGB_PROFILE)
    (count,) = struct.unpack(">I", profile[128:132])
    entries = {}
    for index in range(count):
        start = 132 + 12 * index
        entries[bytes(profile[start : start + 4])] = start
    red, blue = entries[b"rXYZ"], entries[b"bXYZ"]
    profile[red + 4 : red + 12], profile[blue + 4 : blue + 12] = (
        profile[blue + 4 : blue + 12],
        profile[red + 4 : red + 12],
    )
    return bytes(profile)


@pytest.mark.parametrize("fmt", renditions.FORMATS)
def test_colours_are_converted_to_srgb_and_the_profile_dropped(fmt):
    buffer = io.BytesIO()
    stored_red = PILImage.new("RGB", (600, 400), (255, 0, 0))
    stored_red.save(buffer, "PNG", icc_profile=channel_swapped_profile())
    image = make_image(file=SimpleUploadedFile("swapped.png", buffer.getvalue()))

    data = rendition_bytes(image, fmt)

    assert_pixels_only(data, fmt)
    red, green, blue = PILImage.open(io.BytesIO(data)).convert("RGB").getpixel((100, 100))
    assert blue > 200 and red < 60 and green < 60, (red, green, blue)


def test_transparency_survives_the_conversion_to_srgb():
    buffer = io.BytesIO()
    PILImage.new("RGBA", (600, 400), (255, 0, 0, 0)).save(
        buffer, "PNG", icc_profile=channel_swapped_profile()
    )
    image = make_image(file=SimpleUploadedFile("clear.png", buffer.getvalue()))

    as_webp = PILImage.open(io.BytesIO(rendition_bytes(image, "webp")))

    assert as_webp.mode == "RGBA" and as_webp.getpixel((10, 10))[3] == 0


@pytest.mark.parametrize("profile", [b"not a colour profile", SRGB_PROFILE])
def test_a_damaged_or_unfitting_profile_leaves_the_pixels_as_they_are(profile):
    # An RGB profile on a greyscale picture does not fit it; neither does garbage.
    buffer = io.BytesIO()
    PILImage.new("L", (600, 400), 128).save(buffer, "PNG", icc_profile=profile)
    image = make_image(file=SimpleUploadedFile("grey.png", buffer.getvalue()))

    data = rendition_bytes(image, "jpeg")

    assert_pixels_only(data, "jpeg")
    assert PILImage.open(io.BytesIO(data)).convert("L").getpixel((100, 100)) in range(124, 133)
