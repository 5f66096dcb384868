"""`manage.py make_renditions`: make the missing rendition files before readers ask for them."""

import shutil
import signal
import threading
import time
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from media import renditions
from media.models import Image
from media.renditions import SPECS, Renditions

# What a missing, damaged or unreadable original raises while a rendition is made.
UNREADABLE = (OSError, ValueError, SyntaxError, EOFError, PILImage.DecompressionBombError)
# The fields Renditions and renditions.ensure() read.
IMAGE_FIELDS = ("file", "content_hash", "width", "height", "focal_point_x", "focal_point_y")
REDRAW_SECONDS = 0.1  # the progress bar on a terminal
REPORT_SECONDS = 10.0  # plain progress lines in a log
INTERRUPTED = 130  # the shell's exit status after Ctrl-C
CLEAR_LINE = "\r\x1b[K"
BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Make every missing rendition (each spec's widths and formats) of the library's images, "
        "so that no reader waits for one to be made on first request. Safe to re-run: files "
        "already stored are kept. Ctrl-C stops cleanly between renditions; run the command "
        "again to carry on. An image whose original is missing or unreadable is reported "
        "and skipped; the command fails only if every image does."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--image",
            type=int,
            action="append",
            dest="image_ids",
            metavar="ID",
            help="Only the image with this id; repeat for several. Default: every image.",
        )
        parser.add_argument(
            "--spec",
            action="append",
            dest="spec_names",
            choices=list(SPECS),
            metavar="NAME",
            help="Only this spec's renditions; repeat for several. One of: "
            + ", ".join(f"{spec.name} ({spec.description})" for spec in SPECS.values())
            + ". Default: every spec.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the missing renditions and check that their originals are stored, "
            "without making or writing anything.",
        )

    def handle(self, *args, image_ids=None, spec_names=None, dry_run=False, **options):
        self.verbosity = options["verbosity"]
        images = self.select(image_ids)
        specs = set(spec_names or SPECS)
        tally = Tally(images=images.count(), dry_run=dry_run)
        self.progress = Progress(self.stdout, tally, enabled=self.verbosity > 0)
        if self.verbosity:
            self.stdout.write(self.style.MIGRATE_HEADING(heading(tally, specs)))
        stop = GracefulStop()
        try:
            with stop:
                for image in images.iterator():
                    self.process(image, specs, tally, stop)
                    if stop.requested:
                        break
        except KeyboardInterrupt:
            stop.requested = True  # A second Ctrl-C: stopped at once, mid-image.
        self.progress.close()
        self.summarise(tally)
        if stop.requested:
            raise CommandError(
                f"Stopped by Ctrl-C after {tally.done} of {tally.images} images"
                + (f" (up to image id {tally.last_done})" if tally.done else "")
                + ". Run the command again to make the rest.",
                returncode=INTERRUPTED,
            )
        if tally.failed and len(tally.failed) == tally.done:
            raise CommandError(f"Every image failed ({len(tally.failed)}); nothing could be made.")

    def select(self, image_ids):
        images = Image.objects.only(*IMAGE_FIELDS).order_by("pk")
        if image_ids:
            images = images.filter(pk__in=image_ids)
            unknown = set(image_ids) - set(images.values_list("pk", flat=True))
            if unknown:
                raise CommandError(f"No image with id {', '.join(map(str, sorted(unknown)))}.")
        return images

    def process(self, image, specs, tally, stop):
        """Make (in a dry run, count) one image's missing renditions; skip it if it fails."""
        if not (image.file and image.width and image.height):
            self.fail(image, tally, "it has no file, or its size was never read from the file")
            return
        wanted = [
            rendition for rendition in Renditions(image).all() if rendition.spec.name in specs
        ]
        try:
            if tally.dry_run:
                self.count_missing(image, wanted, tally)
            else:
                for rendition in wanted:
                    if stop.requested:
                        return  # Not done: the next run makes the rest of this image.
                    self.make(image, rendition, tally)
        except UNREADABLE as error:
            self.fail(image, tally, describe(image, error))
            return
        tally.done += 1
        tally.last_done = image.pk
        self.progress.update()

    def make(self, image, rendition, tally):
        try:
            made = renditions.ensure(image, rendition)
        except KeyboardInterrupt:
            # A second Ctrl-C may land while the file is being written: remove it rather
            # than leave half a file that would be served as if it were whole. (Were it
            # already whole, the next run or the serve view simply makes it again.)
            default_storage.delete(rendition.name)
            raise
        if made:
            tally.made += 1
            if self.verbosity > 1:
                self.progress.note(f"Made {rendition.name}")
        else:
            tally.present += 1
        self.progress.update()

    def count_missing(self, image, wanted, tally):
        missing = sum(not default_storage.exists(rendition.name) for rendition in wanted)
        if missing and not default_storage.exists(image.file.name):
            raise FileNotFoundError(image.file.name)
        tally.made += missing
        tally.present += len(wanted) - missing

    def fail(self, image, tally, reason):
        tally.failed[image.pk] = reason
        tally.done += 1
        tally.last_done = image.pk
        self.progress.note(f"Image {image.pk} skipped: {reason}", self.style.WARNING)

    def summarise(self, tally):
        if self.verbosity:
            counted = f"{tally.made} rendition{pluralize(tally.made)}"
            failed = f"{len(tally.failed)} image{pluralize(len(tally.failed))} failed"
            if tally.dry_run:
                line = (
                    f"Dry run: {counted} missing, {tally.present} already present, "
                    f"{failed}; nothing was written."
                )
            else:
                line = (
                    f"Made {counted}, {tally.present} already present, {failed}, "
                    f"in {duration(tally.elapsed)}."
                )
            style = self.style.WARNING if tally.failed else self.style.SUCCESS
            self.stdout.write(style(line))
        for image_id, reason in tally.failed.items():
            self.stdout.write(self.style.WARNING(f"  image {image_id}: {reason}"))


@dataclass
class Tally:
    images: int
    dry_run: bool
    done: int = 0
    made: int = 0  # In a dry run: found missing.
    present: int = 0
    failed: dict[int, str] = field(default_factory=dict)
    last_done: int | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self):
        return time.monotonic() - self.started

    def status(self):
        """Images done, renditions made (or missing), the rate and the time left."""
        elapsed = max(self.elapsed, 1e-9)
        if self.dry_run:
            work = f"{self.made} missing, {(self.made + self.present) / elapsed:.1f} checked/s"
        else:
            work = f"{self.made} made, {self.made / elapsed:.1f}/s"
        left = self.images - self.done
        eta = duration(elapsed / self.done * left) if self.done else "?"
        return f"{self.done}/{self.images} images, {work}, ETA {eta}"


class Progress:
    """A bar redrawn on one line on a terminal; a plain line every few seconds in a log."""

    def __init__(self, out, tally, *, enabled):
        self.out = out
        self.tally = tally
        self.enabled = enabled
        self.tty = out.isatty()
        self.shown_at = time.monotonic()
        self.drawn = False

    def update(self):
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.shown_at < (REDRAW_SECONDS if self.tty else REPORT_SECONDS):
            return
        self.shown_at = now
        if self.tty:
            self.draw()
        else:
            self.out.write(self.tally.status())

    def draw(self):
        status = self.tally.status()
        columns = shutil.get_terminal_size().columns
        filled = BAR_WIDTH * self.tally.done // max(self.tally.images, 1)
        line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {status}"
        self.out.write(CLEAR_LINE + line[: columns - 1], ending="")
        self.out.flush()
        self.drawn = True

    def note(self, message, style=None):
        """A line of its own, above the bar."""
        if not self.enabled:
            return
        if self.drawn:
            self.out.write(CLEAR_LINE, ending="")
        self.out.write(message, style)
        if self.drawn:
            self.draw()

    def close(self):
        """Leave the bar at its final state, on a line of its own."""
        if self.drawn:
            self.draw()
            self.out.write("")


class GracefulStop:
    """Turns Ctrl-C into a request to stop between renditions, so none is cut off.

    A second Ctrl-C raises KeyboardInterrupt as usual, to stop at once.
    """

    def __init__(self):
        self.requested = False
        self.previous = None

    def __enter__(self):
        # Signal handlers can only be set, and Ctrl-C only arrives, in the main thread.
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self.request)
        return self

    def __exit__(self, *exc_info):
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def request(self, signum, frame):
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True


def heading(tally, specs):
    which = "every spec" if specs == set(SPECS) else ", ".join(s for s in SPECS if s in specs)
    verb = "Counting missing renditions" if tally.dry_run else "Making missing renditions"
    return f"{verb} of {tally.images} image{pluralize(tally.images)} ({which})."


def describe(image, error):
    if isinstance(error, FileNotFoundError):
        return f"its original file {image.file.name} is missing from storage"
    if isinstance(error, UnidentifiedImageError):
        return f"its original file {image.file.name} is not a picture Pillow can read"
    return f"{type(error).__name__}: {error}"


def duration(seconds):
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"
