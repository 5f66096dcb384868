from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Recompute the text site search reads for every story (the body as plain text, and the "
        "names of its tags, people and films), saving only the stories that changed. Safe to run "
        "at any time and as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Stories read and saved at a time (default 500).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the stories that are out of date without saving anything.",
        )

    def handle(self, *args, batch_size, dry_run, verbosity, **options):
        total = Article.objects.count()

        def progress(checked, changed):
            if verbosity:
                self.stdout.write(f"  {checked:,} of {total:,} stories checked, {changed:,} stale")

        changed = Article.objects.refresh_search_fields(
            batch_size, dry_run=dry_run, progress=progress
        )
        if not verbosity:
            return
        if dry_run:
            summary = f"Dry run: {changed:,} of {total:,} stories would be updated."
        else:
            summary = f"Updated {changed:,} of {total:,} stories."
        self.stdout.write(self.style.SUCCESS(summary))
