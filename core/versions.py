"""No silent overwrite: every admin save carries the version the editor started from.

A versioned model has a `version` column (`version_field()`). Every save made
in the admin (the change form with its inlines, a revert or recover, an admin
action, a list_editable row) claims the next version with one atomic
compare-and-swap, `UPDATE … SET version = expected + 1 WHERE pk = … AND
version = expected`, inside the save's transaction. Zero rows updated means
someone saved in between (on PostgreSQL the second UPDATE waits for the first
transaction and then finds the new version): the save is refused, nothing is
written, and the editor gets the conflict screen with both texts.

A POST without a version (a forged or truncated form) is a conflict too: the
server cannot tell what the editor started from, so it refuses rather than
guess. Saves from code (load_demo, feed refreshes, signals, migrations) keep the
version as it is: they never hold an editor's stale form.
"""

from django.db import models

BASE_VERSION = "base_version"
LIST_VERSIONS = "_versions"


def version_field():
    return models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Counts the saves made in the admin; a save from an older version is refused.",
    )


def claim_version(model, pk, expected):
    """Move the row from `expected` to the next version; False if it is no longer there."""
    if expected is None:
        return False
    rows = model._default_manager.filter(pk=pk, version=expected)
    return rows.update(version=expected + 1) == 1


def posted_version(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def list_versions(request):
    """{pk: version} for the rows the change list showed, from its hidden inputs."""
    shown = {}
    for item in request.POST.getlist(LIST_VERSIONS):
        pk, _, version = item.rpartition(":")
        if pk and posted_version(version) is not None:
            shown[pk] = posted_version(version)
    return shown
