"""The story body: what the editor offers, the allow-list that keeps it safe, and its rendering.

The editor (django-prose-editor) and the sanitiser (nh3) are configured from
this one module, so what editors can make is exactly what survives saving.
Library images are stored as `<figure class="media-image" data-image-id="…">`
and rendered from the library on the way out, so a figure always carries the
image's current caption, credit and alt text. Links to our own stories, people
and films carry `data-link="article:12"` and get their target's current address
the same way (articles/links.py).
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.urls import reverse_lazy
from django.utils.html import escape, format_html, format_html_join
from django_prose_editor.fields import ProseEditorField

from articles import links
from media.models import Image
from media.pictures import slot_picture

PULL_QUOTE_CLASS = "pull-quote"
MEDIA_IMAGE_CLASS = "media-image"
CREDIT_CLASS = "credit"
LINK_REL = "noopener noreferrer"

# Extensions of the admin's rich-text editor. PullQuote, MetroLink and MediaLibraryImage
# are Metro's own (static/admin/metro/), registered in DJANGO_PROSE_EDITOR_EXTENSIONS.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "PullQuote": {"className": PULL_QUOTE_CLASS},
    "HorizontalRule": True,
    "HardBreak": True,
    # django-prose-editor's Link, whose dialog also finds stories, people and films.
    "MetroLink": {
        "enableTarget": False,
        "protocols": ["http", "https", "mailto"],
        "targetsUrl": reverse_lazy("admin:articles_article_link_targets"),
    },
    "MediaLibraryImage": {
        "pickerUrl": reverse_lazy("admin:media_image_picker"),
        "figureClass": MEDIA_IMAGE_CLASS,
        "creditClass": CREDIT_CLASS,
    },
    "History": True,
}


def _checked_attribute(element, attribute, value):
    """A link's reference survives only as "article:<id>", "person:<id>" or "film:<id>"."""
    if attribute == links.LINK_ATTRIBUTE:
        return links.clean_ref(value)
    return value


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
        "a": {"href", "title", links.LINK_ATTRIBUTE},
        "ol": {"start"},
        "img": {"src", "alt", "width", "height"},
        "figure": {"data-image-id"},
    },
    allowed_classes={
        "blockquote": {PULL_QUOTE_CLASS},
        "figure": {MEDIA_IMAGE_CLASS},
        "span": {CREDIT_CLASS},
    },
    url_schemes={"http", "https", "mailto"},
    link_rel=LINK_REL,
    strip_comments=True,
    attribute_filter=_checked_attribute,
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


def render_body(html, link_targets=None):
    """The sanitised body HTML `html`, each library figure rebuilt from the library and each
    link by reference sent to its target's current address.

    Figures whose image no longer exists are dropped; links whose target is gone
    or not live keep their words without the link. All images are fetched in one
    query, and all link targets in another, however many the story has (pass
    `link_targets`, from links.load_targets(), if they were read already).
    """
    if link_targets is None:
        link_targets = links.load_targets(links.refs_in(html))
    html = links.point_links(html, link_targets)
    splitter = _LibraryFigureSplitter()
    splitter.feed(html)
    splitter.close()
    image_ids = {part for part in splitter.parts if isinstance(part, int)}
    images = Image.objects.in_bulk(image_ids) if image_ids else {}
    return "".join(
        part if isinstance(part, str) else _library_figure(images.get(part))
        for part in splitter.parts
    )


class _LibraryFigureSplitter(HTMLParser):
    """Splits HTML into markup kept verbatim and the image ids of library figures.

    `parts` holds markup strings and, where a library figure stood, its image
    id (None when the id is not a number).
    """

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts = []
        self._figure_depth = 0  # Above zero inside a library figure being replaced.

    def handle_starttag(self, tag, attrs):
        if tag == "figure" and self._figure_depth:
            self._figure_depth += 1
        elif tag == "figure" and (image_id := dict(attrs).get("data-image-id")) is not None:
            self._figure_depth = 1
            self.parts.append(_parse_image_id(image_id))
        else:
            self._keep(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self._keep(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "figure" and self._figure_depth:
            self._figure_depth -= 1
        else:
            self._keep(f"</{tag}>")

    def handle_data(self, data):
        self._keep(data)

    def handle_entityref(self, name):
        self._keep(f"&{name};")

    def handle_charref(self, name):
        self._keep(f"&#{name};")

    def _keep(self, markup):
        if not self._figure_depth:
            self.parts.append(markup)


def _parse_image_id(value):
    value = value.strip()
    # Longer numbers cannot be ids, and the database would refuse to look them up.
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def _library_figure(image):
    if image is None or not image.file or not image.width:
        return ""
    return format_html(
        '<figure class="{}" data-image-id="{}">{}{}</figure>',
        MEDIA_IMAGE_CLASS,
        image.pk,
        slot_picture(image, "story-body"),
        _figcaption(image),
    )


def _figcaption(image):
    parts = []
    if caption := image.caption.strip():
        parts.append(escape(caption))
    if credit := image.credit.strip():
        parts.append(
            format_html('<span class="{}">{}</span>', CREDIT_CLASS, _credit(credit, image))
        )
    if not parts:
        return ""
    joined = format_html_join(" ", "{}", ((part,) for part in parts))
    return format_html("<figcaption>{}</figcaption>", joined)


def _credit(credit, image):
    """The credit, linked when the library gives a web address for it."""
    url = image.credit_url.strip()
    if url and urlsplit(url).scheme in {"http", "https"}:
        return format_html('<a href="{}" rel="{}">{}</a>', url, LINK_REL, credit)
    return credit
