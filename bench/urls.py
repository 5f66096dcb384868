"""Metro's URLs plus `_bench/floor/`, the Django floor: the saved article page from memory,
and `_bench/ceiling/<section>/<slug>/`, the uncached story page's ceiling (bench/ceiling.py).

The floor goes through the same middleware as every page, so the difference
between it and a real page is what the page's own view, queries and template cost.
"""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from bench.ceiling import ceiling
from metro.urls import handler500  # noqa: F401
from metro.urls import urlpatterns as metro_urlpatterns


@cache
def floor_page():
    return Path(os.environ["BENCH_FLOOR_FILE"]).read_bytes()


def floor(request):
    return HttpResponse(floor_page(), content_type="text/html; charset=utf-8")


def story_ceiling(request, section, slug):
    return ceiling(request, section, slug, floor_page())


# First: the article pattern would otherwise take these paths.
urlpatterns = [
    path("_bench/floor/", floor, name="bench-floor"),
    path("_bench/ceiling/<slug:section>/<slug:slug>/", story_ceiling, name="bench-ceiling"),
    *metro_urlpatterns,
]
