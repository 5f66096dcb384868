import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Load Metro's demo newsroom: sections, staff and talent with portraits, films and "
        "series with posters and credits, stories in every state (live, scheduled, in review, "
        "draft) with generated images, and sister-site links. Safe to run on every start: "
        "it only adds what is missing and never rewrites existing image files."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Also rewrite the words of demo rows that already exist (headlines, bodies, "
            "captions, bios) from the demo data. Dates, statuses and image files are kept.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off, e.g. on a staging site. Never on the real site: "
            "the invented stories go live.",
        )

    def handle(self, *args, refresh=False, force=False, verbosity=1, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo content with DEBUG off: it publishes invented stories. "
                "Use --force on a staging site."
            )
        started = time.monotonic()
        loader = DemoLoader(refresh=refresh)
        try:
            with transaction.atomic():
                loader.load()
                # Tags are added in bulk, past the signals that keep search current.
                call_command("reindex_search", verbosity=0)
        except BaseException:
            loader.discard_new_files()
            raise
        if verbosity:
            elapsed = time.monotonic() - started
            for line in loader.summary(elapsed):
                self.stdout.write(self.style.SUCCESS(line))
