"""Reading rendered pages in tests."""

from django.utils.html import strip_tags


def page_text(response):
    """The page as a reader reads it: no tags, single spaces."""
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())
