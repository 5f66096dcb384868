"""`manage.py make_renditions`: every missing rendition made once, failures reported, Ctrl-C clean."""

import io
import signal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from media import renditions
from media.management.commands import make_renditions
from media.renditions import Renditions
from tests.factories import make_image, uploaded_image

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def images():
    # Big enough for two widths of most specs, small enough to encode quickly.
    return [make_image(file=uploaded_image(size=(960, 600))) for _ in range(2)]


def run(*args, stdout=None):
    stdout = stdout or io.StringIO()
    call_command("make_renditions", *args, stdout=stdout)
    return stdout.getvalue()


def stored_files(media_root):
    folder = Path(media_root) / renditions.RENDITIONS_DIR
    return {str(path.relative_to(media_root)) for path in folder.rglob("*") if path.is_file()}


def names(images, *spec_names):
    return {
        rendition.name
        for image in images
        for rendition in Renditions(image).all()
        if not spec_names or rendition.spec.name in spec_names
    }


def test_makes_every_missing_rendition_and_a_second_run_makes_none(images, media_root):
    expected = names(images)

    first = run()
    second = run()

    assert stored_files(media_root) == expected
    assert f"Made {len(expected)} renditions, 0 already present, 0 images failed" in first
    assert f"Made 0 renditions, {len(expected)} already present, 0 images failed" in second
    hero = images[0].renditions.get("hero", 800, "webp")
    with default_storage.open(hero.name) as file, PILImage.open(file) as picture:
        assert (picture.format, picture.size) == ("WEBP", (800, 450))


def test_dry_run_counts_what_is_missing_and_writes_nothing(images, media_root):
    run("--spec", "card")
    before = stored_files(media_root)

    output = run("--dry-run", "--spec", "card", "--spec", "thumb")

    assert stored_files(media_root) == before
    missing = len(names(images, "thumb"))
    assert (
        f"Dry run: {missing} renditions missing, {len(before)} already present, "
        "0 images failed; nothing was written." in output
    )


def test_spec_and_image_options_limit_the_work(images, media_root):
    first, second = images

    run("--spec", "card", "--spec", "thumb", "--image", str(first.pk))

    assert stored_files(media_root) == names([first], "card", "thumb")
    assert names([second], "card")  # The second image does offer cards; they were not made.


def test_an_image_whose_original_is_gone_is_reported_and_the_others_are_made(images, media_root):
    broken, good = images
    default_storage.delete(broken.file.name)

    output = run("--spec", "card")

    assert stored_files(media_root) == names([good], "card")
    assert "0 already present, 1 image failed" in output
    assert (
        f"  image {broken.pk}: its original file {broken.file.name} is missing from storage"
        in output
    )


def test_an_unreadable_original_is_reported(images, media_root):
    broken, good = images
    Path(default_storage.path(broken.file.name)).write_bytes(b"not a picture at all")

    output = run("--spec", "thumb")

    assert stored_files(media_root) == names([good], "thumb")
    assert f"image {broken.pk}: its original file {broken.file.name} is not a picture" in output


def test_the_command_fails_only_when_every_image_fails(images):
    for image in images:
        default_storage.delete(image.file.name)

    with pytest.raises(CommandError, match=r"Every image failed \(2\)"):
        run("--spec", "thumb")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--image", "999999"], "No image with id 999999."),
        (["--spec", "banner"], "invalid choice: 'banner'"),
    ],
)
def test_unknown_images_and_specs_are_refused(images, media_root, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not (Path(media_root) / renditions.RENDITIONS_DIR).exists()


def test_a_log_gets_plain_progress_lines_and_the_summary_last(images, monkeypatch):
    monkeypatch.setattr(make_renditions, "REPORT_SECONDS", 0)

    lines = run("--spec", "thumb").splitlines()

    assert lines[0] == "Making missing renditions of 2 images (thumb)."
    assert lines[-2].startswith("2/2 images, 2 made, ")
    assert lines[-2].endswith("/s, ETA 0:00")
    assert lines[-1].startswith("Made 2 renditions, 0 already present, 0 images failed, in 0:0")
    assert not any("\r" in line or "\x1b" in line for line in lines)


def test_a_terminal_gets_a_bar_redrawn_on_one_line(images, monkeypatch):
    monkeypatch.setattr(make_renditions, "REDRAW_SECONDS", 0)

    output = run("--spec", "thumb", stdout=Terminal())

    _, bars, summary, _ = output.split("\n")
    assert bars.count(make_renditions.CLEAR_LINE) >= 2
    final = bars.rsplit(make_renditions.CLEAR_LINE, 1)[-1]
    assert final.startswith(f"[{'#' * make_renditions.BAR_WIDTH}] 2/2 images, 2 made, ")
    assert summary.startswith("Made 2 renditions, 0 already present, 0 images failed")


def test_ctrl_c_stops_between_renditions_and_a_rerun_carries_on(images, media_root, monkeypatch):
    real_ensure = renditions.ensure
    handler = signal.getsignal(signal.SIGINT)

    def ensure_then_ctrl_c(image, rendition):
        made = real_ensure(image, rendition)
        signal.raise_signal(signal.SIGINT)
        return made

    monkeypatch.setattr(renditions, "ensure", ensure_then_ctrl_c)
    with pytest.raises(CommandError, match="Stopped by Ctrl-C after 0 of 2 images") as stopped:
        run("--spec", "card")
    monkeypatch.undo()

    assert stopped.value.returncode == 130
    assert len(stored_files(media_root)) == 1
    assert signal.getsignal(signal.SIGINT) is handler
    expected = names(images, "card")
    assert f"Made {len(expected) - 1} renditions, 1 already present" in run("--spec", "card")


def test_a_second_ctrl_c_stops_at_once_and_leaves_no_half_file(images, media_root, monkeypatch):
    def half_written_then_two_ctrl_cs(image, rendition):
        default_storage.save(rendition.name, ContentFile(b"half a file"))
        signal.raise_signal(signal.SIGINT)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(renditions, "ensure", half_written_then_two_ctrl_cs)
    with pytest.raises(CommandError, match="Stopped by Ctrl-C") as stopped:
        run("--spec", "card")

    assert stopped.value.returncode == 130
    assert stored_files(media_root) == set()
