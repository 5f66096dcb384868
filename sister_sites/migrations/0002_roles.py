from django.db import migrations

from staff.roles import sync_roles_migration


class Migration(migrations.Migration):
    """Writers see sister sites and editors manage them (staff.roles), once the models
    have left the metro app (metro 0006): a new database gets these permissions here."""

    dependencies = [
        ("sister_sites", "0001_move_sister_sites_out"),
        ("metro", "0006_move_sister_sites_out"),
    ]

    operations = [migrations.RunPython(sync_roles_migration, migrations.RunPython.noop)]
