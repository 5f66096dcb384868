"""Every tag has a working, readable, stable address, whatever letters its name has."""

import importlib
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest
from django.apps import apps
from django.urls import reverse
from taggit.models import Tag

from core.tags import tag_slug
from media.models import Image, Keyword
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

NAMES = ["Beyoncé", "Amélie", "Pokémon", "東京", "C++", ">", "Москва", "🎬", "Law & Order"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Beyoncé", "beyonce"),
        ("Beyonce\u0301", "beyonce"),  # The accent typed as a combining mark.
        ("Amélie", "amelie"),
        ("Pokémon", "pokemon"),
        ("Straße", "strasse"),
        ("東京", "東京"),
        ("がんばれ", "がんばれ"),  # Japanese voiced kana keep their marks.
        ("Москва", "москва"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("#MeToo", "metoo"),
        ("Disney+", "disney-plus"),
        ("Law & Order", "law-and-order"),
        (">", "greater-than-sign"),
        ("🎬", "clapper-board"),
        ("!!!", "exclamation-mark"),
    ],
)
def test_a_tag_slug_is_readable(name, slug):
    assert tag_slug(name) == slug


def test_a_long_name_leaves_room_to_keep_slugs_unique():
    name = "word " * 20
    assert len(tag_slug(name)) <= 94
    assert tag_slug(name).endswith("word")
    assert len(tag_slug("x" * 100, 9999)) <= 100


@pytest.mark.parametrize("name", NAMES)
def test_a_story_tagged_with_any_name_shows_and_links_to_its_tag_page(client, editor, name):
    story = make_article(live=True, headline="The premiere")
    story.tags.add(name)
    draft = make_article(headline="Coming soon")
    draft.tags.add(name)
    tag = Tag.objects.get(name=name)

    page = client.get(story.get_absolute_url())
    assert page.status_code == 200
    address = reverse("articles:tag", args=[tag.slug])
    assert f'href="{address}"' in page.content.decode()
    tag_page = client.get(address)
    assert tag_page.status_code == 200
    assert "The premiere" in tag_page.content.decode()
    assert client.get(reverse("articles:tag_feed", args=[tag.slug, "rss"])).status_code == 200

    client.force_login(editor)
    assert client.get(draft.get_preview_url()).status_code == 200


def test_the_tags_sitemap_lists_every_tag_at_its_address(client):
    story = make_article(live=True)
    story.tags.add(*NAMES)
    response = client.get("/sitemap-tags.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    paths = {urlsplit(loc.text).path for loc in root.findall(".//{*}loc")}
    assert {reverse("articles:tag", args=[tag.slug]) for tag in Tag.objects.all()} == paths
    for path in paths:
        assert path.isascii()  # IRIs travel %-encoded.
        assert client.get(unquote(path)).status_code == 200


def test_slugs_stay_unique():
    story = make_article()
    story.tags.add("Beyonce", "Beyoncé", "<", ">", "C++")
    assert sorted(Tag.objects.values_list("slug", flat=True)) == [
        "beyonce",
        "beyonce-2",
        "c-plus-plus",
        "greater-than-sign",
        "less-than-sign",
    ]


def test_a_slug_does_not_change_with_the_name():
    story = make_article(live=True)
    story.tags.add("Beyonce")
    tag = Tag.objects.get()
    tag.name = "Beyoncé"
    tag.save()
    tag.refresh_from_db()
    assert tag.slug == "beyonce"


def test_image_keywords_get_slugs_by_the_same_rule():
    image = make_image()
    image.tags.add("東京", ">", "Amélie")
    assert set(Keyword.objects.values_list("slug", flat=True)) == {
        "東京",
        "greater-than-sign",
        "amelie",
    }
    assert Image.objects.filter(tags__slug="amelie").get() == image


@pytest.mark.parametrize(
    ("migration", "model"),
    [
        ("articles.migrations.0010_tag_addresses", Tag),
        ("media.migrations.0005_keyword_slugs", Keyword),
    ],
)
def test_the_migration_repairs_slugs_that_made_no_address(migration, model):
    """Tags saved before: taggit's slugs (empty, or Unicode the URL refused) are remade;
    ASCII ones worked and keep their address, even when the new rule would differ."""
    model.objects.bulk_create(
        [
            model(name="C++", slug="c"),
            model(name="Beyoncé", slug="beyoncé"),
            model(name=">", slug=""),
            model(name="東京", slug="東京"),
            model(name="Beyonce", slug="beyonce"),
        ]
    )
    importlib.import_module(migration).repair_slugs(apps, None)
    assert dict(model.objects.values_list("name", "slug")) == {
        "C++": "c",
        "Beyoncé": "beyonce-2",
        ">": "greater-than-sign",
        "東京": "東京",
        "Beyonce": "beyonce",
    }
