"""Reading rendered pages in tests."""

import json
import re
from html.parser import HTMLParser

from django.utils.html import strip_tags

SCRIPTS = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)


def page_text(response):
    """The page as a reader reads it: no tags, no scripts, single spaces."""
    assert response.status_code == 200
    html = SCRIPTS.sub(" ", response.content.decode())
    return " ".join(strip_tags(html).split())


class _HeadReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}
        self.links = []
        self.json_ld = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs["content"])
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def read_head(response):
    """The page's <meta> tags ({name or property: [contents]}), <link>s and JSON-LD blocks."""
    reader = _HeadReader()
    reader.feed(response.content.decode())
    return reader


def structured_data(response):
    """Every schema.org node of the page's JSON-LD, parsed."""
    nodes = []
    for block in read_head(response).json_ld:
        data = json.loads(block)
        assert data["@context"] == "https://schema.org"
        nodes.extend(data["@graph"])
    return nodes


def node_of_type(response, schema_type):
    """The page's one JSON-LD node of `schema_type`."""
    found = [node for node in structured_data(response) if node["@type"] == schema_type]
    assert len(found) == 1, f"expected one {schema_type}, found {len(found)}"
    return found[0]


def admin_form_data(response):
    """What an admin change form (or recover form) posts as rendered: its fields and
    inline formsets, files left out (an empty file input keeps the stored file)."""
    from django import forms

    def values(form):
        data = {}
        for name, field in form.fields.items():
            value = form[name].value()
            if isinstance(field, forms.FileField) or value is None or value == []:
                continue
            data[form.add_prefix(name)] = value
        return data

    data = values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data |= {f"{management.prefix}-{k}": v for k, v in management.initial.items()}
        for form in inline.formset.forms:
            data |= values(form)
    return data
