"""Admin widgets shared by Metro's apps."""

from django.forms import Script
from django.urls import reverse
from django.utils.http import urlencode
from taggit.forms import TagWidget


class TagSuggestWidget(TagWidget):
    """taggit's comma-separated tags input, suggesting existing tags as editors type.

    Suggestions come from the admin's autocomplete endpoint for the model's tag
    field, which answers staff who may view tags.
    """

    def __init__(self, model, field_name="tags", attrs=None):
        self.model = model
        self.field_name = field_name
        super().__init__(attrs={"autocomplete": "off", "class": "vTextField"} | (attrs or {}))

    class Media:
        js = [Script("admin/metro/tag-suggest.js", type="module")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-tag-suggest-url"] = self.suggestions_url()
        return context

    def suggestions_url(self):
        query = urlencode(
            {
                "app_label": self.model._meta.app_label,
                "model_name": self.model._meta.model_name,
                "field_name": self.field_name,
            }
        )
        return f"{reverse('admin:autocomplete')}?{query}"
