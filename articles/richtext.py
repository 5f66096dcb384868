"""The story body: what the editor offers, the allow-list that keeps it safe, and its rendering.

The editor (django-prose-editor) and the sanitiser (nh3) are configured from
this one module, so what editors can make is exactly what survives saving.
Library images are stored as `<figure class="media-image" data-image-id="…">`
and rendered from the library on the way out, so a figure always carries the
image's current caption, credit and alt text. Links to our own stories, people
and films carry `data-link="article:12"` and get their target's current address
the same way (articles/links.py). Embedded content (a video, a post, a track:
core.embeds) is stored as an empty
`<figure class="embed" data-embed-provider="…" data-embed-id="…">`, kept only
when the registry knows the provider and the id is one it can have, and
rendered as a static card (media.embeds.card) whose player loads only when the
reader asks. Pasted provider markup (`<iframe>`, `<script>`) never survives.
Galleries are stored as an empty `<figure class="media-gallery" data-gallery-id="…">`
and rendered from the library: the gallery's pictures, in its order, with the
captions and credits it gives them, as a list of figures that
static/js/gallery.js makes a slideshow.
"""

import re
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urlsplit

import nh3
from django.urls import reverse_lazy
from django.utils.html import escape, format_html, format_html_join
from django_prose_editor.fields import ProseEditorField

from articles import links
from core import embeds
from media import embeds as embed_details
from media.galleries import load_galleries
from media.models import Image
from media.pictures import slot_picture

PULL_QUOTE_CLASS = "pull-quote"
MEDIA_IMAGE_CLASS = "media-image"
MEDIA_GALLERY_CLASS = "media-gallery"
EMBED_CLASS = "embed"
# What the wrapper of a rendered embed card is called, in the body.
EMBED_FIGURE_CLASS = "story-embed"
EMBED_ATTRIBUTES = ("data-embed-provider", "data-embed-id")
CREDIT_CLASS = "credit"
LINK_REL = "noopener noreferrer"

# Extensions of the admin's rich-text editor. PullQuote, MetroLink, MediaLibraryImage,
# Embed and MediaGallery are Metro's own (static/admin/metro/), registered in DJANGO_PROSE_EDITOR_EXTENSIONS.
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
    "Embed": {
        "describeUrl": reverse_lazy("admin:articles_article_embed"),
        "figureClass": EMBED_CLASS,
    },
    "MediaGallery": {
        "pickerUrl": reverse_lazy("admin:media_gallery_picker"),
        "figureClass": MEDIA_GALLERY_CLASS,
    },
    "History": True,
}


def _checked_attribute(tag, attribute, value):
    """nh3's check of a link's reference: it survives only as "article:<id>", "person:<id>"
    or "film:<id>". Embed figures are checked whole, provider and id together, once nh3
    is done (_rebuild_figures)."""
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
        "figure": {"data-image-id", "data-gallery-id", *EMBED_ATTRIBUTES},
    },
    allowed_classes={
        "blockquote": {PULL_QUOTE_CLASS},
        "figure": {MEDIA_IMAGE_CLASS, EMBED_CLASS, MEDIA_GALLERY_CLASS},
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
    cleaned = _rebuild_figures(_cleaner.clean(html)).strip()
    # The editor's idea of "empty" is one empty paragraph.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


def body_field():
    return ProseEditorField(
        config={"extensions": BODY_EXTENSIONS},
        sanitize=sanitize_body,
        blank=True,
        help_text="The story. Use the toolbar for headings, links, lists, quotes and pull quotes. "
        "To embed a video, post or track, paste its address alone on an empty line.",
    )


def render_body(html, link_targets=None, embed_infos=None, galleries=None):
    """The sanitised body HTML `html`, each library figure and gallery rebuilt from the
    library, each link by reference sent to its target's current address and each embed
    as its static card.

    Figures whose image no longer exists, and galleries that no longer exist or have
    no picture to show, are dropped; links whose target is gone or not live keep their
    words without the link. All images are fetched in one query, all galleries with
    their pictures in another, all link targets in another and the embeds' details in
    one more, however many the story has (pass `link_targets`, from
    links.load_targets(), `embed_infos`, from media.embeds.infos, and `galleries`,
    {id: gallery} from media.galleries.load_galleries, if they were read already).
    """
    if link_targets is None:
        link_targets = links.load_targets(links.refs_in(html))
    html = links.point_links(html, link_targets)
    splitter = _FigureSplitter(images=True)
    splitter.feed(html)
    splitter.close()
    image_ids = {part.value for part in splitter.parts if isinstance(part, _Image)}
    images = Image.objects.in_bulk(image_ids - {None}) if image_ids else {}
    found = [part.value for part in splitter.parts if isinstance(part, _Embed) and part.value]
    if embed_infos is None:
        embed_infos = embed_details.infos(found)
    if galleries is None:
        placed = {p.value for p in splitter.parts if isinstance(p, _Gallery) and p.value}
        galleries = load_galleries(placed)
    rendered = []
    shown_galleries = 0
    for part in splitter.parts:
        if isinstance(part, _Image):
            rendered.append(_library_figure(images.get(part.value)))
        elif isinstance(part, _Embed):
            rendered.append(_embed_figure(part.value, embed_infos))
        elif isinstance(part, _Gallery):
            dom_id = f"gallery-{shown_galleries + 1}"
            if markup := gallery_html(galleries.get(part.value), dom_id=dom_id):
                shown_galleries += 1
                rendered.append(markup)
        else:
            rendered.append(part)
    return "".join(rendered)


def body_embeds(html):
    """The embeds in a stored body, in order (a repeated one each time)."""
    splitter = _FigureSplitter(images=False)
    splitter.feed(html or "")
    splitter.close()
    return [part.value for part in splitter.parts if isinstance(part, _Embed) and part.value]


class _Image(NamedTuple):
    value: int | None  # The image's id; None when it is not a number.


class _Embed(NamedTuple):
    value: embeds.Embed | None  # None for a provider or id the registry refuses.


class _Gallery(NamedTuple):
    value: int | None  # The gallery's id; None when it is not a number.


def gallery_ids(html):
    """The ids of the galleries a stored (sanitised) body shows, in their order, each once;
    read without parsing the body."""
    return list(dict.fromkeys(int(found) for found in _GALLERY_ID.findall(html or "")))


_GALLERY_ID = re.compile(r'<figure\b[^>]*\sdata-gallery-id="(\d{1,18})"')


class _FigureSplitter(HTMLParser):
    """Splits HTML into markup kept verbatim and the figures rebuilt from what they name:
    a _Gallery for each gallery figure, an _Embed for each embed figure and, with
    `images`, an _Image for each library figure (else those are kept verbatim). A
    rebuilt figure's own content is dropped.
    """

    def __init__(self, *, images):
        super().__init__(convert_charrefs=False)
        self.images = images
        self.parts = []
        self._figure_depth = 0  # Above zero inside a figure being replaced.

    def handle_starttag(self, tag, attrs):
        if tag == "figure" and self._figure_depth:
            self._figure_depth += 1
        elif tag == "figure" and (replacement := self._replacement(dict(attrs))):
            self._figure_depth = 1
            self.parts.append(replacement)
        else:
            self._keep(self.get_starttag_text())

    def _replacement(self, attributes):
        classes = (attributes.get("class") or "").split()
        if MEDIA_GALLERY_CLASS in classes or "data-gallery-id" in attributes:
            return _Gallery(_parse_id(attributes.get("data-gallery-id") or ""))
        if EMBED_CLASS in classes or any(name in attributes for name in EMBED_ATTRIBUTES):
            return _Embed(
                embeds.get(
                    attributes.get("data-embed-provider") or "",
                    attributes.get("data-embed-id") or "",
                )
            )
        if self.images and (image_id := attributes.get("data-image-id")) is not None:
            return _Image(_parse_id(image_id))
        return None

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


def _rebuild_figures(html):
    """Each embed and gallery figure as the editor stores it, empty; those naming no real
    embed, or no gallery id, dropped."""
    splitter = _FigureSplitter(images=False)
    splitter.feed(html)
    splitter.close()
    return "".join(
        _stored_embed(part.value)
        if isinstance(part, _Embed)
        else gallery_figure(part.value)
        if isinstance(part, _Gallery)
        else part
        for part in splitter.parts
    )


def gallery_figure(gallery_id):
    """A gallery as the body stores it; "" for no id."""
    if not gallery_id:
        return ""
    return format_html(
        '<figure class="{}" data-gallery-id="{}"></figure>', MEDIA_GALLERY_CLASS, gallery_id
    )


def _stored_embed(embed):
    if embed is None:
        return ""
    return format_html(
        '<figure class="{}" data-embed-provider="{}" data-embed-id="{}"></figure>',
        EMBED_CLASS,
        embed.provider.key,
        embed.id,
    )


def _embed_figure(embed, embed_infos):
    if embed is None:
        return ""
    return format_html(
        '<figure class="{}">{}</figure>',
        EMBED_FIGURE_CLASS,
        embed_details.card(embed, embed_infos.get(embed.key)),
    )


def _parse_id(value):
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
        _figcaption(image.caption, image.credit, image.credit_url),
    )


def gallery_html(gallery, *, dom_id, slot="story-body", lead=False):
    """A gallery for readers: its title, then a list of figures, each picture with its
    caption and credit; "" for no gallery, or one with no picture to show.

    static/js/gallery.js makes the list a slideshow. `dom_id` must be unique on the
    page; `slot` is the media.pictures slot the pictures fill; the first picture of
    a `lead` gallery, above the fold, loads at once, every other one lazily.
    """
    items = gallery.shown_items() if gallery is not None else []
    if not items:
        return ""
    count = len(items)
    slides = format_html_join(
        "",
        '<li class="gallery__slide"><figure class="gallery__figure">{}{}</figure></li>',
        (
            (
                slot_picture(item.image, slot, priority=lead and position == 0),
                _figcaption(item.shown_caption, item.shown_credit, item.credit_url),
            )
            for position, item in enumerate(items)
        ),
    )
    return format_html(
        '<section class="gallery{}" id="{}" aria-labelledby="{}-title" data-gallery="{}">'
        '<p class="gallery__title" id="{}-title">{} <span class="gallery__count">{}</span></p>'
        '<ol class="gallery__slides">{}</ol></section>',
        " gallery--lead" if lead else "",
        dom_id,
        dom_id,
        gallery.pk,
        dom_id,
        gallery.title,
        f"{count} picture{'' if count == 1 else 's'}",
        slides,
    )


def _figcaption(caption, credit, credit_url=""):
    parts = []
    if caption := caption.strip():
        parts.append(escape(caption))
    if credit := credit.strip():
        parts.append(
            format_html('<span class="{}">{}</span>', CREDIT_CLASS, _credit(credit, credit_url))
        )
    if not parts:
        return ""
    joined = format_html_join(" ", "{}", ((part,) for part in parts))
    return format_html("<figcaption>{}</figcaption>", joined)


def _credit(credit, url):
    """The credit, linked when the library gives a web address for it."""
    url = url.strip()
    if url and urlsplit(url).scheme in {"http", "https"}:
        return format_html('<a href="{}" rel="{}">{}</a>', url, LINK_REL, credit)
    return credit
