"""The media library's admin form: uploads are judged by their content, duplicates pointed out."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html

from core.widgets import TagSuggestWidget
from media.inspection import inspect_image
from media.models import Image

FOCAL_POINT_DECIMALS = 3
FOCAL_POINT_INPUT = forms.NumberInput(attrs={"min": 0, "max": 1, "step": 0.001})


class LibraryImageField(forms.FileField):
    """An image upload that media.inspection accepts or refuses, by content rather than name.

    Django's forms.ImageField would run its own Pillow check first and answer
    every problem with one generic message; inspection says what the file
    really is and what to do about it. The facts it reads travel with the
    upload as `image_facts`.
    """

    def __init__(self, **kwargs):
        # An empty file gets inspection's message, like every other refusal.
        super().__init__(allow_empty_file=True, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            upload.image_facts = inspect_image(upload)
        return upload

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput):
            attrs.setdefault("accept", "image/*")
        return attrs


class ImageAdminForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = [
            "file",
            "title",
            "alt_text",
            "caption",
            "credit",
            "credit_url",
            "copyright",
            "focal_point_x",
            "focal_point_y",
            "tags",
        ]
        field_classes = {"file": LibraryImageField}
        widgets = {
            "tags": TagSuggestWidget(Image),
            "focal_point_x": FOCAL_POINT_INPUT,
            "focal_point_y": FOCAL_POINT_INPUT,
        }

    @property
    def image_facts(self):
        """What inspection read from a new upload; None when the file is unchanged."""
        return getattr(self.cleaned_data.get("file"), "image_facts", None)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        facts = getattr(upload, "image_facts", None)
        if facts is None:
            return upload
        existing = (
            Image.objects.filter(content_hash=facts.content_hash)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if existing is not None:
            raise ValidationError(
                format_html(
                    'This file is already in the library as <a href="{}">“{}”</a> — '
                    "use that image instead.",
                    reverse("admin:media_image_change", args=[existing.pk]),
                    existing.title,
                ),
                code="duplicate",
            )
        return upload

    def clean_focal_point_x(self):
        return self._fraction_of_picture("focal_point_x", "0 (left edge) to 1 (right edge)")

    def clean_focal_point_y(self):
        return self._fraction_of_picture("focal_point_y", "0 (top edge) to 1 (bottom edge)")

    def _fraction_of_picture(self, name, scale):
        value = self.cleaned_data[name]
        if not 0 <= value <= 1:
            raise ValidationError(
                "The focal point is a fraction of the picture: use a number from %(scale)s, "
                "for example 0.5 for the middle.",
                code="outside_picture",
                params={"scale": scale},
            )
        return round(value, FOCAL_POINT_DECIMALS)

    def save(self, commit=True):
        if self.image_facts is not None:
            self.instance.apply_facts(self.image_facts)
        return super().save(commit)
