"""Links by reference: body links that name a story, a person or a film.

The editor's link dialog (static/admin/metro/story-link.js) stores a link found
by search as `<a href="…" data-link="article:12">` (or `person:7`, `film:3`).
Its href is only the address the target had when the link was made: the page
rewrites it from the target's current address (`get_absolute_url()`), so the
link survives a slug or section change. A link to a story that is not live, or
to a target that no longer exists, shows its words without the link.

All targets of a body are read with one query however many links it has
(`load_targets`), and none at all for a body without such links.
"""

import re
from datetime import datetime
from html import escape
from html.parser import HTMLParser
from typing import NamedTuple

from django.db.models import CharField, DateTimeField, F, IntegerField, Value
from django.utils import timezone

from core.seo.conditional import newest
from films.models import Film
from people.models import Person

LINK_ATTRIBUTE = "data-link"
KINDS = ("article", "person", "film")
# An id is a positive number short enough for the database to look up.
_REF = re.compile(r"(article|person|film):([1-9][0-9]{0,17})")
# How the sanitiser writes the attribute (double quotes, value already checked).
_STORED_REF = re.compile(rf'{LINK_ATTRIBUTE}="({_REF.pattern})"')


class Ref(NamedTuple):
    kind: str
    id: int

    def __str__(self):
        return f"{self.kind}:{self.id}"


class Target(NamedTuple):
    """What a link by reference needs of its target: its address and when it last changed."""

    url: str
    changed_at: datetime | None


def parse_ref(value):
    """The Ref that `value` ("article:12") names, or None if it names nothing a link may point at."""
    match = _REF.fullmatch(value or "")
    return Ref(match[1], int(match[2])) if match else None


def clean_ref(value):
    """`value` if it is a valid reference, else None: the sanitiser's filter for data-link."""
    ref = parse_ref(value)
    return str(ref) if ref else None


def refs_in(html):
    """The references of the links in sanitised body `html`."""
    return {Ref(kind, int(pk)) for _, kind, pk in _STORED_REF.findall(html or "")}


def load_targets(refs):
    """{Ref: Target} for the `refs` readers may follow: live stories, existing people and films.

    One query (a UNION of the kinds linked to), or none without references.
    """
    from articles.models import Article, Section  # articles.models renders bodies with this module

    ids = {kind: sorted({ref.id for ref in refs if ref.kind == kind}) for kind in KINDS}
    no_text = Value(None, output_field=CharField())
    no_number = Value(None, output_field=IntegerField())
    no_time = Value(None, output_field=DateTimeField())
    parts = []
    if ids["article"]:
        parts.append(
            Article.objects.live()
            .filter(pk__in=ids["article"])
            .annotate(
                _kind=Value("article"),
                _id=F("pk"),
                _slug=F("slug"),
                _section_id=F("section_id"),
                _section_slug=F("section__slug"),
                _changed=F("updated_at"),
                _published=F("publish_at"),
            )
        )
    for kind, model in (("person", Person), ("film", Film)):
        if ids[kind]:
            parts.append(
                model.objects.filter(pk__in=ids[kind]).annotate(
                    _kind=Value(kind),
                    _id=F("pk"),
                    _slug=F("slug"),
                    _section_id=no_number,
                    _section_slug=no_text,
                    _changed=F("updated_at"),
                    _published=no_time,
                )
            )
    if not parts:
        return {}
    columns = ["_kind", "_id", "_slug", "_section_id", "_section_slug", "_changed", "_published"]
    rows = [part.order_by().values_list(*columns) for part in parts]
    query = (rows[0].union(*rows[1:], all=True) if len(rows) > 1 else rows[0]).order_by()

    targets = {}
    for kind, pk, slug, section_id, section_slug, changed, published in query:
        if kind == "article":
            target = Article(pk=pk, slug=slug, section=Section(pk=section_id, slug=section_slug))
        else:
            target = (Person if kind == "person" else Film)(pk=pk, slug=slug)
        targets[Ref(kind, pk)] = Target(target.get_absolute_url(), newest(changed, published))
    return targets


def targets_changed_at(targets):
    """When the targets last changed (None without targets): part of a page's Last-Modified."""
    return newest(*(target.changed_at for target in targets.values()))


def point_links(html, targets):
    """`html` with each link by reference sent to its target's current address, or unwrapped
    (its words kept) when `targets` lacks it. Other links and markup are kept as they are."""

    def change(ref, attrs):
        target = targets.get(ref)
        return None if target is None else _with(attrs, {"href": target.url})

    return rewrite_links(html, change)


def repoint(old, new, url):
    """Point every story's links to Ref `old` at Ref `new`, whose address is `url`.

    A code save: the stories keep their version and their revision time (a
    merge is not news), and their pages follow at the next render.
    """
    from articles.models import Article

    def change(ref, attrs):
        return _with(attrs, {"href": url, LINK_ATTRIBUTE: str(new)}) if ref == old else attrs

    linking = Article.objects.filter(body__contains=f'{LINK_ATTRIBUTE}="{old}"')
    for pk, body in linking.values_list("pk", "body"):
        Article.objects.filter(pk=pk).update(
            body=rewrite_links(body, change), updated_at=timezone.now()
        )


def repoint_merged_person(kept, duplicate):
    """people.merging's hook: links to a merged duplicate now go to the person kept."""
    repoint(Ref("person", duplicate.pk), Ref("person", kept.pk), kept.get_absolute_url())


def rewrite_links(html, change):
    """`html` with the start tag of each link by reference rebuilt from `change(ref, attrs)`.

    `change` returns the link's attributes as [(name, value)], or None to drop the
    link and keep its contents. Everything else is copied as it is.
    """
    if LINK_ATTRIBUTE not in (html or ""):
        return html
    rewriter = _LinkRewriter(change)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.parts)


def _with(attrs, replaced):
    """`attrs` with the values of `replaced`, in their places (or added at the end)."""
    missing = dict(replaced)
    return [(name, missing.pop(name, value)) for name, value in attrs] + list(missing.items())


class _LinkRewriter(HTMLParser):
    def __init__(self, change):
        super().__init__(convert_charrefs=False)
        self.change = change
        self.parts = []
        self._open_links = []  # For each open <a>: whether its end tag is kept.

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            self.parts.append(self.get_starttag_text())
            return
        ref = parse_ref(dict(attrs).get(LINK_ATTRIBUTE))
        if ref is None:
            self._open_links.append(True)
            self.parts.append(self.get_starttag_text())
            return
        changed = self.change(ref, attrs)
        self._open_links.append(changed is not None)
        if changed is not None:
            self.parts.append(_start_tag(tag, changed))

    def handle_startendtag(self, tag, attrs):
        self.parts.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "a" and self._open_links and not self._open_links.pop():
            return
        self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        self.parts.append(data)

    def handle_entityref(self, name):
        self.parts.append(f"&{name};")

    def handle_charref(self, name):
        self.parts.append(f"&#{name};")


def _start_tag(tag, attrs):
    written = "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in attrs
    )
    return f"<{tag}{written}>"
