from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError

from staff.roles import EDITORS, WRITERS

# Development only: well-known passwords for a laptop, never for a real site.
DEV_LOGINS = [
    ("editor", "metro-editor", EDITORS, "Edna", "Editor"),
    ("writer", "metro-writer", WRITERS, "Wes", "Writer"),
]


class Command(BaseCommand):
    help = "Create an editor and a writer login for local development (DEBUG only) and print them."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create development logins with DEBUG off.")
        self.stdout.write(self.style.MIGRATE_HEADING("Development logins for /admin/:"))
        for username, password, group_name, first, last in DEV_LOGINS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "is_staff": True},
            )
            # Reset each time so the printed password is always the one that works.
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            role = group_name.rstrip("s").lower()
            state = "created" if created else "exists"
            self.stdout.write(f"  {role:<7} {username} / {password}  ({state})")
