from functools import partial

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch
from django.forms import Media, Script
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from reversion_compare.admin import CompareVersionAdmin

from core.conflicts import VersionCheckAdmin
from core.in_use import RefuseDeletionWhileInUse, uses
from core.review import EditorsChangeWhatStoriesShow
from core.revisions import TaggedCompareVersionAdmin
from media import renditions
from media.forms import ImageAdminForm
from media.inspection import ACCEPTED_FORMATS
from media.models import Gallery, GalleryItem, Image, Keyword
from media.pictures import srcset
from media.renditions import SPECS

PICKER_PAGE_SIZE = 24
# The crops editors check while they set the focal point.
CROP_PREVIEWS = ["hero", "portrait", "poster"]
FOCAL_POINT_PREVIEW_WIDTH = 800


def admin_renditions(image):
    """JPEG renditions for admin previews, narrowest first.

    The thumb, made at upload, comes first; then the in-body sizes for larger
    previews. None for an image whose file could never be read.
    """
    if not image.width:
        return []
    by_width = {}
    for rendition in [
        *image.renditions.for_spec("thumb", "jpeg"),
        *image.renditions.for_spec("body", "jpeg"),
    ]:
        by_width.setdefault(rendition.width, rendition)
    return [by_width[width] for width in sorted(by_width)]


def make_admin_thumbnail(image):
    """Store the thumb rendition, so that lists and pickers show the image at once."""
    renditions.ensure(image, image.renditions.for_spec("thumb", "jpeg")[0])


def thumbnail(image, width=80):
    """A small preview of a library image for admin lists and forms, `width` CSS pixels wide.

    Browsers choose among the admin renditions; the original never goes out.
    """
    sources = admin_renditions(image) if image else []
    if not sources:
        return "—"
    src = next((r for r in sources if r.width >= width), sources[-1])
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}px" alt="{}" width="{}" height="{}" '
        'class="metro-thumb" loading="lazy">',
        src.url,
        srcset(sources),
        width,
        image.alt_text,
        width,
        round(width / image.aspect_ratio),
    )


def picked_ids(value):
    """The ids in "3,5,8"; what is not a plain number of an id's length is left out
    (the image and gallery pickers' ?ids=)."""
    return [int(i) for i in value.split(",") if i.isascii() and i.isdigit() and len(i) <= 18]


class PickerEndpoint:
    """A JSON endpoint at picker/ (admin:<app>_<model>_picker) for the editor's dialogs:
    one page of objects in the change list's order, searched like the change list;
    ?ids=3,5 for those objects only (thumbnails, previews and cards of chosen ones).
    The admin's picker_item(obj) describes each object."""

    def get_urls(self):
        picker = path(
            "picker/",
            self.admin_site.admin_view(self.picker_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_picker",
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        objects, _ = self.get_search_results(
            request, self.get_queryset(request), request.GET.get("q", "").strip()
        )
        if ids := picked_ids(request.GET.get("ids", "")):
            objects = objects.filter(pk__in=ids[:PICKER_PAGE_SIZE])
        page = Paginator(objects, PICKER_PAGE_SIZE).get_page(request.GET.get("page"))
        return JsonResponse(
            {
                "results": [self.picker_item(obj) for obj in page],
                "page": page.number,
                "pages": page.paginator.num_pages,
                "count": page.paginator.count,
                "has_next": page.has_next(),
                "has_previous": page.has_previous(),
            }
        )


def picker_item(image):
    """What the story editor's image picker needs to show and insert an image."""
    sources = admin_renditions(image)
    return {
        "id": image.pk,
        "title": image.title,
        "thumbnail": sources[0].url if sources else image.url,
        "url": image.url,
        "alt": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
    }


def focal_point_picker(image):
    """The picture with a marker at its focal point, and the crops that point gives.

    static/admin/metro/focal-point.js moves the marker where the editor clicks,
    fills in the focal point inputs and re-aims the crop previews. A new image
    has no picture yet: the script shows the chosen file before it is uploaded.
    """
    sources = admin_renditions(image)
    picture_url = (
        min(sources, key=lambda r: abs(r.width - FOCAL_POINT_PREVIEW_WIDTH)).url if sources else ""
    )
    crops = format_html_join(
        "", "{}", ((crop_preview(image, picture_url, SPECS[name]),) for name in CROP_PREVIEWS)
    )
    return format_html(
        '<div class="metro-focal" data-focal-point data-x-input="id_focal_point_x" '
        'data-y-input="id_focal_point_y" data-file-input="id_file">'
        '<p class="metro-focal__empty"{}>Choose a file above: it shows here, and you click '
        "it to set the focal point.</p>"
        '<div class="metro-focal__stage"{}>'
        '<div class="metro-focal__frame">'
        '<img class="metro-focal__picture" src="{}" alt="{}">'
        '<span class="metro-focal__marker" style="left: {}%; top: {}%"></span>'
        "</div>"
        '<div class="metro-focal__crops">{}</div>'
        "</div></div>",
        " hidden" if picture_url else "",
        "" if picture_url else " hidden",
        picture_url,
        image.alt_text,
        percent(image.focal_point_x),
        percent(image.focal_point_y),
        crops,
    )


def crop_preview(image, picture_url, spec):
    """The picture in a box of the spec's shape, showing what its renditions keep."""
    ratio_w, ratio_h = spec.ratio
    return format_html(
        '<figure class="metro-crop"><img src="{}" alt="" data-ratio="{} {}" '
        'style="aspect-ratio: {} / {}; object-position: {}"><figcaption>{}</figcaption></figure>',
        picture_url,
        ratio_w,
        ratio_h,
        ratio_w,
        ratio_h,
        crop_position(image, spec),
        spec.description,
    )


def crop_position(image, spec):
    """CSS object-position that shows, in a box of the spec's shape, the crop renditions get."""
    if not image.width:
        return "50% 50%"
    left, top, right, bottom = image.renditions.crop_box(spec)
    spare_width, spare_height = image.width - (right - left), image.height - (bottom - top)
    x = left / spare_width if spare_width else 0.5
    y = top / spare_height if spare_height else 0.5
    return f"{percent(x)}% {percent(y)}%"


def percent(fraction):
    return f"{fraction * 100:.1f}"


@admin.register(Image)
class ImageAdmin(
    PickerEndpoint, VersionCheckAdmin, EditorsChangeWhatStoriesShow, TaggedCompareVersionAdmin
):
    form = ImageAdminForm
    list_display = ["thumb", "title", "dimensions", "credit", "uploaded_at", "uploaded_by"]
    list_display_links = ["thumb", "title"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    list_filter = ["uploaded_at"]
    date_hierarchy = "uploaded_at"
    readonly_fields = [
        "focal_point",
        "dimensions",
        "file_type",
        "file_bytes",
        "fingerprint",
        "uploaded_by",
        "uploaded_at",
    ]
    add_fieldsets = [
        (None, {"fields": ["file", "title", "alt_text"]}),
        ("Caption and credit", {"fields": ["caption", "credit", "credit_url", "copyright"]}),
        (
            "Focal point",
            {
                "fields": ["focal_point", ("focal_point_x", "focal_point_y")],
                "description": "Click the picture where the interest is: heroes, portraits "
                "and posters are cropped around that point.",
            },
        ),
        ("Library", {"fields": ["tags"]}),
    ]
    fieldsets = [
        *add_fieldsets,
        (
            "File",
            {
                "fields": [
                    "dimensions",
                    "file_type",
                    "file_bytes",
                    "fingerprint",
                    "uploaded_by",
                    "uploaded_at",
                ]
            },
        ),
    ]

    class Media:
        js = [Script("admin/metro/focal-point.js", type="module")]

    def get_fieldsets(self, request, obj=None):
        return super().get_fieldsets(request, obj) if obj else self.add_fieldsets

    def picker_item(self, obj):
        return picker_item(obj)

    @admin.display(description="Image")
    def thumb(self, obj):
        return thumbnail(obj)

    @admin.display(description="Preview")
    def focal_point(self, obj):
        return focal_point_picker(obj)

    @admin.display(description="Dimensions")
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height} px" if obj.width else "—"

    @admin.display(description="Format")
    def file_type(self, obj):
        return ACCEPTED_FORMATS.get(obj.file_format, obj.file_format) or "—"

    @admin.display(description="File size")
    def file_bytes(self, obj):
        return filesizeformat(obj.file_size) if obj.file_size else "—"

    @admin.display(description="Content hash")
    def fingerprint(self, obj):
        if not obj.content_hash:
            return "—"
        return format_html(
            '<code title="SHA-256 {}">{}…</code>', obj.content_hash, obj.content_hash[:12]
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        if form.image_facts is not None:
            # Store the upload now: the form has applied what inspection read,
            # so saving the image need not read the whole file a second time.
            obj.file.save(obj.file.name, obj.file.file, save=False)
        super().save_model(request, obj, form, change)
        # A new file or focal point gives the thumb a new name.
        transaction.on_commit(partial(make_admin_thumbnail, obj), robust=True)


@admin.register(Keyword)
class KeywordAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


# Thumbnails a gallery shows in lists and pickers.
GALLERY_PREVIEW_PICTURES = 4


class GalleryItemForm(forms.ModelForm):
    """A picture of the gallery; its caption and credit fields show the image's own,
    which readers get unless the editor writes others."""

    class Meta:
        model = GalleryItem
        fields = ["order", "image", "caption", "credit"]
        widgets = {
            "order": forms.NumberInput(attrs={"class": "metro-gallery__order", "min": 0}),
            "caption": forms.Textarea(attrs={"rows": 2, "cols": 24}),
            "credit": forms.TextInput(attrs={"size": 14}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        image = self.instance.image if self.instance.image_id else None
        if image is not None:
            self.fields["caption"].widget.attrs["placeholder"] = image.caption
            self.fields["credit"].widget.attrs["placeholder"] = image.credit


class GalleryItemInline(admin.TabularInline):
    """The gallery's pictures in order: drag a row, or type its position
    (static/admin/metro/gallery-admin.js renumbers the rows as they are dragged)."""

    model = GalleryItem
    form = GalleryItemForm
    extra = 0
    autocomplete_fields = ["image"]
    fields = ["order", "image", "picture", "caption", "credit"]
    readonly_fields = ["picture"]
    verbose_name = "picture"
    verbose_name_plural = "pictures"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    @admin.display(description="Preview")
    def picture(self, obj):
        return thumbnail(obj.image if obj and obj.image_id else None, width=96)


def gallery_picker_item(gallery):
    """What the story editor's gallery picker shows, and its card in the body, need."""
    items = list(gallery.items.all())
    return {
        "id": gallery.pk,
        "title": gallery.title,
        "count": len(items),
        "thumbnails": [
            {"url": sources[0].url, "alt": item.image.alt_text}
            for item in items[:GALLERY_PREVIEW_PICTURES]
            if (sources := admin_renditions(item.image))
        ],
        "edit_url": reverse("admin:media_gallery_change", args=[gallery.pk]),
    }


@admin.register(Gallery)
class GalleryAdmin(
    PickerEndpoint,
    VersionCheckAdmin,
    EditorsChangeWhatStoriesShow,
    RefuseDeletionWhileInUse,
    CompareVersionAdmin,
):
    list_display = ["preview", "title", "picture_count", "updated_at"]
    list_display_links = ["preview", "title"]
    search_fields = ["title"]
    readonly_fields = ["used_in"]
    fieldsets = [(None, {"fields": ["title", "used_in"]})]
    inlines = [GalleryItemInline]
    save_on_top = True

    @property
    def media(self):
        config = {"data-picker-url": reverse("admin:media_image_picker")}
        return super().media + Media(
            js=[
                "admin/metro/picked-images.js",
                Script("admin/metro/gallery-admin.js", **config),
            ],
            css={"all": ["admin/metro/gallery-admin.css"]},
        )

    def get_queryset(self, request):
        items = GalleryItem.objects.select_related("image")
        return (
            super()
            .get_queryset(request)
            .annotate(picture_count=Count("items"))
            .prefetch_related(Prefetch("items", queryset=items))
            .order_by(*Gallery._meta.ordering)  # Counting groups rows, which drops Meta.ordering.
        )

    def picker_item(self, obj):
        return gallery_picker_item(obj)

    @admin.display(description="Pictures")
    def preview(self, obj):
        items = list(obj.items.all())[:GALLERY_PREVIEW_PICTURES]
        if not items:
            return "—"
        return format_html(
            '<span class="metro-gallery-preview">{}</span>',
            format_html_join("", "{}", ((thumbnail(item.image, width=48),) for item in items)),
        )

    @admin.display(description="Used in")
    def used_in(self, obj):
        """The stories showing the gallery (a gallery has no page of its own)."""
        lines = uses(obj) if obj and obj.pk else []
        if not lines:
            return "No story yet: place it in a story's body (the “Gallery” button) or as its lead."
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines))
        )

    @admin.display(description="Number of pictures", ordering="picture_count")
    def picture_count(self, obj):
        return obj.picture_count
