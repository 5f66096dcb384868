"""Metro's settings for timing the admin in process: static files by plain name, no manifest.

collectstatic is not needed for that, and the manifest lookup is not what is measured.
"""

from metro.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One line per request would bury the table.
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
