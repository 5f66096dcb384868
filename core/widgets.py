"""Admin widgets shared by Metro's apps."""

from django.forms import RadioSelect, Script
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from taggit.forms import TagWidget

from core.ratings import stars_svg


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


class StarRatingWidget(RadioSelect):
    """A rating as a group of radio buttons, each labelled with its stars (drawn, and
    hidden from screen readers) and its words ("4½ out of 5"), which name the button.

    The admin puts a radio group in a fieldset whose legend is the field's label.
    """

    option_template_name = "core/widgets/star_rating_option.html"

    class Media:
        css = {"all": ["admin/metro/star-rating.css"]}

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs={"class": "star-rating"} | (attrs or {}), choices=choices)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        half_stars = str(value)
        # The stars are our own markup; "No rating" has none.
        option["stars"] = mark_safe(stars_svg(int(half_stars))) if half_stars.isdigit() else ""  # noqa: S308
        return option
