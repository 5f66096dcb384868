from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.csp import CSP
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST, require_safe

from articles.models import Article
from articles.story_details import load_story_details, with_story_details
from core.embeds import allow_frames
from desk.models import DEFAULT_SHARE_DAYS, SHARE_DURATIONS, SharedPreview
from desk.preview import PreviewRefused, story_page, unsaved_preview

NOT_INDEXED = "noindex, nofollow"
# Tokens are 43 characters; anything much longer is no token of ours.
MAX_TOKEN_LENGTH = 100


def private(response):
    """Never stored by the page cache, a CDN or a browser; never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = NOT_INDEXED
    return response


def story_for(request, pk, *, change=True):
    """The story `pk` if this editor may change it (or add one, for pk None)."""
    model_admin = admin.site.get_model_admin(Article)
    if pk is None:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        return None
    story = get_object_or_404(Article, pk=pk)
    allowed = model_admin.has_change_permission if change else model_admin.has_view_permission
    if not allowed(request, story):
        raise PermissionDenied
    return story


@staff_member_required
@require_POST
@never_cache
@xframe_options_sameorigin
def live_preview(request, pk=None):
    """The story page with the change form's posted, unsaved fields: for the preview pane,
    a frame of the change form (static/admin/desk/preview.js posts the form into it)."""
    story = story_for(request, pk)
    # The site's policy, except that the admin's own pages may frame this one.
    policy = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
    try:
        page, frame_origins = unsaved_preview(request, story)
    except PreviewRefused as refused:
        response = render(request, "desk/preview_refused.html", {"errors": refused.errors})
        frame_origins = []
    else:
        response = HttpResponse(page)
    # Like the story page: its embeds' players, and only theirs, may load on a click.
    return private(allow_frames(response, request, frame_origins, policy=policy))


@staff_member_required
@never_cache
def share_links(request, pk):
    """The story's live shared links (GET), or a new one (POST), as the form's panel shows them."""
    if request.method != "POST":
        return share_panel(request, story_for(request, pk, change=False))
    story = story_for(request, pk)
    try:
        days = int(request.POST.get("days", DEFAULT_SHARE_DAYS))
    except ValueError:
        days = DEFAULT_SHARE_DAYS
    _, token = SharedPreview.objects.create_for(
        story, request.user, days if days in SHARE_DURATIONS else DEFAULT_SHARE_DAYS
    )
    new_link = request.build_absolute_uri(reverse("desk:shared-story", kwargs={"token": token}))
    return share_panel(request, story, new_link)


@staff_member_required
@require_POST
@never_cache
def revoke_share(request, pk):
    link = get_object_or_404(SharedPreview, pk=pk)
    story = story_for(request, link.story_id)
    link.revoke()
    return share_panel(request, story)


def share_panel(request, story, new_link=None):
    return private(
        render(
            request,
            "desk/share_links.html",
            {
                "story": story,
                "links": story.shared_previews.live().select_related("created_by"),
                "new_link": new_link,
                "durations": SHARE_DURATIONS,
                "default_days": DEFAULT_SHARE_DAYS,
            },
        )
    )


@require_safe
def shared_story(request, token):
    """A shared draft for someone with no login: that one story, as last saved."""
    link = SharedPreview.objects.find(token) if len(token) <= MAX_TOKEN_LENGTH else None
    if link is None:
        raise Http404("No such link.")
    if not link.is_live:
        return private(
            render(request, "desk/shared_gone.html", {"revoked": link.revoked_at}, status=410)
        )
    article = load_shared_story(link.story_id)
    page = story_page(
        request,
        article,
        # Only live stories, never other drafts, are linked from a shared draft.
        related=list(Article.objects.live().for_cards().related_to(article)),
        note="Shared draft for review: not published. Please do not pass this link on.",
    )
    return private(allow_frames(HttpResponse(page), request, article.frame_origins))


def load_shared_story(pk):
    return load_story_details(with_story_details(Article.objects.filter(pk=pk)).get())
