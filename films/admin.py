from django import forms
from django.contrib import admin
from reversion_compare.admin import CompareVersionAdmin

from core.conflicts import VersionCheckAdmin
from core.in_use import RefuseDeletionWhileInUse
from core.review import EditorsChangeWhatStoriesShow
from core.revisions import follow_also
from films.models import Availability, Credit, Film, Genre, Platform
from films.regions import REGION_CHOICES, site_region
from media.admin import thumbnail
from people.admin import PersonAdmin
from people.models import Person


class FilmCreditInline(admin.TabularInline):
    """The cast and crew of a film."""

    model = Credit
    fk_name = "film"
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "character_name", "billing_order"]
    verbose_name = "credit"
    verbose_name_plural = "cast and crew"


class AvailabilityForm(forms.ModelForm):
    # Countries by name; a new row starts in the site's own.
    region = forms.TypedChoiceField(label="Country", choices=REGION_CHOICES, initial=site_region)

    class Meta:
        model = Availability
        fields = ["region", "how", "platform", "available_from", "url", "ordering"]


class AvailabilityInline(admin.TabularInline):
    """Where to watch: each service by country, how, from when, with a link."""

    model = Availability
    form = AvailabilityForm
    extra = 0
    autocomplete_fields = ["platform"]
    verbose_name = "where to watch"
    verbose_name_plural = "where to watch (readers see the site's own country)"


class PersonCreditInline(admin.TabularInline):
    """A person's filmography, edited from their page."""

    model = Credit
    fk_name = "person"
    extra = 0
    autocomplete_fields = ["film"]
    fields = ["film", "role", "character_name", "billing_order"]
    verbose_name = "credit"
    verbose_name_plural = "filmography"


@admin.register(Film)
class FilmAdmin(
    VersionCheckAdmin, EditorsChangeWhatStoriesShow, RefuseDeletionWhileInUse, CompareVersionAdmin
):
    list_display = ["poster_thumb", "title", "kind", "release_date", "platform", "updated_at"]
    list_display_links = ["poster_thumb", "title"]
    list_select_related = ["poster", "platform"]
    list_filter = ["kind", "platform", "genres"]
    search_fields = ["title", "slug"]
    date_hierarchy = "release_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["platform", "genres", "poster"]
    readonly_fields = ["poster_preview"]

    class Media:
        js = ["admin/js/urlify.js", "admin/desk/create-in-autocomplete.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # Typing a new genre or platform offers to create it (create-in-autocomplete.js).
        if db_field.name in ("platform", "genres") and field is not None:
            field.widget.widget.attrs["data-desk-create"] = ""
        return field

    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "synopsis"]}),
        (
            "Release",
            {"fields": ["release_date", "platform", "runtime_minutes", "rating", "genres"]},
        ),
        ("Poster and trailer", {"fields": ["poster", "poster_preview", "trailer_url"]}),
        ("Identifiers", {"fields": ["imdb_id"], "classes": ["collapse"]}),
    ]
    inlines = [FilmCreditInline, AvailabilityInline]

    @admin.display(description="Poster")
    def poster_thumb(self, obj):
        return thumbnail(obj.poster, width=40)

    @admin.display(description="Preview")
    def poster_preview(self, obj):
        return thumbnail(obj.poster, width=200)


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
    """Every credit in one list, for finding who played whom across films."""

    list_display = ["person", "film", "role", "character_name", "billing_order"]
    list_filter = ["role"]
    list_select_related = ["person", "film"]
    search_fields = ["person__name", "film__title", "character_name"]
    autocomplete_fields = ["person", "film"]


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


# A person's admin page lists their credits too, after their links (people's admin knows
# no films: README, "Layout"), and a person's revisions keep them, as the inline would
# have told django-reversion had it been there when the person admin was made.
PersonAdmin.inlines = [*PersonAdmin.inlines, PersonCreditInline]
follow_also(Person, "credits")
