from functools import partial

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from articles import link_search, publishing
from articles.models import PUBLISH_PERMISSION, Article, Authorship, Correction, Section
from articles.search import matching
from core import embeds
from core.admin_lists import LeanChangeList
from core.conflicts import VersionCheckAdmin
from core.ratings import RATING_CHOICES, rating_label
from core.revisions import TaggedCompareVersionAdmin
from core.widgets import StarRatingWidget, TagSuggestWidget
from media import embeds as embed_details
from media.admin import thumbnail
from people.models import Person


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def own_person(user):
    """The person whose byline is `user`'s, or None."""
    return Person.objects.filter(user=user).first() if user.is_authenticated else None


class BylineFormSet(BaseInlineFormSet):
    """The byline, and the last word on whether the story may be published: it alone
    sees the story as posted together with the byline it will have."""

    def clean(self):
        super().clean()
        story = self.instance
        if story.status != Article.Status.PUBLISHED:
            return
        byline = [
            form.cleaned_data["person"]
            for form in self.forms
            if form.cleaned_data.get("person") and not form.cleaned_data.get("DELETE")
        ]
        if missing := publishing.missing_for_publication(story, byline):
            story.publication_refused = publishing.publication_refusal(missing)
            raise forms.ValidationError(story.publication_refused)


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    formset = BylineFormSet
    extra = 0
    min_num = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "order"]
    verbose_name = "byline"
    verbose_name_plural = "byline"

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None and own_person(request.user) else 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        person = own_person(request.user) if obj is None else None
        if person is None:
            return formset

        class PrefilledWithTheWriter(formset):
            """A new story's byline starts with the writer's own person, saved unless removed."""

            def __init__(self, *args, **formset_kwargs):
                formset_kwargs.setdefault("initial", [{"person": person.pk, "role": "author"}])
                super().__init__(*args, **formset_kwargs)

            def _construct_form(self, i, **form_kwargs):
                form = super()._construct_form(i, **form_kwargs)
                if i == 0:
                    # Unchanged from its initial value, Django would skip it as empty.
                    form.has_changed = lambda: True
                return form

        return PrefilledWithTheWriter


def has_been_live(story):
    """A story readers have seen: first published, and not only scheduled."""
    first = story.first_published_at if story is not None else None
    return first is not None and first <= timezone.now()


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["kind", "published_at", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "cols": 80})}


class CorrectionInline(admin.StackedInline):
    """Corrections and updates, on stories readers have seen, written by editors.

    The story's revisions keep them: django-reversion follows every inline of a
    versioned admin, so restoring a version restores its notes as they were.
    """

    model = Correction
    form = CorrectionForm
    extra = 0
    # Shown below the story's words, after the second fieldset (change_form.html).
    after_fieldset = 1

    # Only on stories readers have seen (ArticleAdmin.get_inlines). A note speaks to
    # readers about the live story, so whoever may publish writes it; whoever may see
    # the story sees its notes.
    def has_add_permission(self, request, obj=None):
        return can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_publish(request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or can_publish(request.user)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class SignedCorrections(formset):
            def save_new(self, form, commit=True):
                form.instance.created_by = request.user
                return super().save_new(form, commit)

        return SignedCorrections


class AssigneeFilter(admin.SimpleListFilter):
    title = "assigned to"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Me"), ("nobody", "Nobody")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assignee=request.user)
        if self.value() == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset


class ArticleAdminForm(forms.ModelForm):
    """The story form. The admin gives it no status field (ArticleAdmin.exclude): the
    pressed publishing button sets the status (apply_intent), and a posted one is ignored."""

    class Meta:
        model = Article
        fields = "__all__"
        widgets = {"tags": TagSuggestWidget(Article), "rating": StarRatingWidget}

    def __init__(self, *args, user, intent=None, schedule_at=None, byline_checked=True, **kwargs):
        super().__init__(*args, **kwargs)
        if "rating" in self.fields:
            self.fields["rating"].choices = [("", rating_label(None)), *RATING_CHOICES]
        self.may_publish = can_publish(user)
        self.intent = intent
        self.schedule_at = schedule_at
        # False when the user's form has no byline (no permission on it): BylineFormSet,
        # which checks a story before publication, then never runs, and this form does.
        self.byline_checked = byline_checked
        if "publish_at" in self.fields:
            self.fields["publish_at"].help_text = (
                "Set by Publish now and Schedule. On a published story, change it and "
                "save to move the story; a future time schedules it."
            )

    def clean(self):
        cleaned = super().clean()
        self.clean_review(cleaned)
        if self.intent:
            self.apply_intent(cleaned)
        if not self.may_publish and self.instance.status == Article.Status.PUBLISHED:
            raise forms.ValidationError("Only editors can publish or schedule a story.")
        return cleaned

    def clean_review(self, cleaned):
        """A rating and a reviewed film belong to reviews; a review's film is one the story is about."""
        if "format" not in cleaned:
            return
        film = cleaned.get("reviewed_film")
        if cleaned["format"] != Article.Format.REVIEW:
            if cleaned.get("rating") is not None:
                self.add_error(
                    "rating",
                    "Only a review has a rating: make the story a review, or choose “No rating”.",
                )
            if film is not None:
                self.add_error(
                    "reviewed_film",
                    "Only a review names the film it reviews: make the story a review, "
                    "or clear this field.",
                )
        elif film is not None and "films" in cleaned and film not in cleaned["films"]:
            cleaned["films"] = [*cleaned["films"], film]

    def apply_intent(self, cleaned):
        """The pressed button decides the status (and the time, for Publish now and Schedule)."""
        story = self.instance
        was_live = story.is_live
        story.status = publishing.STATUS_FOR_INTENT[self.intent]
        if self.intent == publishing.PUBLISH_NOW and not was_live:
            self._set_publish_at(cleaned, timezone.now())
        elif self.intent == publishing.SCHEDULE:
            if self.schedule_at is None or self.schedule_at <= timezone.now():
                raise forms.ValidationError("To schedule, choose a date and time in the future.")
            self._set_publish_at(cleaned, self.schedule_at)

    def _set_publish_at(self, cleaned, when):
        self.instance.publish_at = when
        if "publish_at" in self.fields:  # Else the form leaves the instance's time alone.
            cleaned["publish_at"] = when

    def _post_clean(self):
        # The posted fields reach the instance here; only then can it be checked.
        super()._post_clean()
        story = self.instance
        if self.byline_checked or story.status != Article.Status.PUBLISHED:
            return
        byline = publishing.stored_byline(story) if story.pk else []
        if missing := publishing.missing_for_publication(story, byline):
            story.publication_refused = publishing.publication_refusal(missing)
            self.add_error(None, story.publication_refused)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "story_count"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(story_count=Count("articles"))
            .order_by("order", "name")
        )

    @admin.display(description="Stories", ordering="story_count")
    def story_count(self, obj):
        return obj.story_count


@admin.register(Article)
class ArticleAdmin(VersionCheckAdmin, TaggedCompareVersionAdmin):
    form = ArticleAdminForm
    # The publishing buttons set the status; no field of the form does.
    exclude = ["status"]
    # Search's plain-text copies would only repeat the body and the links in comparisons.
    compare_exclude = ["body_text", "search_terms"]
    list_display = [
        "hero_thumb",
        "headline",
        "section",
        "publication",
        "byline",
        "assignee",
        "featured",
        "updated_at",
        "public_link",
    ]
    list_display_links = ["hero_thumb", "headline"]
    list_filter = ["status", AssigneeFilter, "section", "format", "featured", "publish_at"]
    list_select_related = ["section", "hero_image", "assignee"]
    # Searched like the site's search (full text on PostgreSQL), or by exact slug:
    # see get_search_results. No date_hierarchy: its year list reads every row,
    # and the publish_at filter offers the same dates.
    search_fields = ["headline", "standfirst", "slug"]
    list_defer = ["body", "body_text", "search_terms", "standfirst"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = [
        "section",
        "hero_image",
        "lead_gallery",
        "people",
        "films",
        "reviewed_film",
    ]
    readonly_fields = [
        "publication_state",
        "hero_preview",
        "first_published_at",
        "created_by",
        "last_edited_by",
        "created_at",
        "updated_at",
    ]
    inlines = [AuthorshipInline, CorrectionInline]
    save_on_top = True

    class Media:
        js = [
            "admin/metro/picked-images.js",
            "admin/desk/hero-picker.js",
            "admin/metro/story-format.js",
        ]
        css = {"all": ["admin/desk/story-form.css"]}

    actions = ["publish", "unpublish", "submit_for_review"]
    fieldsets = [
        # The byline follows the first fieldset (admin/articles/article/change_form.html).
        (None, {"fields": ["headline", "slug"]}),
        (None, {"fields": ["standfirst", "body"]}),
        (
            "Hero image, lead video or gallery",
            {
                "fields": [
                    "hero_image",
                    "hero_preview",
                    "hero_caption",
                    "lead_video_url",
                    "lead_gallery",
                    "no_hero_image",
                ]
            },
        ),
        (
            "What the story is about",
            {"fields": ["format", "section", "tags", "people", "films", "featured"]},
        ),
        (
            "Review",
            {
                "fields": ["reviewed_film", "rating"],
                "classes": ["story-review"],
                "description": "For reviews: the film or series reviewed (it is added to the "
                "story's films) and the stars the critic gives it.",
            },
        ),
        (
            "Publishing",
            {"fields": ["publication_state", "assignee", "publish_at", "first_published_at"]},
        ),
        (
            "Search engines",
            {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]},
        ),
        (
            "History",
            {
                "fields": ["created_by", "created_at", "last_edited_by", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("authorships__person")

    def get_urls(self):
        describe = path(
            "embed/", self.admin_site.admin_view(self.embed_view), name="articles_article_embed"
        )
        # The body editor's link dialog finds stories, people and films there.
        return [describe, link_search.url(self), *super().get_urls()]

    def embed_view(self, request):
        """JSON for the body editor's embeds: what an address (?url=) or a stored embed
        (?provider=&id=) is, with what its provider's oEmbed says, asked now if not yet known.
        {"embed": null} for anything Metro does not embed."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        if "url" in request.GET:
            embed = embeds.parse(request.GET["url"])
        else:
            embed = embeds.get(request.GET.get("provider", ""), request.GET.get("id", ""))
        if embed is None:
            return JsonResponse(
                {
                    "embed": None,
                    "message": "Metro cannot embed this address: it stays a link. Embeds come "
                    f"from {', '.join(embeds.provider_names())}.",
                }
            )
        info = embed_details.refresh([embed]).get(embed.key)
        return JsonResponse({"embed": embed_details.describe(embed, info)})

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        if has_been_live(obj):
            return inlines
        return [inline for inline in inlines if inline is not CorrectionInline]

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        matches = matching(Article.objects.all(), term).values("pk")
        return queryset.filter(Q(pk__in=matches) | Q(slug=term)), False

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        intent = publishing.intent_of(request.POST) if request.method == "POST" else None
        try:
            schedule_at = publishing.schedule_time(request.POST) if intent else None
        except forms.ValidationError:
            schedule_at = None
        byline_checked = any(
            isinstance(inline, AuthorshipInline)
            for inline in self.get_inline_instances(request, obj)
        )

        class FormForUser(form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(
                    *args,
                    user=request.user,
                    intent=intent,
                    schedule_at=schedule_at,
                    byline_checked=byline_checked,
                    **form_kwargs,
                )

        return FormForUser

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            readonly += ["publish_at", "featured"]
        return readonly

    def has_change_permission(self, request, obj=None):
        """Writers may edit drafts and stories in review; published ones are the editors'."""
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.status == Article.Status.PUBLISHED:
            return can_publish(request.user)
        return allowed

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_publish(request.user)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def save_model(self, request, obj, form, change):
        # The form already refuses this; the check here guards every other path.
        if obj.status == Article.Status.PUBLISHED and not can_publish(request.user):
            raise PermissionDenied("Only editors can publish or schedule a story.")
        if not change:
            obj.created_by = request.user
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)
        # What the providers say of new embeds, asked once the story is safely saved.
        found = obj.find_embeds()
        if found:
            transaction.on_commit(partial(embed_details.refresh, found), robust=True)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        story = context["adminform"].form.instance
        if refusal := getattr(story, "publication_refused", None):
            self.message_user(request, refusal, messages.ERROR)
        if request.method == "POST":
            # A refused save: the buttons and the state show the story as it is stored,
            # not as the pressed button (or a model clean) would have made it.
            publishing.forget_unsaved_publication(story)
        context["publishing_buttons"] = publishing.buttons_for(obj, can_publish(request.user))
        context["may_schedule"] = can_publish(request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if intent := publishing.intent_of(request.POST):
            return self._confirm(request, obj, intent)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if intent := publishing.intent_of(request.POST):
            return self._confirm(request, obj, intent)
        return super().response_change(request, obj)

    def _confirm(self, request, obj, intent):
        """Say what the button did, and stay on the story."""
        url = request.build_absolute_uri(obj.get_absolute_url())
        self.message_user(request, publishing.confirmation(obj, intent, url), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_live else obj.get_preview_url()

    @admin.display(description="State")
    def publication_state(self, obj):
        return publishing.state_text(obj)

    # List columns

    @admin.display(description="")
    def hero_thumb(self, obj):
        return thumbnail(obj.hero_image, width=64)

    @admin.display(description="Status", ordering="publish_at")
    def publication(self, obj):
        if obj.status != Article.Status.PUBLISHED:
            return format_html(
                '<span class="metro-status metro-status--{}">{}</span>',
                obj.status,
                obj.get_status_display(),
            )
        when = date_format(timezone.localtime(obj.publish_at), "M j, Y, P T")
        if obj.is_scheduled:
            return format_html(
                '<span class="metro-status metro-status--scheduled">Scheduled</span> {}', when
            )
        return format_html('<span class="metro-status metro-status--live">Live</span> {}', when)

    @admin.display(description="Byline")
    def byline(self, obj):
        return ", ".join(a.person.name for a in obj.authorships.all()) or "—"

    @admin.display(description="")
    def public_link(self, obj):
        if obj.is_live:
            return format_html('<a href="{}" target="_blank">View</a>', obj.get_absolute_url())
        return format_html('<a href="{}" target="_blank">Preview</a>', obj.get_preview_url())

    @admin.display(description="Preview")
    def hero_preview(self, obj):
        return thumbnail(obj.hero_image, width=320)

    # Actions

    @admin.action(description="Publish selected stories now", permissions=["publish"])
    def publish(self, request, queryset):
        now = timezone.now()
        count = 0
        stories = queryset.exclude(status=Article.Status.PUBLISHED).select_related("hero_image")
        for article in stories.prefetch_related("authorships__person"):
            byline = publishing.stored_byline(article)
            if missing := publishing.missing_for_publication(article, byline):
                refusal = publishing.publication_refusal(missing)
                self.message_user(request, f"Not published: {article} ({refusal})", messages.ERROR)
                continue
            article.status = Article.Status.PUBLISHED
            # A story that was live before returns at its original time;
            # any other story goes out now, whatever time a draft carried.
            if article.first_published_at is None or article.publish_at is None:
                article.publish_at = now
            article.last_edited_by = request.user
            self._save_with_revision(request, article, "Published")
            count += 1
        self.message_user(request, f"Published {count} stor{'y' if count == 1 else 'ies'}.")

    @admin.action(description="Unpublish selected stories (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = 0
        for article in queryset.filter(status=Article.Status.PUBLISHED):
            article.status = Article.Status.DRAFT
            article.last_edited_by = request.user
            self._save_with_revision(request, article, "Unpublished")
            count += 1
        self.message_user(request, f"Unpublished {count} stor{'y' if count == 1 else 'ies'}.")

    @admin.action(description="Submit selected drafts for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        count = 0
        for article in queryset.filter(status=Article.Status.DRAFT):
            article.status = Article.Status.REVIEW
            article.last_edited_by = request.user
            self._save_with_revision(request, article, "Submitted for review")
            count += 1
        level = messages.SUCCESS if count else messages.WARNING
        self.message_user(request, f"Submitted {count} draft(s) for review.", level)

    def _save_with_revision(self, request, article, comment):
        with reversion.create_revision():
            article.save()
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            self.log_change(request, article, comment)
