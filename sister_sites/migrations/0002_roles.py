from django.db import migrations


def sync_roles(apps, schema_editor):
    from metro.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Writers see sister sites and editors manage them (metro.roles), once the models
    have left the metro app (metro 0006): a new database gets these permissions here."""

    dependencies = [
        ("sister_sites", "0001_move_sister_sites_out"),
        ("metro", "0006_move_sister_sites_out"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
