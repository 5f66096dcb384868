"""Every editor form answers over-long input with a form error that keeps what was typed.

SQLite stores any length, so a field whose form lets more through than its
column holds only fails on PostgreSQL, with an error page that loses the
editor's work. These tests walk the add form of every admin of the editors'
models (with its inlines), and run on both databases:

- a valid post of the form is saved, so any error afterwards is the long value's;
- each text, slug, URL and tag field filled to its limit, in Unicode, is saved
  too: the column holds all the form accepts (which only PostgreSQL checks);
- one character more is a form error on that field, and the page shows every
  value the editor typed.
"""

import itertools
import re
from dataclasses import dataclass

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import RegexValidator
from django.test import RequestFactory
from django.urls import reverse
from taggit.forms import TagField
from taggit.models import Tag

from articles.models import Article
from core import embeds
from films.models import Film, Genre
from media.models import Image, Keyword
from people.models import Person
from sister_sites.models import SisterLink, SisterSite
from tests.factories import (
    make_film,
    make_image,
    make_person,
    make_platform,
    make_section,
    make_sister_site,
    make_user,
    uploaded_image,
)

pytestmark = pytest.mark.django_db

EDITOR_APPS = {"articles", "people", "films", "media", "staff", "sister_sites", "taggit"}
TEXT = "Beyoncé Amélie 東京 "
SLUG = "beyonce-amelie-tokyo-"
UNICODE_SLUG = "beyoncé-東京-"
# A tag's limit is its model's column, whatever the form field says.
TAG_LIMIT = Tag._meta.get_field("name").max_length

# What a required choice of another object points at.
RELATED_BUILDERS = {
    "articles.section": make_section,
    "people.person": make_person,
    "films.film": make_film,
    "media.image": make_image,
    "films.platform": make_platform,
    "sister_sites.sistersite": make_sister_site,
}
# Optional choices a valid post still needs: a where-to-watch row names its service
# unless it is a cinema.
FILLED_WHEN_OPTIONAL = {"films.platform"}

_numbers = itertools.count(1)


def editor_admins():
    """Every editor model whose admin has an add form (failed sign-ins, say, have none)."""
    request = RequestFactory().get("/")
    request.user = User(is_active=True, is_staff=True, is_superuser=True)
    return [
        pytest.param(model, id=model._meta.label_lower)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in EDITOR_APPS and model_admin.has_add_permission(request)
    ]


@dataclass
class LimitedField:
    """A form field whose value has a maximum length."""

    field: forms.Field
    limit: int
    # "tt" for an id with a format such as IMDb's (tt0000123).
    id_prefix: str | None = None
    # Where a URL's path starts; an embed's address must be a provider's (core.embeds).
    url_stem: str = "https://example.com/"

    @classmethod
    def of(cls, form, name):
        field = form.fields[name]
        if isinstance(field, TagField):
            return cls(field, TAG_LIMIT)
        if isinstance(field, forms.CharField) and field.max_length:
            stem = EMBED_STEM if embeds_only(form, name) else cls.url_stem
            return cls(field, field.max_length, id_prefix(form, name), stem)
        return None

    def text(self, length, number):
        """`length` characters the field accepts but for their length, ending in `number`.

        For a tag field: one tag of `length` characters between two short ones.
        """
        suffix = str(number)
        if self.id_prefix:
            return self.id_prefix + suffix.rjust(length - len(self.id_prefix), "0")
        if isinstance(self.field, TagField):
            return f"Amélie, {(TEXT * length)[: length - len(suffix)]}{suffix}, 東京"
        if isinstance(self.field, forms.URLField):
            stem = self.url_stem
            path = TEXT.replace(" ", "-") * length
            return stem + path[: length - len(stem) - len(suffix)] + suffix
        if isinstance(self.field, forms.SlugField):
            pattern = UNICODE_SLUG if self.field.allow_unicode else SLUG
        else:
            pattern = TEXT
        return (pattern * length)[: length - len(suffix)] + suffix

    def ordinary(self, number):
        if isinstance(self.field, forms.URLField):
            return self.text(min(self.limit, len(self.url_stem) + 10), number)
        return self.text(min(self.limit, 9 if self.id_prefix else 30), number)


# A video's address that takes any text after it (a start time nobody reads).
EMBED_STEM = "https://youtu.be/dQw4w9WgXcQ?t="


def embeds_only(form, name):
    """Whether the field takes only addresses of content Metro embeds (core.embeds)."""
    try:
        model_field = form._meta.model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return any(
        validator in (embeds.validate_embed_url, embeds.validate_video_url)
        for validator in model_field.validators
    )


def id_prefix(form, name):
    try:
        model_field = form._meta.model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    for validator in model_field.validators:
        if isinstance(validator, RegexValidator):
            if prefix := re.match(r"\^([A-Za-z]+)\\d", validator.regex.pattern):
                return prefix[1]
    return None


def fill(form, prefix, number):
    """A valid post of `form`'s fields (under `prefix`), and its limited fields by key."""
    data, limited = {}, {}
    for name, field in form.fields.items():
        key = f"{prefix}-{name}" if prefix else name
        if limited_field := LimitedField.of(form, name):
            data[key] = limited_field.ordinary(number)
            limited[key] = limited_field
        elif isinstance(field, forms.FileField):
            data[key] = uploaded_image(color=(number % 256, number // 256 % 256, 90))
        elif isinstance(field, forms.ModelChoiceField):
            label = field.queryset.model._meta.label_lower
            if field.required or (label in FILLED_WHEN_OPTIONAL and prefix):
                data[key] = RELATED_BUILDERS[label]().pk
        elif isinstance(field, forms.CharField):
            if field.required:
                data[key] = f"Words {number}"
        elif isinstance(field, forms.BooleanField):
            if form[name].initial:
                data[key] = "on"
        elif field.required:
            initial = form[name].initial
            if initial in (None, ""):
                initial = next(value for value, _label in field.choices if value)
            data[key] = initial
    return data, limited


def inline_data(formset, number):
    """One new form for an inline with limited fields; none for any other inline."""
    prefix = formset.prefix
    data = {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    form = formset.empty_form
    form.fields = {
        name: field for name, field in form.fields.items() if name not in {"id", "DELETE"}
    }
    if not any(LimitedField.of(form, name) for name in form.fields):
        return data, {}
    fields, limited = fill(form, f"{prefix}-0", number)
    return data | {f"{prefix}-TOTAL_FORMS": "1"} | fields, limited


class AddForm:
    """The admin's add form for one model."""

    def __init__(self, client, model):
        self.client = client
        self.url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        page = client.get(self.url)
        assert page.status_code == 200
        self.form = page.context["adminform"].form
        self.formsets = [inline.formset for inline in page.context["inline_admin_formsets"]]

    def valid_data(self):
        """Fresh valid data (unique names, slugs and files), and its limited fields by key."""
        number = next(_numbers)
        data, limited = fill(self.form, "", number)
        for formset in self.formsets:
            inline, inline_limited = inline_data(formset, number)
            data |= inline
            limited |= inline_limited
        return data, limited

    def post(self, data):
        return self.client.post(self.url, data)


def errors_of(response, key):
    """The errors the re-rendered page reports for the posted field `key`."""
    form = response.context["adminform"].form
    if key in form.fields:
        return form.errors.get(key, [])
    for inline in response.context["inline_admin_formsets"]:
        prefix = f"{inline.formset.prefix}-0-"
        if key.startswith(prefix):
            return inline.formset.forms[0].errors.get(key.removeprefix(prefix), [])
    raise AssertionError(f"{key} is in no form of the page")


def form_errors(response):
    return response.context and response.context["errors"]


@pytest.fixture
def superuser_client(client):
    client.force_login(make_user(is_superuser=True))
    return client


def test_the_walk_covers_every_editors_form_and_its_text_fields():
    models = {param.values[0] for param in editor_admins()}
    assert {Article, Film, Genre, Person, SisterSite, SisterLink, Image, Keyword, Tag} <= models
    assert Keyword._meta.get_field("name").max_length == TAG_LIMIT


@pytest.mark.parametrize("model", editor_admins())
def test_every_text_field_filled_to_its_limit_is_saved(superuser_client, model):
    add = AddForm(superuser_client, model)
    data, limited = add.valid_data()
    response = add.post(data)
    assert response.status_code == 302, form_errors(response)
    for key, field in limited.items():
        if field.id_prefix:
            continue  # Its format (tt0000123) keeps an id well inside its column.
        data, _ = add.valid_data()
        data[key] = field.text(field.limit, next(_numbers))
        response = add.post(data)
        assert response.status_code == 302, (key, form_errors(response))


@pytest.mark.parametrize("model", editor_admins())
def test_one_character_too_many_is_a_form_error_that_keeps_the_form(superuser_client, model):
    add = AddForm(superuser_client, model)
    _, limited = add.valid_data()
    assert limited
    for key, field in limited.items():
        data, _ = add.valid_data()
        data[key] = field.text(field.limit + 1, next(_numbers))
        response = add.post(data)
        assert response.status_code == 200, key
        assert errors_of(response, key), key
        page = response.content.decode()
        for typed_key, value in data.items():
            if isinstance(value, str) and len(value) > 1:
                assert value in page, (key, typed_key)


@pytest.mark.parametrize("model", [Article, Image])
def test_a_tag_too_long_is_named_in_the_error(superuser_client, model):
    add = AddForm(superuser_client, model)
    data, _ = add.valid_data()
    data["tags"] = f"Beyoncé, 東京 {'x' * TAG_LIMIT}, Amélie"
    response = add.post(data)
    assert response.status_code == 200
    [error] = errors_of(response, "tags")
    assert "“東京 xxx" in error
    assert f"at most {TAG_LIMIT} characters" in error
    assert data["tags"] in response.content.decode()
