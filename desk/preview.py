"""The story as readers will see it, with an editor's unsaved changes, saving nothing.

The admin's own form and inlines take the posted fields, exactly as a save would, and
write them inside a transaction that is always rolled back: no row, revision or tag
is kept, and the page cache's on-commit invalidation never runs.
"""

from django.contrib import admin
from django.db import transaction
from django.template.loader import render_to_string

from articles import seo
from articles.models import Article
from articles.story_details import load_story_details, with_story_details

STORY_TEMPLATE = "articles/article_detail.html"


class PreviewRefused(Exception):
    """The posted form cannot become a story yet; `errors` says what is missing."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def story_page(request, article, *, related, note):
    """The reader's story page for `article`, marked as a preview for noindex."""
    return render_to_string(
        STORY_TEMPLATE,
        {
            "object": article,
            "article": article,
            "preview": True,
            "preview_note": note,
            "related": related,
            "share_links": [],
            "page_meta": seo.preview_page(article),
        },
        request,
    )


def unsaved_preview(request, story=None):
    """The story page for the admin form posted in `request`, applied to `story` (None: a
    new story) and then rolled back, with the player hosts its embeds need in frame-src:
    (page, frame origins). Raises PreviewRefused when the form does not validate."""
    model_admin = admin.site.get_model_admin(Article)
    change = story is not None
    form_class = model_admin.get_form(request, story, change=change)
    form = form_class(request.POST, request.FILES, instance=story)
    with transaction.atomic():
        try:
            if not form.is_valid():
                raise PreviewRefused(form.errors)
            unsaved = model_admin.save_form(request, form, change=change)
            formsets, _ = model_admin._create_formsets(request, unsaved, change=change)
            for formset in formsets:
                if not formset.is_valid():
                    raise PreviewRefused(formset.non_form_errors() or formset.errors)
            if not change:
                unsaved.created_by = request.user
            unsaved.last_edited_by = request.user
            unsaved.save()
            model_admin.save_related(request, form, formsets, change=change)
            article = load_story_details(
                with_story_details(Article.objects.filter(pk=unsaved.pk)).get()
            )
            page = story_page(
                request,
                article,
                related=list(Article.objects.for_cards().related_to(article)),
                note="Live preview of unsaved changes: nothing here is saved or public.",
            )
            return page, article.frame_origins
        finally:
            transaction.set_rollback(True)
