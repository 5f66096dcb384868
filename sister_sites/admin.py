from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.tasks import TaskResultStatus
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.conflicts import VersionCheckAdmin
from sister_sites.models import SisterLink, SisterSite
from sister_sites.tasks import refresh_sister_sites


class SisterLinkInline(admin.TabularInline):
    model = SisterLink
    extra = 0
    fields = ["title", "url", "published_at", "pinned", "hidden", "source"]
    readonly_fields = ["source"]
    ordering = ["-pinned", "-published_at"]
    show_change_link = True


def enqueue_refresh(request, sites):
    """Refresh through the task backend: at once with the immediate one, else by a worker.

    Run at once, the refresh happens inside this request: all the sites then share
    one SISTER_FEED_TIMEOUT, so an editor never waits longer than that for feeds.
    """
    in_this_request = isinstance(refresh_sister_sites.get_backend(), ImmediateBackend)
    result = refresh_sister_sites.enqueue(
        [site.pk for site in sites],
        time_limit=settings.SISTER_FEED_TIMEOUT if in_this_request else None,
    )
    if result.status == TaskResultStatus.SUCCESSFUL:
        for line in result.return_value:
            messages.info(request, line)
    elif result.status == TaskResultStatus.FAILED:
        messages.error(request, "The refresh failed; the server log has the details.")
    else:
        names = ", ".join(site.name for site in sites)
        messages.info(request, f"Refresh queued for {names}.")


@admin.register(SisterSite)
class SisterSiteAdmin(VersionCheckAdmin):
    list_display = ["name", "home_url", "order", "active", "refresh_status", "last_refreshed_at"]
    list_editable = ["order", "active"]
    list_filter = ["active", "last_refresh_ok"]
    search_fields = ["name", "home_url"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["logo"]
    readonly_fields = ["refresh_status", "last_refreshed_at", "last_success_at", "last_error"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "home_url", "feed_url", "logo", "order", "active"]}),
        (
            "Feed refresh",
            {"fields": ["refresh_status", "last_refreshed_at", "last_success_at", "last_error"]},
        ),
    ]
    inlines = [SisterLinkInline]
    actions = ["refresh_now"]
    # A refresh writes the feed's headlines and status, never what an editor typed.
    actions_without_version_check = ("delete_selected", "refresh_now")

    @admin.display(description="Feed", ordering="last_refresh_ok")
    def refresh_status(self, site):
        if not site.feed_url:
            return "No feed"
        if site.last_refresh_ok is None:
            return "Not refreshed yet"
        if site.last_refresh_ok:
            return mark_safe('<span class="metro-status metro-status--live">Working</span>')
        return format_html(
            '<span class="metro-status metro-status--failing" title="{}">Failing</span> {}',
            site.last_error,
            Truncator(site.last_error).chars(80),
        )

    @admin.action(description="Refresh the selected sites' feeds now")
    def refresh_now(self, request, queryset):
        sites = [site for site in queryset if site.active and site.feed_url]
        if not sites:
            messages.warning(request, "None of the selected sites is active with a feed URL.")
            return
        enqueue_refresh(request, sites)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.active and obj.feed_url and "feed_url" in form.changed_data:
            # A new feed: fetch its headlines once the site is saved.
            transaction.on_commit(lambda: enqueue_refresh(request, [obj]))


@admin.register(SisterLink)
class SisterLinkAdmin(admin.ModelAdmin):
    list_display = ["title", "site", "published_at", "source", "pinned", "hidden"]
    list_editable = ["pinned", "hidden"]
    list_filter = ["site", "source", "pinned", "hidden"]
    list_select_related = ["site"]
    search_fields = ["title", "url"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["site"]
    readonly_fields = ["source", "guid", "created_at", "updated_at"]
    fields = [
        "site",
        "title",
        "url",
        "published_at",
        "image_url",
        "pinned",
        "hidden",
        "source",
        "guid",
        "created_at",
        "updated_at",
    ]

    def get_changeform_initial_data(self, request):
        return {"published_at": timezone.now(), **super().get_changeform_initial_data(request)}
