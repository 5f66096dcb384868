"""Sister sites are an app of their own now (sister_sites): the models leave this app's
state, and their tables stay where they are (sister_sites/migrations/0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('metro', '0005_editors_unlock_sign_ins'),
        ('sister_sites', '0001_move_sister_sites_out'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='sisterlink',
                    name='sisterlink_unique_url_per_site',
                ),
                migrations.RemoveConstraint(
                    model_name='sisterlink',
                    name='sisterlink_unique_guid_per_site',
                ),
                migrations.RemoveField(
                    model_name='sistersite',
                    name='logo',
                ),
                migrations.DeleteModel(
                    name='SisterLink',
                ),
                migrations.DeleteModel(
                    name='SisterSite',
                ),
            ],
            database_operations=[],
        ),
    ]
