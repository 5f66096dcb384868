from django.db import migrations

from core.model_moves import roles_syncer


class Migration(migrations.Migration):
    """Writers see sister sites and editors manage them (staff.roles), once the models
    have left the metro app (metro 0006): a new database gets these permissions here."""

    dependencies = [
        ("sister_sites", "0001_move_sister_sites_out"),
        ("metro", "0006_move_sister_sites_out"),
    ]

    operations = [migrations.RunPython(roles_syncer(), migrations.RunPython.noop)]
