"""Every page's section navigation comes from the cache, and is never stale."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Section
from tests.factories import make_section

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["local memory", "redis"])
def cache_kind(request):
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return request.param


def navigation(client):
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Sections"')[1].split("</nav>")[0]
    return re.findall(r">([^<>]+)</a>", nav)


def test_the_navigation_costs_no_query_once_read(client, cache_kind):
    make_section(name="Television")
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [query for query in queries if 'FROM "articles_section"' in query["sql"]]


@pytest.mark.parametrize("change", ["add", "rename", "reorder", "delete"])
def test_a_section_change_shows_in_the_navigation_at_once(client, commit, cache_kind, change):
    with commit():
        film = make_section(name="Film", order=1)
        television = make_section(name="Television", order=2)
    assert "Television" in navigation(client)

    with commit():
        if change == "add":
            make_section(name="Podcasts", order=3)
        elif change == "rename":
            film.name = "Cinema"
            film.save()
        elif change == "reorder":
            television.order = 0
            television.save()
        else:
            television.delete()

    shown = navigation(client)
    assert shown == [section.name for section in Section.objects.all()]
    expected = {
        "add": ["Film", "Television", "Podcasts"],
        "rename": ["Cinema", "Television"],
        "reorder": ["Television", "Film"],
        "delete": ["Film"],
    }[change]
    mine = {"Film", "Cinema", "Television", "Podcasts"}
    assert [name for name in shown if name in mine] == expected
