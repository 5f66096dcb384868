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
"""

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
from media.models import Image
from media.pictures import slot_picture

PULL_QUOTE_CLASS = "pull-quote"
MEDIA_IMAGE_CLASS = "media-image"
EMBED_CLASS = "embed"
# What the wrapper of a rendered embed card is called, in the body.
EMBED_FIGURE_CLASS = "story-embed"
EMBED_ATTRIBUTES = ("data-embed-provider", "data-embed-id")
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
    "Embed": {
        "describeUrl": reverse_lazy("admin:articles_article_embed"),
        "figureClass": EMBED_CLASS,
    },
    "History": True,
}


def _checked_attribute(tag, attribute, value):
    """nh3's check of the attributes that name something: a link's reference survives only
    as "article:<id>", "person:<id>" or "film:<id>"; an embed figure only with a provider
    we know and an id some provider could have. Whether the id is the provider's is
    checked once the figure is whole (_rebuild_embed_figures)."""
    if attribute == links.LINK_ATTRIBUTE:
        return links.clean_ref(value)
    if tag != "figure" or attribute not in EMBED_ATTRIBUTES:
        return value
    if attribute == "data-embed-provider":
        return value if value in embeds.PROVIDERS else None
    return value if any(p.is_valid(value) for p in embeds.PROVIDERS.values()) else None


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
        "figure": {"data-image-id", *EMBED_ATTRIBUTES},
    },
    allowed_classes={
        "blockquote": {PULL_QUOTE_CLASS},
        "figure": {MEDIA_IMAGE_CLASS, EMBED_CLASS},
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
    cleaned = _rebuild_embed_figures(_cleaner.clean(html)).strip()
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


def render_body(html, link_targets=None, embed_infos=None):
    """The sanitised body HTML `html`, each library figure rebuilt from the library, each
    link by reference sent to its target's current address and each embed as its static
    card.

    Figures whose image no longer exists are dropped; links whose target is gone
    or not live keep their words without the link. All images are fetched in one
    query, all link targets in another and the embeds' details in one more, however
    many the story has (pass `link_targets`, from links.load_targets(), and
    `embed_infos`, from media.embeds.infos, if they were read already).
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
    rendered = []
    for part in splitter.parts:
        if isinstance(part, _Image):
            rendered.append(_library_figure(images.get(part.value)))
        elif isinstance(part, _Embed):
            rendered.append(_embed_figure(part.value, embed_infos))
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


class _FigureSplitter(HTMLParser):
    """Splits HTML into markup kept verbatim and the figures rebuilt from what they name:
    an _Embed for each embed figure and, with `images`, an _Image for each library figure
    (else those are kept verbatim). A rebuilt figure's own content is dropped.
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
        if EMBED_CLASS in classes or any(name in attributes for name in EMBED_ATTRIBUTES):
            return _Embed(
                embeds.get(
                    attributes.get("data-embed-provider") or "",
                    attributes.get("data-embed-id") or "",
                )
            )
        if self.images and (image_id := attributes.get("data-image-id")) is not None:
            return _Image(_parse_image_id(image_id))
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


def _rebuild_embed_figures(html):
    """Each embed figure as the editor stores it, empty; those naming no real embed dropped."""
    splitter = _FigureSplitter(images=False)
    splitter.feed(html)
    splitter.close()
    return "".join(
        _stored_embed(part.value) if isinstance(part, _Embed) else part for part in splitter.parts
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
