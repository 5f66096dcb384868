import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from reversion_compare.admin import CompareVersionAdmin

from core.conflicts import VersionCheckAdmin
from core.in_use import RefuseDeletionWhileInUse, uses
from core.review import EditorsChangeWhatStoriesShow
from media.admin import thumbnail
from people.merging import merge_people
from people.models import Person, PersonLink


class PersonLinkInline(admin.TabularInline):
    model = PersonLink
    extra = 0


class MergeForm(forms.Form):
    kept = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        label="Keep",
        help_text="The others are merged into this person and deleted; their addresses redirect.",
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept"].queryset = people


@admin.register(Person)
class PersonAdmin(
    VersionCheckAdmin, EditorsChangeWhatStoriesShow, RefuseDeletionWhileInUse, CompareVersionAdmin
):
    list_display = ["portrait_thumb", "name", "description", "user", "updated_at"]
    list_display_links = ["portrait_thumb", "name"]
    list_select_related = ["portrait", "user"]
    search_fields = ["name", "description", "slug"]
    list_filter = [("user", admin.EmptyFieldListFilter)]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["portrait", "user"]
    readonly_fields = ["portrait_preview"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "bio"]}),
        ("Portrait", {"fields": ["portrait", "portrait_preview"]}),
        ("Details", {"fields": ["birth_date", "website", "imdb_id", "wikidata_id"]}),
        ("Writes for us", {"fields": ["user"], "classes": ["collapse"]}),
    ]
    # films/admin.py adds the person's credits: people knows no films (README, "Layout").
    inlines = [PersonLinkInline]
    actions = ["merge"]

    @admin.action(description="Merge into another person", permissions=["delete"])
    def merge(self, request, queryset):
        """Duplicates: choose whom to keep among the selected; the others' bylines,
        story links and credits move to them."""
        people = queryset.order_by("name", "pk")
        if people.count() < 2:
            self.message_user(
                request, "Select the duplicates and the person to keep.", messages.WARNING
            )
            return None
        form = MergeForm(request.POST if "kept" in request.POST else None, people=people)
        if form.is_valid():
            kept = form.cleaned_data["kept"]
            duplicates = list(people.exclude(pk=kept.pk))
            with reversion.create_revision():
                merge_people(kept, duplicates)
                reversion.set_user(request.user)
                names = ", ".join(person.name for person in duplicates)
                reversion.set_comment(f"Merged {names} into this person.")
                self.log_change(request, kept, f"Merged {names} into this person.")
            self.message_user(request, f"Merged {names} into {kept.name}.", messages.SUCCESS)
            return None
        return TemplateResponse(
            request,
            "admin/people/person/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge people",
                "opts": self.opts,
                "form": form,
                "people": [(person, uses(person)) for person in people],
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.display(description="Portrait")
    def portrait_thumb(self, obj):
        return thumbnail(obj.portrait, width=48)

    @admin.display(description="Preview")
    def portrait_preview(self, obj):
        return thumbnail(obj.portrait, width=240)
