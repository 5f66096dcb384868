from django.contrib import admin
from reversion_compare.admin import CompareVersionAdmin

from films.admin import PersonCreditInline
from media.admin import thumbnail
from people.models import Person, PersonLink


class PersonLinkInline(admin.TabularInline):
    model = PersonLink
    extra = 0


@admin.register(Person)
class PersonAdmin(CompareVersionAdmin):
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
    inlines = [PersonLinkInline, PersonCreditInline]

    @admin.display(description="Portrait")
    def portrait_thumb(self, obj):
        return thumbnail(obj.portrait, width=48)

    @admin.display(description="Preview")
    def portrait_preview(self, obj):
        return thumbnail(obj.portrait, width=240)
