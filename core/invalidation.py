"""Which saved, deleted or relinked rows make cached pages stale.

The kernel knows no feature app: each app that readers see says so when it is ready
(`watch_app`), and may name the changes no public page shows (`ignore_private_changes`).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core import pagecache

# The apps whose rows readers see on some page.
public_apps = set()
# Callables taking a saved or relinked row, True when no public page shows the change.
private_change_tests = []


def watch_app(app_label):
    """Every saved, deleted or relinked row of `app_label` makes cached pages stale."""
    public_apps.add(app_label)


def ignore_private_changes(test):
    """Skip saves and relinks for which `test(instance)` is True (deletions always count)."""
    private_change_tests.append(test)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def public_content_changed(sender, **kwargs):
    """Any saved, deleted or relinked public row makes every cached page stale at commit."""
    if kwargs.get("raw"):
        return  # Fixture loading.
    if sender._meta.app_label in public_apps:
        if "action" in kwargs and not kwargs["action"].startswith("post_"):
            return
        if kwargs["signal"] is not post_delete and is_private(kwargs["instance"]):
            return
        pagecache.content_changed()


def is_private(instance):
    return any(test(instance) for test in private_change_tests)
