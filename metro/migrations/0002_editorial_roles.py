from django.db import migrations


def create_roles(apps, schema_editor):
    from staff.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("metro", "0001_initial"),
        ("articles", "0001_initial"),
        ("people", "0001_initial"),
        ("films", "0001_initial"),
        ("media", "0002_image_keywords"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
