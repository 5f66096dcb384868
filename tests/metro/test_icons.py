"""The site's icons: /favicon.ico and friends are served, and every page links them."""

import io
import json
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests.factories import make_article
from tests.pages import read_head

pytestmark = pytest.mark.django_db


def fresh_client():
    """A client whose handler (and so whitenoise) starts with the settings in force now."""
    return Client()


def icon_links(html):
    """The page's icon and manifest links, as {rel: [href, ...]}."""
    found = {}
    for link in read_head(SimpleNamespace(content=html.encode())).links:
        if link.get("rel") in {"icon", "apple-touch-icon", "manifest"}:
            found.setdefault(link["rel"], []).append(link["href"])
    return found


def assert_links_icons(html):
    links = icon_links(html)
    assert "/favicon.ico" in links["icon"]
    assert any(href.endswith(".svg") for href in links["icon"])
    assert links["apple-touch-icon"] == ["/apple-touch-icon.png"]
    assert links["manifest"] == [reverse("web-manifest")]


@pytest.mark.parametrize("debug", [False, True])
def test_favicon_and_apple_touch_icon_are_served_at_the_root(settings, debug):
    settings.DEBUG = debug
    client = fresh_client()

    favicon = client.get("/favicon.ico")
    touch = client.get("/apple-touch-icon.png")

    assert favicon.status_code == 200
    assert favicon["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    ico = Image.open(io.BytesIO(b"".join(favicon.streaming_content)))
    assert ico.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= ico.info["sizes"]
    assert touch.status_code == 200
    png = Image.open(io.BytesIO(b"".join(touch.streaming_content)))
    assert (png.format, png.size, png.mode) == ("PNG", (180, 180), "RGB")  # iOS wants no alpha


def test_the_web_manifest_names_the_site_and_its_icons(settings):
    settings.SITE_NAME = "Métro Tōkyō"
    settings.WHITENOISE_USE_FINDERS = True  # static files as in development, uncollected
    client = fresh_client()

    response = client.get(reverse("web-manifest"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Métro Tōkyō"
    assert manifest["start_url"] == "/"
    sizes = {icon["sizes"]: icon for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= set(sizes)
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        served = client.get(icon["src"])
        assert served.status_code == 200, icon["src"]
        if icon["type"] == "image/png":
            picture = Image.open(io.BytesIO(b"".join(served.streaming_content)))
            assert f"{picture.width}x{picture.height}" == icon["sizes"]


def test_public_pages_and_error_pages_link_the_icons(client):
    story = make_article(live=True)
    for url in ["/", story.get_absolute_url(), story.section.get_absolute_url(), "/nope/nope/"]:
        assert_links_icons(client.get(url).content.decode())
    assert_links_icons(render_to_string("500.html"))
    assert_links_icons(render_to_string("503.html"))


def test_admin_pages_link_the_icons(editor_client):
    assert_links_icons(fresh_client().get(reverse("admin:login")).content.decode())
    for url in [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert_links_icons(response.content.decode())
