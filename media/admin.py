from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin
from taggit.managers import TaggableManager

from media.models import Image, Keyword
from metro.widgets import TagSuggestWidget

PICKER_PAGE_SIZE = 24


def thumbnail(image, width=80):
    """A small preview of a library image for admin lists and forms."""
    if not image or not image.file:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="{}" class="metro-thumb" loading="lazy">',
        image.file.url,
        image.alt_text,
        width,
    )


def picker_item(image):
    """What the story editor's image picker needs to show and insert an image."""
    return {
        "id": image.pk,
        "title": image.title,
        "thumbnail": image.url,
        "url": image.url,
        "alt": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
    }


@admin.register(Image)
class ImageAdmin(CompareVersionAdmin):
    list_display = ["thumb", "title", "dimensions", "credit", "uploaded_at", "uploaded_by"]
    list_display_links = ["thumb", "title"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    list_filter = ["uploaded_at"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["preview", "dimensions", "uploaded_by", "uploaded_at"]
    fieldsets = [
        (None, {"fields": ["file", "preview", "title", "alt_text"]}),
        ("Caption and credit", {"fields": ["caption", "credit", "credit_url"]}),
        ("Cropping", {"fields": ["focal_point_x", "focal_point_y"]}),
        ("Library", {"fields": ["tags", "dimensions", "uploaded_by", "uploaded_at"]}),
    ]
    formfield_overrides = {TaggableManager: {"widget": TagSuggestWidget(Image)}}

    def get_urls(self):
        picker = path(
            "picker/",
            self.admin_site.admin_view(self.picker_view),
            name="media_image_picker",
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """JSON for the story editor's "Image from library" dialog: one page of
        images, newest first, searched like the change list."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images, _ = self.get_search_results(
            request, self.get_queryset(request), request.GET.get("q", "").strip()
        )
        page = Paginator(images, PICKER_PAGE_SIZE).get_page(request.GET.get("page"))
        return JsonResponse(
            {
                "results": [picker_item(image) for image in page],
                "page": page.number,
                "pages": page.paginator.num_pages,
                "count": page.paginator.count,
                "has_next": page.has_next(),
                "has_previous": page.has_previous(),
            }
        )

    @admin.display(description="Image")
    def thumb(self, obj):
        return thumbnail(obj)

    @admin.display(description="Preview")
    def preview(self, obj):
        return thumbnail(obj, width=480) if obj.pk else "Shown after the image is saved."

    @admin.display(description="Size")
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj.width else "—"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Keyword)
class KeywordAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
