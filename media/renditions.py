"""Renditions: the sizes and shapes of library images that readers download.

Every spec lives in SPECS. A rendition's storage name is derived from the
image alone (its id, content, focal point and the pipeline version), so a page
can link to any rendition without a database query, and a change of focal
point or file gives new names. Files are made once, with Pillow, and stored
through Django's storage API: at upload for the admin's thumbnails, otherwise
by the serve view on first request or by `manage.py make_renditions`. With the
default storage (core.storage) a rendition file appears only once complete.
"""

import hashlib
import io
import itertools
import os
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from PIL import ImageChops, ImageCms, ImageOps, features

from media.paths import fast_reverse

# Bump to give every rendition a new name after changing how they are made.
PIPELINE_VERSION = 2  # 2: no comment or colour profile; colours converted to sRGB.
RENDITIONS_DIR = "renditions"

# Most preferred first; the last one is the <img> fallback every browser reads.
FORMATS = ("avif", "webp", "jpeg") if features.check("avif") else ("webp", "jpeg")
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
PILLOW_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
ENCODER_OPTIONS = {
    "avif": {"quality": 60, "speed": 8},
    "webp": {"quality": 80, "method": 4},
    "jpeg": {"quality": 82, "progressive": True},
}
# Stands for a filename while asking for the shape of a rendition URL.
_PROBE_FILENAME = "probe-0.jpeg"
# Browsers read an image without a colour profile as sRGB: renditions are
# converted to it and carry no profile (see render()).
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# 216 colours spread over the RGB cube, to tell whether a profile changes any,
# and by how much a channel may move (rounding between sRGB profiles) and be the same.
COLOUR_PROBE = PILImage.frombytes(
    "RGB", (216, 1), bytes(itertools.chain(*itertools.product(range(0, 256, 51), repeat=3)))
)
SAME_COLOUR = 2
# Decode JPEGs at a reduced scale when that still leaves this much more detail
# than the output needs: much faster, and indistinguishable after resizing.
DRAFT_OVERSAMPLING = 1.25


@dataclass(frozen=True)
class Spec:
    name: str
    ratio: tuple[int, int] | None  # None keeps the image's own shape.
    widths: tuple[int, ...]
    formats: tuple[str, ...] = FORMATS
    description: str = ""


SPECS = {
    spec.name: spec
    for spec in [
        # Widths: what the slots (media.pictures.SLOTS) need on 1x and 2x screens.
        Spec("hero", (16, 9), (480, 800, 1200, 1600), description="Story heroes, 16:9"),
        Spec("card", (16, 9), (160, 240, 400, 800), description="Listing cards, 16:9"),
        Spec(
            "portrait",
            (1, 1),
            (64, 128, 160, 192, 240, 320, 480, 640),
            description="People, square",
        ),
        Spec("poster", (2, 3), (64, 128, 240, 256, 480, 512, 800), description="Films, 2:3"),
        Spec("body", None, (480, 800, 1200), description="In-body images, uncropped"),
        Spec("thumb", None, (240,), ("jpeg",), description="Admin lists and pickers"),
        Spec("og", (40, 21), (1200,), ("jpeg",), description="Social cards, 1200×630"),
        # Search engines ask for each story picture in three shapes (structured data).
        Spec("square", (1, 1), (1200,), ("jpeg",), description="Structured data, 1:1"),
        Spec("standard", (4, 3), (1200,), ("jpeg",), description="Structured data, 4:3"),
    ]
}


@dataclass(frozen=True)
class Rendition:
    image_id: int
    key: str
    spec: Spec
    width: int
    height: int
    format: str
    crop: tuple[int, int, int, int]  # left, top, right, bottom in the upright original

    @property
    def filename(self):
        return f"{self.spec.name}-{self.width}.{self.format}"

    @property
    def name(self):
        """The storage name."""
        return f"{RENDITIONS_DIR}/{self.image_id}/{self.key}/{self.filename}"

    @property
    def url(self):
        return fast_reverse(
            "media:rendition", image_id=self.image_id, key=self.key, filename=self.filename
        )

    @property
    def mime_type(self):
        return MIME_TYPES[self.format]


class Renditions:
    """The renditions one image offers, computed from its fields without touching storage."""

    def __init__(self, image):
        self.image = image

    @cached_property
    def url_prefix(self):
        """The URL of this image's renditions: a rendition's URL is this plus its filename.

        One reverse per image instead of one per rendition (pages list dozens of them).
        """
        url = fast_reverse(
            "media:rendition", image_id=self.image.pk, key=self.key, filename=_PROBE_FILENAME
        )
        prefix, probe, rest = url.rpartition(_PROBE_FILENAME)
        if not probe or rest:
            raise ValueError(f"The rendition URL {url!r} does not end with its filename.")
        return prefix

    @cached_property
    def key(self):
        image = self.image
        source = image.content_hash or image.file.name
        fingerprint = (
            f"{source}:{image.focal_point_x:.4f}:{image.focal_point_y:.4f}:{PIPELINE_VERSION}"
        )
        return hashlib.sha256(fingerprint.encode()).hexdigest()[:12]

    def crop_box(self, spec):
        """The largest box of the spec's shape inside the image, centred on the focal point."""
        width, height = self.image.width, self.image.height
        if spec.ratio is None:
            return (0, 0, width, height)
        ratio_w, ratio_h = spec.ratio
        crop_w, crop_h = width, round(width * ratio_h / ratio_w)
        if crop_h > height:
            crop_w, crop_h = round(height * ratio_w / ratio_h), height
        left = _clamp(round(self.image.focal_point_x * width - crop_w / 2), 0, width - crop_w)
        top = _clamp(round(self.image.focal_point_y * height - crop_h / 2), 0, height - crop_h)
        return (left, top, left + crop_w, top + crop_h)

    def widths(self, spec, crop_box=None):
        """The spec's widths this image can fill without upscaling (`crop_box`: the
        spec's crop_box(), if the caller has it already)."""
        left, _, right, _ = crop_box or self.crop_box(spec)
        available = right - left
        return [w for w in spec.widths if w <= available] or [available]

    def get(self, spec_name, width, fmt):
        spec = SPECS[spec_name]
        box = self.crop_box(spec)
        crop_w, crop_h = box[2] - box[0], box[3] - box[1]
        return Rendition(
            image_id=self.image.pk,
            key=self.key,
            spec=spec,
            width=width,
            height=max(1, round(width * crop_h / crop_w)),
            format=fmt,
            crop=box,
        )

    def for_spec(self, spec_name, fmt):
        spec = SPECS[spec_name]
        return [self.get(spec_name, width, fmt) for width in self.widths(spec)]

    def largest(self, spec_name, fmt="jpeg", width=None):
        """One rendition for a single URL (social cards, feeds): `width` if offered, else the largest."""
        widths = self.widths(SPECS[spec_name])
        return self.get(spec_name, width if width in widths else widths[-1], fmt)

    def all(self):
        for spec in SPECS.values():
            for fmt in spec.formats:
                yield from self.for_spec(spec.name, fmt)

    def find(self, filename):
        """The rendition a served file name asks for, or None if this image offers no such file."""
        if not self.image.width or not self.image.height:
            return None  # The file could not be read; there is nothing to resize.
        stem, _, fmt = filename.rpartition(".")
        spec_name, _, width = stem.rpartition("-")
        spec = SPECS.get(spec_name)
        if spec is None or fmt not in spec.formats or not width.isdigit():
            return None
        if int(width) not in self.widths(spec):
            return None
        return self.get(spec_name, int(width), fmt)


def ensure(image, rendition, storage=None):
    """Make and store `rendition` unless it is already stored. Returns True if it was made."""
    storage = storage or default_storage
    if storage.exists(rendition.name):
        return False
    with image.file.open("rb") as source:
        data = render(source, rendition)
    saved = storage.save(rendition.name, ContentFile(data))
    if saved != rendition.name:
        # Another process stored the same rendition first; keep theirs.
        storage.delete(saved)
    cache.delete(_size_key(rendition.name))  # It may have been remembered as not made yet.
    return True


# A rendition's name changes whenever its content could, so its size never does.
STORED_SIZE_SECONDS = 7 * 24 * 60 * 60
# "Not made yet" may stop being true at any moment (ensure() forgets it in this
# process's cache or in Redis, but another process may keep it in its own memory).
NOT_STORED_SECONDS = 5 * 60


def stored_sizes(names, storage=None):
    """{name: bytes} of stored renditions, 0 for those not made yet.

    Read through the cache: a feed asks for 50 sizes in one round trip instead
    of two storage calls (two S3 requests) for each.
    """
    storage = storage or default_storage
    keys = {_size_key(name): name for name in names}
    sizes = {keys[key]: size for key, size in cache.get_many(keys).items()}
    stored, not_stored = {}, {}
    for key, name in keys.items():
        if name not in sizes:
            sizes[name] = _storage_size(storage, name)
            (stored if sizes[name] else not_stored)[key] = sizes[name]
    cache.set_many(stored, STORED_SIZE_SECONDS)
    cache.set_many(not_stored, NOT_STORED_SECONDS)
    return sizes


def _size_key(name):
    return f"rendition-size:{name}"


def _storage_size(storage, name):
    try:
        return storage.size(name) if storage.exists(name) else 0
    except OSError:
        return 0


def render(source, rendition):
    """Encode `rendition` from the open original `source`; returns the encoded bytes.

    A rendition carries pixels only. Whatever else the original holds (EXIF with
    its GPS position and camera serial, XMP, IPTC, a JPEG comment, PNG text) stays
    behind, and so does its colour profile: the pixels are converted to sRGB,
    which is what browsers assume for an image without one. A profile can name a
    device, its owner and when it was made, and costs 0.5 to 500 KB a file; the
    price is that colours outside sRGB (wide-gamut Display P3 photos) are mapped
    into it, which news pictures seen on the web hardly notice.
    """
    picture = PILImage.open(source)
    original_size = picture.size
    orientation = picture.getexif().get(0x0112, 1)
    icc_profile = picture.info.get("icc_profile")
    left, top, right, bottom = rendition.crop
    scale = rendition.width / (right - left)
    if picture.format == "JPEG":
        upright_w, upright_h = _upright_size(picture.size, orientation)
        wanted = (
            round(upright_w * scale * DRAFT_OVERSAMPLING),
            round(upright_h * scale * DRAFT_OVERSAMPLING),
        )
        picture.draft(None, _upright_size(wanted, orientation))
    ImageOps.exif_transpose(picture, in_place=True)
    # Draft decoding shrinks the picture by a power of two; scale the crop with it.
    shrink = picture.width / _upright_size(original_size, orientation)[0]
    box = (left * shrink, top * shrink, right * shrink, bottom * shrink)
    picture = _resizable(picture)
    resized = picture.resize(
        (rendition.width, rendition.height), PILImage.Resampling.LANCZOS, box=box, reducing_gap=3.0
    )
    resized = _web_mode(_in_srgb(resized, icc_profile), rendition.format)
    # Pillow's encoders fall back on the image's own info for what to embed (a
    # JPEG's comment, an AVIF's colour profile), and resizing copies the
    # original's: the encoder gets only the options below.
    resized.info = {}
    output = io.BytesIO()
    resized.save(output, PILLOW_FORMATS[rendition.format], **ENCODER_OPTIONS[rendition.format])
    return output.getvalue()


def delete_all(image_id, keep_key=None, storage=None):
    """Remove an image's stored renditions, except those under `keep_key`."""
    storage = storage or default_storage
    folder = f"{RENDITIONS_DIR}/{image_id}"
    try:
        keys, _ = storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for key in keys:
        if key == keep_key:
            continue
        _, files = storage.listdir(f"{folder}/{key}")
        for filename in files:
            storage.delete(f"{folder}/{key}/{filename}")
        _remove_empty_folder(storage, f"{folder}/{key}")
    _remove_empty_folder(storage, folder)


def _remove_empty_folder(storage, name):
    """Storage has no folders to delete, but a local disk keeps empty ones: tidy them."""
    try:
        os.rmdir(storage.path(name))
    except (NotImplementedError, OSError):
        pass  # Not local, or not empty.


def _upright_size(size, orientation):
    return (size[1], size[0]) if orientation in {5, 6, 7, 8} else size


def _resizable(picture):
    """Pixels that resize smoothly and that the original's colour profile still
    describes: RGB, RGBA, L or CMYK as they are; palettes and other modes as RGB(A)."""
    if picture.mode in {"RGB", "RGBA", "L", "CMYK"} and "transparency" not in picture.info:
        return picture
    has_alpha = picture.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or "transparency" in picture.info
    return picture.convert("RGBA" if has_alpha else "RGB")


def _in_srgb(picture, icc_profile):
    """`picture` converted from the colour space its profile describes to sRGB.

    Without a profile, or with one that is damaged or does not fit the pixels
    (an RGB profile on a greyscale picture), the pixels are taken as they are,
    as browsers would. So are pixels whose profile is sRGB's (most cameras' and
    phones'): a sample of colours tells, for less than converting them all.
    """
    if not icc_profile:
        return picture
    try:
        transform = ImageCms.buildTransform(
            ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
            SRGB,
            picture.mode,
            "RGBA" if picture.mode == "RGBA" else "RGB",
            ImageCms.Intent.PERCEPTUAL,
        )
        if picture.mode in {"RGB", "RGBA"}:
            probe = COLOUR_PROBE.convert(picture.mode)
            changes = ImageChops.difference(ImageCms.applyTransform(probe, transform), probe)
            if max(high for _, high in changes.getextrema()) <= SAME_COLOUR:
                return picture
        return ImageCms.applyTransform(picture, transform)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture


def _web_mode(picture, fmt):
    """Colours as browsers expect them; transparency kept where the format has it."""
    if picture.mode == "CMYK":
        return picture.convert("RGB")  # No usable profile: Pillow's plain conversion.
    if fmt == "jpeg" and picture.mode == "RGBA":
        flat = PILImage.new("RGB", picture.size, (255, 255, 255))
        flat.paste(picture, mask=picture.getchannel("A"))
        return flat
    return picture


def _clamp(value, low, high):
    return max(low, min(value, high))
