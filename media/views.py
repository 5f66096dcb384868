import logging

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from PIL import Image as PILImage

from media import renditions
from media.models import EmbedInfo, Image

ONE_YEAR = 60 * 60 * 24 * 365

logger = logging.getLogger(__name__)


@require_safe
def rendition(request, image_id, key, filename):
    """Serve one rendition, making and storing it first if this is its first request.

    The key (derived from the file and focal point) must be the image's current
    one: it changes with every new crop, and it keeps unpublished pictures
    unguessable, so a wrong key is a 404 rather than a redirect.
    """
    image = get_object_or_404(Image, pk=image_id)
    wanted = image.renditions.find(filename)
    if wanted is None or key != wanted.key:
        raise Http404("No such rendition.")
    try:
        renditions.ensure(image, wanted)
        stored = default_storage.open(wanted.name, "rb")
    except (OSError, ValueError, PILImage.DecompressionBombError):
        # A missing or damaged original: nothing to show, and nothing a reader can fix.
        logger.warning("Cannot make rendition %s of image %s", filename, image_id, exc_info=True)
        raise Http404("The original of this image is missing or damaged.") from None
    response = FileResponse(stored, content_type=wanted.mime_type)
    response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    return response


@require_safe
def embed_thumbnail(request, info_id, filename):
    """Our copy of an embed's thumbnail (media.embeds): readers never ask the provider.

    Each picture has its own name, so the answer may be cached for good."""
    info = get_object_or_404(EmbedInfo, pk=info_id)
    if not info.thumbnail or info.thumbnail.name.rsplit("/", 1)[-1] != filename:
        raise Http404("No such thumbnail.")
    try:
        stored = default_storage.open(info.thumbnail.name, "rb")
    except OSError:
        raise Http404("The thumbnail is missing.") from None
    response = FileResponse(stored, content_type="image/jpeg")
    response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    return response
