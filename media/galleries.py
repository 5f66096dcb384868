"""Reading galleries for pages: any number of them, with their pictures, in one query."""

from core.prefetch import prefetched
from media.models import GalleryItem


def load_galleries(ids):
    """{id: gallery} for those of `ids` that exist and hold a picture, each gallery's
    `items.all()` already read (in order, with their images): one query in all.

    A gallery without items is left out: it has nothing to show.
    """
    ids = {gallery_id for gallery_id in ids if gallery_id}
    if not ids:
        return {}
    items = (
        GalleryItem.objects.filter(gallery_id__in=ids)
        .select_related("gallery", "image")
        .order_by("gallery_id", "order", "pk")
    )
    galleries = {}
    for item in items:
        gallery = galleries.setdefault(item.gallery_id, item.gallery)
        item._state.fields_cache["gallery"] = gallery
        vars(gallery).setdefault("_loaded_items", []).append(item)
    for gallery in galleries.values():
        prefetched(gallery, "items", gallery.items.all(), vars(gallery).pop("_loaded_items"))
    return galleries
