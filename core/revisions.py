"""Revisions that keep tags: what an editor restores is what was saved, tags included.

django-reversion stores a version with Django's serializers, which skip
taggit's TaggableManager (serialize=False: its rows live in a through model of
taggit's own). Restoring a revision therefore left the tags as they were, a
recovered story came back untagged, and reversion-compare, meeting the manager
where it expects a list of ids, logged a traceback per version.

Models with tags are versioned in the `TAGGED_JSON` format instead: Django's
JSON plus each tag field's names. Restoring a version sets the tags to those
names (a tag deleted since is made again, with its slug by core.tags).
`TaggedCompareVersionAdmin` registers its model in that format and compares
tags as names. Versions saved in plain JSON, before this, carry no tags:
restoring one leaves the tags alone.
"""

import reversion
from django.core.serializers import base, json
from django.template.loader import render_to_string
from django.utils.html import format_html
from reversion.revisions import _get_options
from reversion_compare.admin import CompareVersionAdmin
from taggit.managers import TaggableManager

# settings.SERIALIZATION_MODULES names this module under this format.
TAGGED_JSON = "json-with-tags"


def tag_fields(model):
    return [field for field in model._meta.many_to_many if isinstance(field, TaggableManager)]


class Serializer(json.Serializer):
    """Django's JSON, with each tag field as the sorted list of its tags' names."""

    def get_dump_object(self, obj):
        data = super().get_dump_object(obj)
        for field in tag_fields(obj):
            data["fields"][field.name] = sorted(getattr(obj, field.name).names())
        return data


class Deserializer(json.Deserializer):
    """Reads tag fields back as names, which saving the object gives its tag managers."""

    def _handle_m2m_field_node(self, field, field_value):
        if isinstance(field, TaggableManager):
            return [str(name) for name in field_value]
        return super()._handle_m2m_field_node(field, field_value)

    def _handle_object(self, obj):
        for deserialized in super()._handle_object(obj):
            yield DeserializedObjectWithTags(
                deserialized.object, deserialized.m2m_data, deserialized.deferred_fields
            )


class DeserializedObjectWithTags(base.DeserializedObject):
    def save(self, save_m2m=True, using=None, **kwargs):
        names = {field.name for field in tag_fields(self.object)}
        tags = {name: value for name, value in (self.m2m_data or {}).items() if name in names}
        # Django sets the other relations through set_base(), which taggit's manager lacks.
        self.m2m_data = {
            name: value for name, value in (self.m2m_data or {}).items() if name not in names
        }
        super().save(save_m2m=save_m2m, using=using, **kwargs)
        if save_m2m:
            for name, value in tags.items():
                getattr(self.object, name).set(value)


def saved_tags(version, field):
    """The names `field` held in `version`, or None for a version that did not keep tags."""
    return (version._object_version.m2m_data or {}).get(field.name)


class TaggedCompareVersionAdmin(CompareVersionAdmin):
    """reversion-compare's admin for a model with tags: versions keep them, comparisons show them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # reversion-compare's own comparison would iterate the tag manager.
        self.compare_exclude = [
            *(self.compare_exclude or []),
            *(field.name for field in tag_fields(self.model)),
        ]

    def reversion_register(self, model, **kwargs):
        if tag_fields(model):
            kwargs.setdefault("format", TAGGED_JSON)
        super().reversion_register(model, **kwargs)

    def compare(self, obj, version1, version2):
        result = super().compare(obj, version1, version2)
        for field in tag_fields(obj):
            before, after = saved_tags(version1, field), saved_tags(version2, field)
            if before != after:
                result.diff.append(
                    {
                        "field": field,
                        "is_related": True,
                        "follow": True,
                        "diff": tags_diff(before, after),
                    }
                )
        return result


def tags_diff(before, after):
    """reversion-compare's markup for a list of related objects: removed, added, kept."""
    if before is None or after is None:
        return format_html("<p>{}</p>", "Versions saved before tags were kept cannot show them.")
    change_info = {
        "removed_items": [name for name in before if name not in after],
        "added_items": [name for name in after if name not in before],
        "same_items": [name for name in after if name in before],
    }
    return render_to_string(
        "reversion-compare/compare_generic_many_to_many.html", {"change_info": change_info}
    )


def follow_also(model, *relations):
    """Register `model` with reversion again, as it was, following `relations` too."""
    options = _get_options(model)
    if set(relations) <= set(options.follow):
        return
    reversion.unregister(model)
    reversion.register(
        model,
        fields=options.fields,
        follow=(*options.follow, *relations),
        format=options.format,
        for_concrete_model=options.for_concrete_model,
        ignore_duplicates=options.ignore_duplicates,
        use_natural_foreign_keys=options.use_natural_foreign_keys,
        object_id_field=options.object_id_field,
    )
