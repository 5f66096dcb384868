from django.db import migrations

from core.model_moves import roles_syncer


class Migration(migrations.Migration):
    """Editors may unlock sign-ins (staff.roles) once failed sign-ins are this app's
    (metro 0007): a new database gets the permission here."""

    dependencies = [
        ("staff", "0001_move_failed_sign_ins_to_staff"),
        ("metro", "0007_move_failed_sign_ins_to_staff"),
    ]

    operations = [migrations.RunPython(roles_syncer(), migrations.RunPython.noop)]
