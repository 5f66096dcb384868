"""The default storage never shows a half-written file."""

import os

import pytest
from django.core.files.base import ContentFile, File

from core.storage import AtomicFileSystemStorage


class BrokenContent(File):
    """Content whose second chunk fails, like a full disk or a killed process."""

    def __init__(self):
        super().__init__(None, name="broken.bin")

    def chunks(self, chunk_size=None):
        yield b"first half"
        raise OSError("disk full")


def test_a_saved_file_is_complete_and_no_temporary_file_remains(tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path)
    name = storage.save("renditions/1/abc/card-400.webp", ContentFile(b"x" * 200_000))
    assert name == "renditions/1/abc/card-400.webp"
    assert storage.size(name) == 200_000
    assert os.listdir(tmp_path / "renditions/1/abc") == ["card-400.webp"]


def test_an_existing_name_is_never_overwritten(tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path)
    first = storage.save("a/photo.jpg", ContentFile(b"first"))
    second = storage.save("a/photo.jpg", ContentFile(b"second"))
    assert first != second
    assert storage.open(first).read() == b"first"
    assert storage.open(second).read() == b"second"


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path)
    with pytest.raises(OSError, match="disk full"):
        storage.save("a/broken.bin", BrokenContent())
    assert not storage.exists("a/broken.bin")
    assert os.listdir(tmp_path / "a") == []
