import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from articles.models import PUBLISH_PERMISSION, Article, Authorship, Section
from articles.search import matching
from core.admin_lists import LeanChangeList
from core.conflicts import VersionCheckAdmin
from core.revisions import TaggedCompareVersionAdmin
from core.widgets import TagSuggestWidget
from media.admin import thumbnail


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    min_num = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "order"]
    verbose_name = "byline"
    verbose_name_plural = "byline"


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
    class Meta:
        model = Article
        fields = "__all__"
        widgets = {"tags": TagSuggestWidget(Article)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_publish = can_publish(user)
        if not self.may_publish and "status" in self.fields:
            self.fields["status"].choices = [
                (value, label)
                for value, label in self.fields["status"].choices
                if value != Article.Status.PUBLISHED
            ]
            self.fields["status"].help_text = "An editor publishes the story once it is in review."

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if not self.may_publish and status == Article.Status.PUBLISHED:
            raise forms.ValidationError("Only editors can publish or schedule a story.")
        return cleaned


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
    list_filter = ["status", AssigneeFilter, "section", "featured", "publish_at"]
    list_select_related = ["section", "hero_image", "assignee"]
    # Searched like the site's search (full text on PostgreSQL), or by exact slug:
    # see get_search_results. No date_hierarchy: its year list reads every row,
    # and the publish_at filter offers the same dates.
    search_fields = ["headline", "standfirst", "slug"]
    list_defer = ["body", "body_text", "search_terms", "standfirst"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "hero_image", "people", "films"]
    readonly_fields = [
        "hero_preview",
        "first_published_at",
        "created_by",
        "last_edited_by",
        "created_at",
        "updated_at",
    ]
    inlines = [AuthorshipInline]
    actions = ["publish", "unpublish", "submit_for_review"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        ("Hero image", {"fields": ["hero_image", "hero_preview", "hero_caption"]}),
        ("What the story is about", {"fields": ["section", "tags", "people", "films", "featured"]}),
        ("Publishing", {"fields": ["status", "assignee", "publish_at", "first_published_at"]}),
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

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        matches = matching(Article.objects.all(), term).values("pk")
        return queryset.filter(Q(pk__in=matches) | Q(slug=term)), False

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class FormForUser(form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, user=request.user, **form_kwargs)

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

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_live else obj.get_preview_url()

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
        for article in queryset.exclude(status=Article.Status.PUBLISHED):
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
