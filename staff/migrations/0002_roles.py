from django.db import migrations

from staff.roles import sync_roles_migration


class Migration(migrations.Migration):
    """Editors may unlock sign-ins (staff.roles) once failed sign-ins are this app's
    (metro 0007): a new database gets the permission here."""

    dependencies = [
        ("staff", "0001_move_failed_sign_ins_to_staff"),
        ("metro", "0007_move_failed_sign_ins_to_staff"),
    ]

    operations = [migrations.RunPython(sync_roles_migration, migrations.RunPython.noop)]
