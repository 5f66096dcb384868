"""Failed sign-ins, which were the metro app's (a proxy: no table of its own), are the
staff app's; the content type moves too, so the unlock permission and who holds it follow."""

from django.db import migrations

from core.model_moves import content_types_mover


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('axes', '0010_accessattemptexpiration'),
        ('metro', '0006_move_sister_sites_out'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='FailedSignIn',
            fields=[
            ],
            options={
                'verbose_name': 'failed sign-in',
                'ordering': ['-attempt_time'],
                'permissions': [('unlock_sign_ins', 'Can unlock locked-out sign-ins')],
                'proxy': True,
                'default_permissions': [],
                'indexes': [],
                'constraints': [],
            },
            bases=('axes.accessattempt',),
        ),
        migrations.RunPython(*content_types_mover("metro", "staff", ["failedsignin"])),
    ]
