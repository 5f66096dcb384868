"""Reading galleries for pages: any number of them, with their pictures, in one query."""

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


def prefetched(instance, name, queryset, objects):
    """Store `objects` as the result of `instance.<name>.all()`, as prefetch_related does."""
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[name] = queryset
