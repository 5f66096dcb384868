"""A database made before sister sites and failed sign-ins left the metro app migrates
forward with its rows, its content types and who holds which permission."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sister_sites.models import SisterLink, SisterSite
from staff.models import FailedSignIn
from staff.roles import EDITORS, WRITERS

# Where the history stood before the move: the metro app still held both.
BEFORE_THE_MOVE = [
    ("metro", "0005_editors_unlock_sign_ins"),
    ("sister_sites", None),
    ("staff", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    applied = [target for target in targets if target[1]]
    return executor.loader.project_state(applied).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_database(transactional_db):
    old_apps = migrate(BEFORE_THE_MOVE)
    ContentType.objects.clear_cache()
    yield old_apps
    migrate(latest())
    ContentType.objects.clear_cache()


def grant(group_name, app_label, model, codename):
    """The roles as the old database had them (a flushed test database has lost them)."""
    group, _ = Group.objects.get_or_create(name=group_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    group.permissions.add(permission)


def test_sister_sites_and_sign_in_locks_made_in_the_metro_app_survive_the_move(old_database):
    old_site = old_database.get_model("metro", "SisterSite").objects.create(
        name="Beyoncé Daily", slug="beyonce-daily", home_url="https://beyonce.example/"
    )
    old_database.get_model("metro", "SisterLink").objects.create(
        site=old_site, title="東京 tonight", url="https://beyonce.example/tokyo"
    )
    old_database.get_model("axes", "AccessAttempt").objects.create(
        ip_address="203.0.113.9", username="amélie", failures_since_start=3
    )
    grant(EDITORS, "metro", "sistersite", "change_sistersite")
    grant(EDITORS, "metro", "failedsignin", "unlock_sign_ins")
    grant(WRITERS, "metro", "sistersite", "view_sistersite")
    old_content_types = dict(
        ContentType.objects.filter(app_label="metro").values_list("model", "pk")
    )
    editor = User.objects.create(username="editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    writer = User.objects.create(username="writer")
    writer.groups.add(Group.objects.get(name=WRITERS))
    assert editor.has_perm("metro.unlock_sign_ins")
    assert editor.has_perm("metro.change_sistersite")

    migrate(latest())
    ContentType.objects.clear_cache()

    site = SisterSite.objects.get(slug="beyonce-daily")
    assert site.name == "Beyoncé Daily"
    assert list(site.links.values_list("title", flat=True)) == ["東京 tonight"]
    assert SisterLink.objects.visible().count() == 1
    assert FailedSignIn.objects.get().username == "amélie"
    # The same content type rows, renamed: versions, admin history and permissions follow.
    assert ContentType.objects.get_for_model(SisterSite).pk == old_content_types["sistersite"]
    assert ContentType.objects.get_for_model(SisterLink).pk == old_content_types["sisterlink"]
    failed_sign_ins = ContentType.objects.get_for_model(FailedSignIn, for_concrete_model=False)
    assert failed_sign_ins.pk == old_content_types["failedsignin"]
    assert not ContentType.objects.filter(app_label="metro").exists()

    editor = User.objects.get(pk=editor.pk)  # A fresh permission cache.
    writer = User.objects.get(pk=writer.pk)
    assert editor.has_perm("staff.unlock_sign_ins")
    assert editor.has_perm("sister_sites.change_sistersite")
    assert writer.has_perm("sister_sites.view_sistersite")
    assert not writer.has_perm("sister_sites.change_sistersite")
    assert not writer.has_perm("staff.unlock_sign_ins")
