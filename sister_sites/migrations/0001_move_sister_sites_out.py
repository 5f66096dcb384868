"""Sister sites, which were the metro app's: the same tables (metro_sistersite,
metro_sisterlink), now in this app's state. Their content types move too, so
permissions, groups, revisions and the admin's history follow them; 0002 then gives
the roles their permissions on a new database."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

from core.model_moves import content_types_mover


move_content_types = content_types_mover("metro", "sister_sites", ["sistersite", "sisterlink"])


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('media', '0005_keyword_slugs'),
        ('metro', '0005_editors_unlock_sign_ins'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SisterSite',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True)),
                        ('slug', models.SlugField(max_length=100, unique=True)),
                        ('home_url', models.URLField(validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='home page URL')),
                        ('feed_url', models.URLField(blank=True, help_text='RSS or Atom feed of its latest stories; refreshed by refresh_sister_sites.', max_length=1000, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='feed URL')),
                        ('order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers come first.')),
                        ('active', models.BooleanField(default=True, help_text='Inactive sites are neither shown nor refreshed.')),
                        ('last_refreshed_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last refreshed')),
                        ('last_refresh_ok', models.BooleanField(editable=False, null=True, verbose_name='last refresh worked')),
                        ('last_error', models.TextField(blank=True, editable=False)),
                        ('last_success_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last worked')),
                        ('feed_etag', models.CharField(blank=True, editable=False, max_length=200)),
                        ('feed_last_modified', models.CharField(blank=True, editable=False, max_length=100)),
                        ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='media.image')),
                    ],
                    options={
                        'db_table': 'metro_sistersite',
                        'ordering': ['order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='SisterLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=300)),
                        ('url', models.URLField(max_length=1000, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='URL')),
                        ('published_at', models.DateTimeField(blank=True, null=True)),
                        ('image_url', models.URLField(blank=True, max_length=1000, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='image URL')),
                        ('guid', models.CharField(blank=True, editable=False, max_length=1000, verbose_name='feed id')),
                        ('source', models.CharField(choices=[('feed', 'Feed'), ('manual', 'Added by hand')], default='manual', editable=False, max_length=10)),
                        ('pinned', models.BooleanField(default=False, help_text="Keep at the top of the site's list.")),
                        ('hidden', models.BooleanField(default=False, help_text='Never show this link; refreshes will not bring it back.')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='links', to='sister_sites.sistersite')),
                    ],
                    options={
                        'db_table': 'metro_sisterlink',
                        'ordering': ['-pinned', '-published_at', '-pk'],
                        'get_latest_by': 'published_at',
                        'constraints': [models.UniqueConstraint(fields=('site', 'url'), name='sisterlink_unique_url_per_site'), models.UniqueConstraint(condition=models.Q(('guid', ''), _negated=True), fields=('site', 'guid'), name='sisterlink_unique_guid_per_site')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(*move_content_types),
    ]
