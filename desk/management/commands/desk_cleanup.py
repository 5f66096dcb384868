from django.core.management.base import BaseCommand
from django.utils import timezone

from desk.live import AUTOSAVE_KEPT, PRESENCE_KEPT, delete_stale


class Command(BaseCommand):
    help = (
        f"Delete editing presences unseen for {PRESENCE_KEPT} and autosaves older than "
        f"{AUTOSAVE_KEPT.days} days (heartbeats already forget old presences as they go)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        presences, autosaves = delete_stale(timezone.now(), dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {presences} stale presences and {autosaves} old autosaves.")
        )
