"""What an uploaded file really is, decided by its content, and what it tells us about itself.

`inspect_image` is the single gate for files entering the library: it refuses
anything that is not a JPEG, PNG, WebP, GIF (or AVIF, where Pillow reads it),
files over the byte or pixel limits, and truncated files, each with a message
an editor can act on. It reads the dimensions as displayed (EXIF orientation
applied), a content hash, and any caption, credit and copyright embedded by
the camera or the photo agency.
"""

import hashlib
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import IptcImagePlugin, UnidentifiedImageError, features

# Pillow format name -> the name editors know.
ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
if features.check("avif"):
    ACCEPTED_FORMATS["AVIF"] = "AVIF"

# EXIF orientations that turn the picture a quarter, so width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}

EXIF_ORIENTATION = 0x0112
EXIF_DESCRIPTION = 0x010E
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
IPTC_CAPTION = (2, 120)
IPTC_BYLINE = (2, 80)
IPTC_CREDIT = (2, 110)
IPTC_COPYRIGHT = (2, 116)

# The first bytes of files that are often renamed to .jpg, for a clearer refusal.
KNOWN_IMPOSTORS = [
    (b"%PDF", "a PDF document"),
    (b"<svg", "an SVG drawing"),
    (b"<?xml", "an XML file (perhaps an SVG drawing)"),
    (b"<!doctype html", "a web page"),
    (b"<html", "a web page"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
]


@dataclass(frozen=True)
class ImageFacts:
    format: str
    width: int
    height: int
    orientation: int
    content_hash: str
    byte_size: int
    caption: str = ""
    credit: str = ""
    copyright: str = ""


def accepted_formats_text():
    names = list(ACCEPTED_FORMATS.values())
    return ", ".join(names[:-1]) + " or " + names[-1]


def inspect_image(file):
    """Check `file` (a Django File or upload) and return its ImageFacts, or raise ValidationError."""
    max_bytes = settings.MEDIA_MAX_UPLOAD_BYTES
    size = file.size
    if size > max_bytes:
        raise ValidationError(
            "This file is %(size)s; the largest image we accept is %(limit)s. "
            "Export a smaller JPEG and upload that instead.",
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    if size == 0:
        raise ValidationError("This file is empty.", code="empty")

    file.seek(0)
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    head = file.read(64)
    file.seek(0)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            picture = PILImage.open(file, formats=list(ACCEPTED_FORMATS))
            facts = _facts(picture, digest.hexdigest(), size)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise _too_many_pixels(None) from None
    except UnidentifiedImageError:
        raise _not_an_image(head) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            "This image is damaged or incomplete (%(detail)s). Export it again and re-upload.",
            code="damaged",
            params={"detail": str(error) or "it could not be read"},
        ) from None
    finally:
        file.seek(0)
    return facts


def _facts(picture, content_hash, size):
    width, height = picture.size
    pixels = width * height
    if pixels > settings.MEDIA_MAX_PIXELS:
        raise _too_many_pixels((width, height))
    exif = picture.getexif()
    orientation = exif.get(EXIF_ORIENTATION, 1)
    iptc = (IptcImagePlugin.getiptcinfo(picture) or {}) if picture.format == "JPEG" else {}
    # Decode every byte: truncated or corrupt files fail here, not on a reader's page.
    picture.load()
    if orientation in QUARTER_TURNS:
        width, height = height, width
    return ImageFacts(
        format=picture.format,
        width=width,
        height=height,
        orientation=orientation,
        content_hash=content_hash,
        byte_size=size,
        caption=_text(iptc.get(IPTC_CAPTION)) or _text(exif.get(EXIF_DESCRIPTION)),
        credit=(
            _text(iptc.get(IPTC_CREDIT))
            or _text(iptc.get(IPTC_BYLINE))
            or _text(exif.get(EXIF_ARTIST))
        ),
        copyright=_text(iptc.get(IPTC_COPYRIGHT)) or _text(exif.get(EXIF_COPYRIGHT)),
    )


def _too_many_pixels(size):
    limit = settings.MEDIA_MAX_PIXELS / 1_000_000
    if size is None:
        return ValidationError(
            "This image has far too many pixels to be processed safely; the limit is "
            "%(limit)g megapixels.",
            code="too_many_pixels",
            params={"limit": limit},
        )
    width, height = size
    return ValidationError(
        "This image is %(width)s × %(height)s pixels (%(megapixels).1f megapixels); the "
        "limit is %(limit)g megapixels. Resize it and upload it again.",
        code="too_many_pixels",
        params={
            "width": width,
            "height": height,
            "megapixels": width * height / 1_000_000,
            "limit": limit,
        },
    )


def _not_an_image(head):
    formats = accepted_formats_text()
    lowered = head.lstrip().lower()
    for magic, description in KNOWN_IMPOSTORS:
        if lowered.startswith(magic.lower()):
            return ValidationError(
                "This file is %(what)s, not an image we can use. Upload a %(formats)s image.",
                code="not_an_image",
                params={"what": description, "formats": formats},
            )
    return ValidationError(
        "This file is not an image we can read. Upload a %(formats)s image.",
        code="not_an_image",
        params={"formats": formats},
    )


def _text(value):
    """Metadata text as a clean string: IPTC may repeat a field, and bytes are usually UTF-8."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bytes):
        for encoding in ("utf-8", "latin-1"):
            try:
                value = value.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if not isinstance(value, str):
        return ""
    try:
        # Pillow reads EXIF text as Latin-1; most tools write UTF-8 ("Â©" for "©").
        value = value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return " ".join(value.replace("\x00", " ").split())[:500]
