import logging

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.timesince import timeuntil

from staff.models import FailedSignIn

logger = logging.getLogger("metro.security")


@admin.register(FailedSignIn)
class FailedSignInAdmin(admin.ModelAdmin):
    """Recent failed sign-ins, for whoever may unlock a locked-out address (Editors)."""

    list_display = [
        "ip_address",
        "address_status",
        "username",
        "failures_since_start",
        "attempt_time",
        "user_agent",
    ]
    list_display_links = None
    search_fields = ["ip_address", "username"]
    fields = ["ip_address", "username", "failures_since_start", "attempt_time", "user_agent"]
    actions = ["unlock"]

    def get_queryset(self, request):
        return super().get_queryset(request).recent().with_address_failures()

    def changelist_view(self, request, extra_context=None):
        now = timezone.now()
        title = f"Failed sign-ins in the last {timeuntil(now + settings.AXES_COOLOFF_TIME, now)}"
        return super().changelist_view(request, {"title": title} | (extra_context or {}))

    @admin.display(description="From this address", ordering="-address_failures")
    def address_status(self, attempt):
        limit = settings.AXES_FAILURE_LIMIT
        if attempt.address_failures >= limit:
            return "Locked out"
        return f"{attempt.address_failures} of {limit} failures"

    @admin.action(description="Unlock the selected addresses", permissions=["unlock"])
    def unlock(self, request, queryset):
        addresses = queryset.unlock()
        logger.warning("%s unlocked sign-ins from %s", request.user, ", ".join(addresses))
        self.message_user(
            request, f"Unlocked {', '.join(addresses)}: signing in from there works again."
        )

    def has_unlock_permission(self, request):
        return request.user.has_perm("staff.unlock_sign_ins")

    def has_view_permission(self, request, obj=None):
        return self.has_unlock_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
