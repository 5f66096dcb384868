from django.db import migrations


def sync_roles(apps, schema_editor):
    from staff.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Editors may unlock locked-out sign-ins (staff.roles)."""

    dependencies = [("metro", "0004_failed_sign_ins")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
