"""Failed sign-ins are the staff app's now (staff/migrations/0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('metro', '0006_move_sister_sites_out'),
        ('staff', '0001_move_failed_sign_ins_to_staff'),
    ]

    operations = [
        migrations.DeleteModel(
            name='FailedSignIn',
        ),
    ]
