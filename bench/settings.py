"""Metro's settings plus the benchmark's floor view (bench/urls.py); nothing else differs."""

from metro.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
