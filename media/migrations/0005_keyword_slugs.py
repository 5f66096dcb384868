"""Library keywords: the form field refuses one longer than its column, and keywords
whose slug was empty or not ASCII get one by core.tags' rule, like the stories' tags."""

from django.db import migrations

import core.tags


def repair_slugs(apps, schema_editor):
    core.tags.repair_tag_slugs(apps.get_model("media", "Keyword"))


class Migration(migrations.Migration):
    dependencies = [("media", "0004_image_updated_at")]

    operations = [
        migrations.AlterField(
            model_name="image",
            name="tags",
            field=core.tags.BoundedTaggableManager(
                blank=True,
                help_text="Library keywords, comma-separated: for finding the image, "
                "never shown to readers.",
                through="media.TaggedImage",
                to="media.Keyword",
                verbose_name="keywords",
            ),
        ),
        migrations.RunPython(repair_slugs, migrations.RunPython.noop),
    ]
