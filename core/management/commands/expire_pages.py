from django.core.management.base import BaseCommand

from core import pagecache


class Command(BaseCommand):
    help = (
        "Make every cached page stale now. Saving through the admin or the ORM does "
        "this by itself; run it after changing public rows by other means (raw SQL, "
        "bulk updates, restoring a backup)."
    )

    def handle(self, *args, **options):
        generation = pagecache.generations().start()
        self.stdout.write(f"Cached pages expired; new generation {generation.token}.")
