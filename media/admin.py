from django.contrib import admin
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin

from media.models import Image


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
