"""For migrations that move models from one app to another.

The tables stay where they are (SeparateDatabaseAndState, db_table kept); the content
types are renamed so permissions, groups, revisions and the admin's history follow.
"""


def content_types_mover(old_app, new_app, models):
    """The forward and backward RunPython functions renaming `models`' content types."""

    def move(apps, old, new):
        ContentType = apps.get_model("contenttypes", "ContentType")
        # A database migrated in steps may already have made the new ones: keep those.
        if not ContentType.objects.filter(app_label=new, model__in=models).exists():
            ContentType.objects.filter(app_label=old, model__in=models).update(app_label=new)

    def forward(apps, schema_editor):
        move(apps, old_app, new_app)

    def backward(apps, schema_editor):
        move(apps, new_app, old_app)

    return forward, backward
