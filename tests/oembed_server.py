"""Fake oEmbed endpoints for the embed tests, on a real HTTP server on 127.0.0.1 (no internet).

`fake_oembed` (a fixture in tests/conftest.py) starts one, points every provider's
oEmbed at it (settings.EMBED_OEMBED_ENDPOINTS) and turns fetching on; a test
then says what each provider answers with `answer()`.
"""

import json

from core import embeds
from tests.factories import image_bytes
from tests.feed_server import FeedServer


class FakeOEmbed:
    def __init__(self, server):
        self.server = server

    def endpoint(self, provider):
        return self.server.url(f"/oembed/{provider}")

    def endpoints(self):
        """For the providers that have an oEmbed endpoint."""
        return {
            key: self.endpoint(key)
            for key, provider in embeds.PROVIDERS.items()
            if provider.oembed_endpoint
        }

    def answer(self, provider, data=None, *, status=200, body=None, content_type=None):
        """What `provider`'s oEmbed answers: `data` as JSON, or `body` as it is."""
        content = body if body is not None else json.dumps(data or {}).encode()
        self.server.routes[f"/oembed/{provider}"] = (
            status,
            {"Content-Type": content_type or "application/json"},
            content,
        )

    def picture(self, name, size=(1280, 720), fmt="JPEG", body=None, content_type="image/jpeg"):
        """A thumbnail at /thumbnails/<name>; returns its address."""
        content = body if body is not None else image_bytes(size=size, fmt=fmt)
        return self.server.add(f"/thumbnails/{name}", content, content_type=content_type)

    def asked(self, prefix="/"):
        """The paths requested so far that start with `prefix`."""
        return [path for path, _headers in self.server.requests if path.startswith(prefix)]


def fake_oembed_server(settings):
    """A started FeedServer as FakeOEmbed, with settings pointed at it (a generator)."""
    with FeedServer() as server:
        fake = FakeOEmbed(server)
        settings.EMBED_FETCH_METADATA = True
        settings.EMBED_OEMBED_ENDPOINTS = fake.endpoints()
        settings.EMBED_FETCH_TIMEOUT = 2
        yield fake
