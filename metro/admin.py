from django.contrib import admin

from metro.models import SisterLink, SisterSite


class SisterLinkInline(admin.TabularInline):
    model = SisterLink
    extra = 0
    fields = ["title", "url", "published_at", "pinned", "hidden"]
    ordering = ["-pinned", "-published_at"]


@admin.register(SisterSite)
class SisterSiteAdmin(admin.ModelAdmin):
    list_display = ["name", "home_url", "feed_url", "order", "active"]
    list_editable = ["order", "active"]
    list_filter = ["active"]
    search_fields = ["name", "home_url"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["logo"]
    inlines = [SisterLinkInline]


@admin.register(SisterLink)
class SisterLinkAdmin(admin.ModelAdmin):
    list_display = ["title", "site", "published_at", "pinned", "hidden"]
    list_editable = ["pinned", "hidden"]
    list_filter = ["site", "pinned", "hidden"]
    list_select_related = ["site"]
    search_fields = ["title", "url"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["site"]
