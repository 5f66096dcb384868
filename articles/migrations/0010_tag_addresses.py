"""Stories' tags get addresses that work.

The form field refuses a tag longer than its column, and every tag whose slug
never made an address (empty, or letters the old ASCII-only URL patterns
refused: such a tag broke every page linking to it) gets one by core.tags'
rule. ASCII slugs worked and keep their addresses.
"""

from django.db import migrations

import core.tags


def repair_slugs(apps, schema_editor):
    core.tags.repair_tag_slugs(apps.get_model("taggit", "Tag"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_search_document_inline"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="tags",
            field=core.tags.BoundedTaggableManager(
                blank=True,
                help_text="Comma-separated. Each tag gets its own page.",
                through="taggit.TaggedItem",
                to="taggit.Tag",
                verbose_name="Tags",
            ),
        ),
        migrations.RunPython(repair_slugs, migrations.RunPython.noop),
    ]
