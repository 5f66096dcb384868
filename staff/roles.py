"""The newsroom's roles, as Django groups and permissions.

Writers create and edit drafts and submit them for review; editors also
publish, schedule, unpublish and delete, and unlock colleagues locked out of
signing in. A data migration applies these definitions; after changing them,
add a migration that calls `sync_roles` again.
"""

WRITERS = "Writers"
EDITORS = "Editors"

# (app_label, model): the actions each role has on it.
WRITER_PERMISSIONS = {
    ("articles", "article"): ["add", "change", "view"],
    ("articles", "authorship"): ["add", "change", "delete", "view"],
    ("articles", "section"): ["view"],
    ("people", "person"): ["add", "change", "view"],
    ("people", "personlink"): ["add", "change", "delete", "view"],
    ("films", "film"): ["add", "change", "view"],
    ("films", "credit"): ["add", "change", "delete", "view"],
    ("films", "availability"): ["add", "change", "delete", "view"],
    ("films", "platform"): ["add", "change", "view"],
    ("films", "genre"): ["add", "change", "view"],
    ("media", "image"): ["add", "change", "view"],
    ("media", "keyword"): ["add", "view"],
    ("media", "gallery"): ["add", "change", "view"],
    ("media", "galleryitem"): ["add", "change", "delete", "view"],
    ("taggit", "tag"): ["add", "view"],
    ("sister_sites", "sistersite"): ["view"],
    ("sister_sites", "sisterlink"): ["view"],
}

ALL = ["add", "change", "delete", "view"]
EDITOR_PERMISSIONS = dict.fromkeys(WRITER_PERMISSIONS, ALL) | {
    ("taggit", "taggeditem"): ALL,
}
# (app_label, model, codename): the models' own permissions (Meta.permissions).
EDITOR_EXTRA = [
    ("articles", "article", "publish_article"),
    ("staff", "failedsignin", "unlock_sign_ins"),
]


def sync_roles(apps):
    """Create or update both groups with exactly the permissions above.

    `apps` is the migration's (or the project's registry): permissions on models that do
    not exist yet at that point of the history are left out, for the migration that adds
    the model and calls this again."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def exists(app_label, model):
        try:
            apps.get_model(app_label, model)
        except LookupError:
            return False
        return True

    def permissions_for(table, extra=()):
        wanted = [
            (app, model, f"{action}_{model}")
            for (app, model), actions in table.items()
            for action in actions
        ]
        wanted += list(extra)
        return [
            Permission.objects.get(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
            for app_label, model, codename in wanted
            if exists(app_label, model)
        ]

    for name, table, extra in [
        (WRITERS, WRITER_PERMISSIONS, ()),
        (EDITORS, EDITOR_PERMISSIONS, EDITOR_EXTRA),
    ]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions_for(table, extra))


def sync_roles_migration(apps, schema_editor):
    """For RunPython: the roles as above, for the models that exist at that point of the history."""
    sync_roles(apps)
