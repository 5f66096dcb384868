"""The story body: what the editor offers, and the allow-list that keeps it safe.

The editor (django-prose-editor) and the sanitiser (nh3) are configured from
this one module, so what editors can make is exactly what survives saving.
"""

import nh3
from django_prose_editor.fields import ProseEditorField

PULL_QUOTE_CLASS = "pull-quote"

# Extensions of the admin's rich-text editor.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # Turns a block quote into a pull quote through the editor's class menu.
    "NodeClass": {
        "cssClasses": {"blockquote": [{"className": PULL_QUOTE_CLASS, "title": "Pull quote"}]}
    },
    "History": True,
}

_cleaner = nh3.Cleaner(
    tags={
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "strong",
        "em",
        "s",
        "a",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
        "figure",
        "img",
        "figcaption",
        "span",
    },
    clean_content_tags={"script", "style"},
    attributes={
        "a": {"href", "title"},
        "ol": {"start"},
        "img": {"src", "alt", "width", "height"},
        "figure": {"data-image-id"},
    },
    allowed_classes={
        "blockquote": {PULL_QUOTE_CLASS},
        "figure": {"media-image"},
        "span": {"credit"},
    },
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_body(html):
    """Keep only the allow-listed markup of a story body."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    # The editor's idea of "empty" is one empty paragraph.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


def body_field():
    return ProseEditorField(
        config={"extensions": BODY_EXTENSIONS},
        sanitize=sanitize_body,
        blank=True,
        help_text="The story. Use the toolbar for headings, links, lists, quotes and pull quotes.",
    )
