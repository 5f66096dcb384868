"""Who is knocking at the admin's door, and how often they may try."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timeuntil


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the
    address the outermost trusted proxy saw (counted from the end of X-Forwarded-For,
    so a client cannot pick its own by sending the header)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def wait_before_next_try(failures, last_failure, now=None):
    """Seconds a client must still wait after `failures` failed logins, the last at
    `last_failure`: nothing up to AXES_SLOW_AFTER, then 5 s, 10 s, 20 s… (django-axes
    locks the client out altogether at AXES_FAILURE_LIMIT)."""
    extra = failures - settings.AXES_SLOW_AFTER
    if extra < 0 or last_failure is None:
        return 0
    required = 5 * 2**extra
    waited = ((now or timezone.now()) - last_failure).total_seconds()
    return max(0, int(required - waited + 0.999))


class ThrottledLoginForm(AdminAuthenticationForm):
    """The admin's login form, slowing down a client that keeps getting it wrong."""

    def clean(self):
        from axes.models import AccessAttempt

        if self.request is not None and settings.AXES_ENABLED:
            attempt = (
                AccessAttempt.objects.filter(ip_address=client_ip(self.request))
                .order_by("-attempt_time")
                .first()
            )
            if attempt is not None:
                wait = wait_before_next_try(attempt.failures_since_start, attempt.attempt_time)
                if wait:
                    raise forms.ValidationError(
                        "Too many failed sign-in attempts. Please wait %(seconds)s seconds "
                        "before trying again.",
                        code="throttled",
                        params={"seconds": wait},
                    )
        return super().clean()


def lockout_response(request, original_response=None, credentials=None):
    """The page django-axes answers a locked-out client with (AXES_LOCKOUT_CALLABLE):
    the admin's own, saying for how long and who can unlock the client's address."""
    now = timezone.now()
    context = admin.site.each_context(request) | {
        "title": "Signing in is blocked",
        "client_ip": client_ip(request),
        "blocked_for": timeuntil(now + settings.AXES_COOLOFF_TIME, now),
    }
    return render(
        request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
