import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from articles.models import Article
from desk.forms import RescheduleForm
from desk.home import may_reschedule, newsroom_zone


@require_POST
def reschedule(request, pk):
    """Move a scheduled story to another time, from the desk's calendar (editors only)."""
    if not may_reschedule(request.user):
        raise PermissionDenied("Only editors can reschedule a story.")
    story = get_object_or_404(Article, pk=pk)
    back = back_to_desk(request)
    zone = newsroom_zone()
    with timezone.override(zone):
        form = RescheduleForm(request.POST)
        valid = form.is_valid()
    if not story.is_scheduled:
        messages.error(request, f"“{story}” is no longer scheduled, so it was not moved.")
        return redirect(back)
    if not valid:
        messages.error(request, f"“{story}” was not moved: give a date and a time.")
        return redirect(back)
    publish_at = form.cleaned_data["publish_at"]
    if publish_at <= timezone.now():
        messages.error(
            request,
            f"“{story}” was not moved: {when(publish_at, zone)} has passed. "
            "To publish it now, open the story.",
        )
        return redirect(back)
    with reversion.create_revision():
        story.publish_at = publish_at
        story.last_edited_by = request.user
        story.save()
        reversion.set_user(request.user)
        reversion.set_comment(f"Rescheduled for {when(publish_at, zone)}")
        admin.site.get_model_admin(Article).log_change(
            request, story, f"Rescheduled for {when(publish_at, zone)}"
        )
    messages.success(request, f"“{story}” now goes live on {when(publish_at, zone)}.")
    return redirect(back)


def when(moment, zone):
    return date_format(moment.astimezone(zone), "l j F Y, H:i T")


def back_to_desk(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("admin:index")
