"""File storage whose files appear whole or not at all."""

import os
import tempfile

from django.core.files.storage import FileSystemStorage


class AtomicFileSystemStorage(FileSystemStorage):
    """FileSystemStorage that writes to a temporary file and links it into place.

    Django's own storage writes chunk by chunk under the final name, so a crash,
    a kill or a full disk can leave a truncated file that later looks complete,
    and a reader can see a file that is still being written. Here the final name
    appears only once every byte is on disk, and never replaces an existing file.
    """

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, mode=self.directory_permissions_mode or 0o777, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as partial:
                for chunk in content.chunks():
                    partial.write(chunk)
                partial.flush()
                os.fsync(partial.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(temporary, self.file_permissions_mode)
            while True:
                try:
                    os.link(temporary, full_path)  # Fails, atomically, if the name is taken.
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            os.unlink(temporary)
        return str(name).replace("\\", "/")
