"""Whatever a reader, a crawler or an attacker sends, public pages never answer 500.

Property-based tests (Hypothesis) throw arbitrary paths, slugs, query strings,
page numbers, search terms and headers at every public route of a small
newsroom. The answer must always be 200, 301/302, 304, 400 or 404 (412 too,
but only for requests carrying If-Match or If-Unmodified-Since), with no
exception raised and no error logged on the way.

Requests go through the whole stack (middleware, URL resolver, views,
templates) as a WSGI server hands them over: PATH_INFO is the request
target's %-decoded bytes read as latin-1 (so any byte, valid UTF-8 or not),
QUERY_STRING the query as sent, header values latin-1 text without the CR,
LF and NUL that servers refuse.

Examples are derandomized, so CI runs the same cases every time. To search
harder locally: METRO_FUZZ_SCALE=20 runs twenty times as many examples, and
METRO_FUZZ_RANDOM=1 draws new ones on each run.
"""

import logging
import os
import traceback
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from types import SimpleNamespace
from urllib.parse import quote, quote_from_bytes, unquote_to_bytes, urlencode

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.http.request import split_domain_port, validate_host
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import (
    make_article,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_platform,
    make_section,
    uploaded_image,
)

pytestmark = pytest.mark.django_db

SCALE = float(os.environ.get("METRO_FUZZ_SCALE", "1"))
ADMIN_URL = getattr(django_settings, "ADMIN_URL", "admin/")


def fuzz(max_examples):
    return hypothesis_settings(
        max_examples=max(1, round(max_examples * SCALE)),
        deadline=None,
        derandomize=not os.environ.get("METRO_FUZZ_RANDOM"),
        database=None,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


ANSWERS = {200, 301, 302, 304, 400, 404}
# If-Match and If-Unmodified-Since are preconditions; a page failing them answers 412.
PRECONDITIONS = {"If-Match", "If-Unmodified-Since"}


# ---------------------------------------------------------------------------
# The newsroom: fixed addresses, so strategies can name them.

LIVE_STORY = "big-premiere"
FORMER_SLUG = "old-premiere"
SECTIONS = ["film", "tv"]
TAGS = ["netflix", "thrillers", "embargoed", "beyonce", "東京", "c-plus-plus", "greater-than-sign"]
# Tags as an entertainment desk types them; each gets an address (core.tags).
UNICODE_TAGS = ["Beyoncé", "Amélie", "Pokémon", "東京", "C++", ">"]
PEOPLE = ["jane-writer", "sam-star", "nobody-yet"]
FILMS = ["the-film", "untitled"]
SITEMAP_SECTIONS = ["articles", "sections", "tags", "people", "films"]
SPEC_NAMES = ["hero", "card", "portrait", "poster", "body", "thumb", "og", "square", "standard"]
KNOWN_WORDS = [LIVE_STORY, FORMER_SLUG, "secret-draft", *SECTIONS, *TAGS, *PEOPLE, *FILMS]
KNOWN_WORDS += ["story-1", "story-20", "rss", "atom", *SITEMAP_SECTIONS]


@pytest.fixture
def newsroom(db):
    """A section with a live story (tags, byline, people, film, hero picture) and 21 more, a
    story whose slug changed, an empty section, a draft, a tag only the draft carries."""
    now = timezone.now()
    film_section = make_section(name="Film", slug="film", order=1)
    make_section(name="TV", slug="tv", order=2, description="Series & streaming.")
    writer = make_person(name="Jane Writer", slug="jane-writer", bio="Writes.\n\nAbout films.")
    star = make_person(
        name="Sam Star", slug="sam-star", portrait=make_image(file=uploaded_image(size=(60, 80)))
    )
    writer.links.create(label="Bluesky", url="https://bsky.app/profile/jane.example")
    make_person(name="Nobody Yet", slug="nobody-yet")
    film = make_film(
        title="The Film",
        slug="the-film",
        platform=make_platform(name="Netflix", slug="netflix"),
        poster=make_image(file=uploaded_image(size=(40, 60))),
        release_date=now.date(),
        trailer_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )
    make_film(title="Untitled", slug="untitled")
    make_credit(film, star, character_name="The Lead")
    make_credit(film, writer, role="director")
    hero = make_image(file=uploaded_image(size=(160, 90)), alt_text="Sam on the red carpet")
    story = make_article(
        live=True,
        section=film_section,
        slug=FORMER_SLUG,
        headline="Sam Star's big premiere",
        standfirst="The Film arrives on Netflix & in cinemas: <no> “spoilers”.",
        body="<p>A thriller, a romance. Café 東京 'quotes' \"double\" &amp; more.</p><p>Star!</p>",
        hero_image=hero,
        authors=[writer],
        featured=True,
        publish_at=now - timedelta(hours=1),
    )
    story.tags.add("Netflix", "Thrillers", *UNICODE_TAGS)
    story.people.add(star)
    story.films.add(film)
    story.slug = LIVE_STORY  # The former slug now redirects here.
    story.save()
    for n in range(1, 22):  # Two pages of the section, tag and author lists.
        make_article(
            live=True,
            section=film_section,
            slug=f"story-{n}",
            headline=f"Film story {n}",
            authors=[writer],
            publish_at=now - timedelta(days=n),
        ).tags.add("Netflix")
    draft = make_article(section=film_section, slug="secret-draft", headline="Embargoed scoop")
    draft.tags.add("Embargoed", "Embargoed café")
    rendition = hero.renditions.largest("hero", "jpeg")
    pages = {
        name: address.format(rendition=rendition.url, draft=draft.pk)
        for name, address in PAGES.items()
    }
    return SimpleNamespace(story=story, draft=draft, rendition=rendition, pages=pages)


# Every public page of the newsroom, by name.
PAGES = {
    "home": "/",
    "section": "/film/",
    "empty section": "/tv/",
    "section page 2": "/film/?page=2",
    "story": f"/film/{LIVE_STORY}/",
    "moved story": f"/film/{FORMER_SLUG}/",
    "tag": "/tags/netflix/",
    "unicode tag": "/tags/%E6%9D%B1%E4%BA%AC/",
    "accented tag": "/tags/beyonce/",
    "symbol tag": "/tags/greater-than-sign/",
    "author": "/authors/jane-writer/",
    "person": "/people/sam-star/",
    "film": "/films/the-film/",
    "search": "/search/",
    "search results": "/search/?q=premiere",
    "site feed (RSS)": "/feeds/rss/",
    "site feed (Atom)": "/feeds/atom/",
    "section feed": "/feeds/sections/film/rss/",
    "tag feed": "/feeds/tags/netflix/atom/",
    "unicode tag feed": "/feeds/tags/%E6%9D%B1%E4%BA%AC/rss/",
    "author feed": "/feeds/authors/jane-writer/rss/",
    "person feed": "/feeds/people/sam-star/atom/",
    "film feed": "/feeds/films/the-film/rss/",
    "people": "/people/",
    "people under a letter": "/people/?letter=s",
    "films": "/films/",
    "topics": "/tags/",
    "topics under other": "/tags/?letter=other",
    "authors": "/authors/",
    "robots.txt": "/robots.txt",
    "sitemap index": "/sitemap.xml",
    **{f"sitemap of {name}": f"/sitemap-{name}.xml" for name in SITEMAP_SECTIONS},
    "news sitemap": "/news-sitemap.xml",
    "rendition": "{rendition}",
    "preview": "/preview/articles/{draft}/",
    "health check": "/healthz",
    "admin login": f"/{ADMIN_URL}login/",
}
PAGE_NAMES = list(PAGES)


def test_every_page_of_the_newsroom_answers(newsroom):
    """The fuzzing starts from working pages: the newsroom's pages answer as readers expect."""
    redirects = {"moved story": f"/film/{LIVE_STORY}/", "preview": "/login/"}
    for name, address in newsroom.pages.items():
        response = fetch(address)
        if name in redirects:
            assert response.status_code in {301, 302}, name
            assert redirects[name] in response["Location"], name
        else:
            assert response.status_code == 200, name


# ---------------------------------------------------------------------------
# Sending a request as a server would, and judging the answer.


class ErrorLog(logging.Handler):
    """Error records logged while a request is handled; refused hosts are expected."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        if not record.name.startswith("django.security"):
            self.records.append(record)


def wsgi_path(target):
    """PATH_INFO for a request target's path: %-decoded, its bytes read as latin-1."""
    return unquote_to_bytes(target).decode("latin-1")


def wsgi_headers(headers):
    return {
        ("" if name.lower() in {"content-type", "content-length"} else "HTTP_")
        + name.upper().replace("-", "_"): value
        for name, value in (headers or {}).items()
    }


READER = {}


@pytest.fixture(autouse=True)
def reader():
    """One anonymous client per test: loading the middleware is most of a request's time."""
    READER["client"] = Client(raise_request_exception=False)
    yield
    del READER["client"]


def fetch(target, query="", *, method="GET", headers=None, client=None):
    """Send one request through the whole stack; the database is left as it was.

    Without a client, the test's anonymous reader sends it, with no cookie but `headers`'.
    """
    path, _, in_target = target.partition("?")
    environ = {
        "PATH_INFO": wsgi_path(path),
        # As sent: UTF-8 bytes, which WSGI hands over as latin-1 text.
        "QUERY_STRING": (query or in_target).encode().decode("latin-1"),
        **wsgi_headers(headers),
    }
    if client is None:
        client = READER["client"]
        client.cookies = SimpleCookie()
    errors = ErrorLog()
    root = logging.getLogger()
    root.addHandler(errors)
    savepoint = transaction.savepoint_create()
    try:
        response = client.generic(method, "/", **environ)
        if response.streaming:  # Renditions: read to the end, which closes the file.
            response.fuzz_content = b"".join(response.streaming_content)
    finally:
        # A failed query must not poison the rest of the examples (PostgreSQL).
        transaction.savepoint_rollback(savepoint)
        root.removeHandler(errors)
    response.fuzz_environ = environ
    response.fuzz_errors = errors.records
    return response


def check(response, answers=ANSWERS):
    """No exception, no logged error, and an expected status."""
    described = f"{response.fuzz_environ!r} answered {response.status_code}"
    if response.exc_info:
        raise AssertionError(
            f"{described} after an exception:\n{''.join(traceback.format_exception(*response.exc_info))}"
        )
    assert not response.fuzz_errors, f"{described}, logging: " + "; ".join(
        f"{record.name}: {record.getMessage()}" for record in response.fuzz_errors
    )
    answers = set(answers)
    if PRECONDITIONS & set(_header_names(response.fuzz_environ)):
        answers.add(412)
    assert response.status_code in answers, described
    return response


def _header_names(environ):
    return (
        name.removeprefix("HTTP_").replace("_", "-").title()
        for name in environ
        if name.startswith("HTTP_")
    )


def requested_host(environ):
    """The host a request names: X-Forwarded-Host when trusted, else Host, else the server's."""
    if django_settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    return environ.get("HTTP_HOST", "testserver")


def host_is_allowed(environ):
    domain, _ = split_domain_port(requested_host(environ))
    return bool(domain) and validate_host(domain, django_settings.ALLOWED_HOSTS)


# ---------------------------------------------------------------------------
# Strategies.

SLUG = st.from_regex(r"[-a-zA-Z0-9_]{1,40}", fullmatch=True)
# Written as a client might: %-escapes (some invalid UTF-8, some overlong or surrogates),
# dots, separators, look-alike and invisible Unicode, and long runs.
NASTY_SEGMENTS = [
    *". .. ... %2e%2e %2E % %% %zz %00 %0a %0d%0a %ff %c0%af %ed%a0%80 %e2%80%ae".split(),
    *"%f4%90%80%80 %2f a%2fb \\ ..\\.. ~ - _ -- 0 00 -1 %20 + null None NaN <script>".split(),
    *"' \" * ? # ; a;b : CON index.html .xml sitemap-.xml Ⅷ ǅ İ ß \u200b \ufeff \U0001f3ac".split(),
    *["", " ", "9" * 20, "9" * 5000, "a" * 300, "a" * 5000, "film" * 1000],
]
segments = st.one_of(
    st.sampled_from(KNOWN_WORDS),
    SLUG,
    st.sampled_from(NASTY_SEGMENTS),
    st.text(max_size=30),
    st.text(st.characters(codec="latin-1"), max_size=30),
)
PREFIXES = [
    *["", "/", "//", "admin", ADMIN_URL.strip("/"), "static", "media"],
    *"images feeds feeds/sections feeds/tags feeds/authors tags authors people films".split(),
    *"search preview/articles film tv sitemap.xml robots.txt healthz".split(),
]
arbitrary_paths = st.one_of(
    # Any text, and any bytes (percent-encoded, as they travel).
    st.text(max_size=200).map(lambda text: "/" + text),
    st.binary(max_size=120).map(lambda raw: "/" + quote_from_bytes(raw, safe="/")),
    # Pieces of real addresses put together wrong.
    st.builds(
        lambda prefix, parts, slash: "/" + "/".join([prefix, *parts]) + ("/" if slash else ""),
        st.sampled_from(PREFIXES),
        st.lists(segments, max_size=5),
        st.booleans(),
    ),
    # Very long.
    st.builds(
        lambda piece, count: "/" + piece * count,
        st.sampled_from(["a", "../", "//", "%2e%2e/", "film/", "é", "%ff"]),
        st.integers(500, 10_000),
    ),
)

PAGE_NUMBERS = [
    *"0 -0 1 2 3 -1 last LAST first 1.0 2.5 1e3 1_0 0x10 +2 ٢ ² inf -inf nan 1/0 None []".split(),
    *["", " 2 ", "\x00", "1\x00", "9" * 19, "9" * 4300, "9" * 4301, "9" * 10_000],
]
page_numbers = st.one_of(
    st.sampled_from(PAGE_NUMBERS),
    st.integers(-5, 5).map(str),
    st.integers().map(str),
    st.integers(min_value=2**31 - 2, max_value=2**64 + 2).map(str),
    st.integers(min_value=-(2**64), max_value=-(2**31)).map(str),
    st.floats().map(str),
    st.text(max_size=20),
)

# Operators of PostgreSQL's tsquery and websearch syntax, quotes, LIKE wildcards, the
# control characters search uses as snippet markers, markup, and words the stories have.
SEARCH_BITS = [
    *"& | ! ( ) :* * <-> <2> <-1> ' '' \" \"\" - -- -( or OR and AND not NOT \\ : ::".split(),
    *"premiere:* !!film film&&star film||star () \"unclosed 'quoted' % _ %_".split(),
    *"the a premiere netflix sam star café 東京 <b> &amp; <script>alert(1)</script>".split(),
    *["\x00", "\x02", "\x03", "\u200b"],
]
search_terms = st.one_of(
    st.text(max_size=250),
    st.lists(st.one_of(st.sampled_from(SEARCH_BITS), st.text(max_size=8)), max_size=40).map(
        " ".join
    ),
    st.lists(st.sampled_from(SEARCH_BITS), max_size=40).map("".join),
    st.text(st.sampled_from("&|!():*'\"-<> \\0123456789ab"), max_size=60),
    st.builds(
        lambda word, count: word * count,
        st.sampled_from(["film ", "a", "-", "\x00", "é", '"', "(", "premiere "]),
        st.integers(100, 2_000),
    ),
)

QUERY_KEYS = [
    "page",
    "p",
    "q",
    "letter",
    "utm_source",
    "next",
    "format",
    "amp",
    "preview",
    "",
    "page[]",
]
query_values = st.one_of(page_numbers, search_terms, st.text(max_size=40))
encoded_queries = st.lists(
    st.tuples(st.one_of(st.sampled_from(QUERY_KEYS), st.text(max_size=15)), query_values),
    max_size=6,
).map(urlencode)
# As written in the request line: anything but whitespace and a fragment.
raw_queries = st.one_of(
    st.text(st.characters(codec="latin-1", exclude_characters=" \t\r\n#"), max_size=200),
    st.binary(max_size=120).map(lambda raw: quote_from_bytes(raw, safe="=&;+%")),
    st.sampled_from(
        [
            "page",
            "page=",
            "=",
            "&&&",
            "page=1&page=2",
            "q=%",
            "q=%zz",
            "q=%00",
            "q=%ff%fe",
            "q=%ed%a0%80",
            "p=2&p=x",
            "%",
            ";",
            "page=1;q=2",
            "a" * 10_000,
            "q=" + "%41" * 5_000,
            "&".join(f"k{n}=v" for n in range(2_000)),
        ]
    ),
)
query_strings = st.one_of(encoded_queries, raw_queries)

header_text = st.text(st.characters(codec="latin-1", exclude_characters="\r\n\x00"), max_size=120)


def http_date_text(moment):
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


http_dates = st.one_of(
    st.datetimes(
        min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.just(UTC)
    ).map(http_date_text),
    st.sampled_from(
        [
            "Thu, 01 Jan 1970 00:00:00 GMT",
            "Sat, 31 Dec 9999 23:59:59 GMT",
            "Mon, 31 Feb 2025 10:00:00 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 0000 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:61:61 GMT",
            "-1",
            "0",
            "99999999999999999999",
        ]
    ),
    header_text,
)
etags = st.one_of(
    st.sampled_from(["*", '"abc"', 'W/"abc"', '"abc", W/"def"', "W/", '"', '""', "W/*", ",,,"]),
    st.lists(st.text(st.characters(codec="ascii", exclude_characters='"\r\n\x00'))).map(
        lambda tags: ", ".join(f'"{tag}"' for tag in tags)
    ),
    header_text,
)
# Cookie values as browsers and attackers send them, including quoted values whose
# octal escapes (\000) Python's cookie parser turns into any character at all, NUL too.
cookie_values = st.one_of(
    st.text(st.characters(codec="latin-1", exclude_characters="\r\n\x00;"), max_size=60),
    st.binary(min_size=1, max_size=40).map(
        lambda raw: '"' + "".join(f"\\{byte:03o}" for byte in raw) + '"'
    ),
    st.sampled_from(
        [
            "",
            '""',
            '"',
            '"\\000\\000\\000\\000\\000\\000\\000\\000"',
            "a" * 40,
            "z" * 5_000,
            "0" * 32,
            "..",
            "null",
            "abc:def:ghi",
            "eyJhIjoxfQ:1tZ:xyz",
            ".eJyrVkrOzytJzSsBAApjAt4:1:2",
        ]
    ),
)

COOKIE_NAMES = ["sessionid", "csrftoken", "messages", "django_language", "axes", "sessionid "]
cookies = st.one_of(
    st.lists(
        st.tuples(
            st.one_of(
                st.sampled_from(COOKIE_NAMES),
                st.text(
                    st.characters(codec="latin-1", exclude_characters="\r\n\x00;="), max_size=10
                ),
            ),
            cookie_values,
        ),
        max_size=5,
    ).map(lambda pairs: "; ".join(f"{name}={value}" for name, value in pairs)),
    header_text,
)
hosts = st.one_of(
    st.sampled_from(
        [
            "testserver",
            "testserver:80",
            "testserver:8000",
            "TESTSERVER",
            "testserver.",
            "evil.example",
            "",
            ":",
            ":80",
            "[::1]",
            "[::1",
            "127.0.0.1",
            "testserver:abc",
            "testserver:99999999999999999999",
            "testserver@evil.example",
            "evil.example#testserver",
            "testserver\\evil",
            "testserver, evil.example",
            "a" * 300,
            "xn--n3h.example",
            "tést.example",
        ]
    ),
    st.from_regex(r"[a-zA-Z0-9.-]{0,30}(:[0-9]{0,8})?", fullmatch=True),
    header_text,
)
forwarded_hosts = st.one_of(
    hosts,
    st.from_regex(r"([a-z0-9-]{1,10}\.)?metro\.example(:[0-9]{1,5})?", fullmatch=True),
)
HEADER_STRATEGIES = {
    "Host": hosts,
    "Accept": st.one_of(
        st.sampled_from(
            [
                "*/*",
                "text/html",
                "application/rss+xml;q=0.9,*/*;q=0.1",
                "image/avif,image/webp,*/*",
                ";;;",
                "text/html;q=abc",
                "*/*;q=" + "9" * 5_000,
            ]
        ),
        header_text,
    ),
    "Accept-Language": st.one_of(
        st.sampled_from(["en-US,en;q=0.5", "*", "zz", "de;q=x", "a" * 500, "-", ",,,"]), header_text
    ),
    "Accept-Encoding": st.one_of(st.sampled_from(["gzip, br", "identity;q=0", "*"]), header_text),
    "If-Modified-Since": http_dates,
    "If-Unmodified-Since": http_dates,
    "If-None-Match": etags,
    "If-Match": etags,
    "Cookie": cookies,
    "X-Forwarded-For": st.one_of(
        st.sampled_from(["1.2.3.4", "1.2.3.4, 10.0.0.1", "::1", "unknown", ",", "999.1.1.1"]),
        header_text,
    ),
    "X-Forwarded-Proto": st.one_of(
        st.sampled_from(["https", "http", "https, http", "HTTPS", "ftp", ""]), header_text
    ),
    "X-Forwarded-Host": forwarded_hosts,
    "X-Forwarded-Port": st.one_of(st.sampled_from(["443", "-1", "99999999", "x"]), header_text),
    "Forwarded": header_text,
    "Range": st.one_of(
        st.sampled_from(["bytes=0-0", "bytes=-1", "bytes=5-1", "bytes=0-", "bytes=x", "lines=1"]),
        header_text,
    ),
    "User-Agent": st.one_of(
        st.sampled_from(["Googlebot/2.1", "", "curl/8", "() { :; }; echo", "a" * 5_000]),
        header_text,
    ),
    "Referer": st.one_of(
        st.sampled_from(["https://evil.example/", "http://testserver/", "//", "javascript:1"]),
        header_text,
    ),
    "Origin": st.one_of(st.sampled_from(["null", "https://evil.example"]), header_text),
    "Cache-Control": st.one_of(st.sampled_from(["no-cache", "max-age=-1"]), header_text),
    "X-Requested-With": header_text,
    "Content-Type": st.one_of(
        st.sampled_from(["multipart/form-data; boundary=", "application/json", ";"]), header_text
    ),
    "Content-Length": st.one_of(st.sampled_from(["-1", "x", "9" * 30, "0"]), header_text),
}
extra_headers = st.dictionaries(
    st.from_regex(r"X-[A-Za-z0-9]{1,20}", fullmatch=True), header_text, max_size=3
)
request_headers = st.builds(
    lambda known, extra: known | extra,
    st.fixed_dictionaries({}, optional=HEADER_STRATEGIES),
    extra_headers,
)
methods = st.sampled_from(["GET", "HEAD"])


# ---------------------------------------------------------------------------
# Paths.


@fuzz(400)
@given(path=arbitrary_paths, method=methods)
@example(path="/%00/", method="GET")
@example(path="/film/%ff/", method="GET")
@example(path="//evil.example/%2e%2e", method="GET")
@example(path="/" + "a" * 10_000, method="GET")
def test_any_path(newsroom, path, method):
    check(fetch(path, method=method))


# Every route, its slug positions filled with anything: (template, where the slug goes).
SLUG_ROUTES = {
    "section": "/{}/",
    "story slug": "/film/{}/",
    "story section": f"/{{}}/{LIVE_STORY}/",
    "tag": "/tags/{}/",
    "author": "/authors/{}/",
    "person": "/people/{}/",
    "film": "/films/{}/",
    "feed kind": "/feeds/{}/",
    "section feed": "/feeds/sections/{}/rss/",
    "section feed kind": "/feeds/sections/film/{}/",
    "tag feed": "/feeds/tags/{}/atom/",
    "author feed": "/feeds/authors/{}/rss/",
    "person feed": "/feeds/people/{}/rss/",
    "film feed": "/feeds/films/{}/atom/",
    "sitemap section": "/sitemap-{}.xml",
    "preview": "/preview/articles/{}/",
    "shared preview": "/shared/{}/",
    "desk preview": "/desk/stories/{}/preview/",
    "admin": f"/{ADMIN_URL}{{}}/",
}


def encode_segment(text, how):
    """A segment as a client might write it in a request target."""
    if how == "quoted":
        return quote(text, safe="")
    if how == "quoted twice":
        return quote(quote(text, safe=""), safe="")
    return text


@pytest.mark.parametrize("route", SLUG_ROUTES)
@fuzz(40)
@given(
    segment=segments,
    how=st.sampled_from(["raw", "quoted", "quoted twice"]),
    method=methods,
)
def test_any_slug_in_every_route(newsroom, route, segment, how, method):
    path = SLUG_ROUTES[route].format(encode_segment(segment, how))
    response = check(fetch(path, method=method))
    if route in {
        "preview",
        "desk preview",
    }:  # Anonymous readers are sent to log in, whatever the story.
        assert response.status_code in {302, 404}


# Tag names as editors type them: any letters, symbols, marks and spaces, up to the
# column's 100 characters; not control characters, which the form refuses
# (tests/articles/test_tags.py).
TAG_CHARACTERS = st.characters(exclude_categories=["Cc", "Cs"])
tag_names = (
    st.one_of(
        st.sampled_from(UNICODE_TAGS + ["C#", "Disney+", "🎬", "&", "---", "_", "Beyonce\u0301"]),
        st.text(TAG_CHARACTERS, min_size=1, max_size=100),
        st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]), min_size=1, max_size=30),
    )
    .map(str.strip)
    .filter(bool)
)


@fuzz(60)
@given(names=st.lists(tag_names, min_size=1, max_size=3))
@example(names=["Beyoncé", "東京"])
@example(names=["C++", "c"])
@example(names=["x" * 100, "x" * 99 + "y"])
def test_any_tag_name_gives_working_pages(newsroom, editor, names):
    """A story tagged with anything: its page, its preview, the tag pages and feeds and the
    tags sitemap answer 200, each tag at its own address."""
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    savepoint = transaction.savepoint_create()
    try:
        newsroom.story.tags.add(*names)
        newsroom.draft.tags.add(*names)
        tags = list(newsroom.story.tags.all())
        assert len({tag.slug for tag in tags}) == len(tags)
        story_page = check(fetch(f"/film/{LIVE_STORY}/"))
        assert story_page.status_code == 200
        for tag in tags:
            address = reverse("articles:tag", args=[tag.slug])
            assert f'href="{address}"'.encode() in story_page.content
            assert check(fetch(address)).status_code == 200
            feed = reverse("articles:tag_feed", args=[tag.slug, "atom"])
            assert check(fetch(feed)).status_code == 200
        assert check(fetch("/sitemap-tags.xml")).status_code == 200
        preview = check(fetch(f"/preview/articles/{newsroom.draft.pk}/", client=client))
        assert preview.status_code == 200
    finally:
        transaction.savepoint_rollback(savepoint)


# The rendition route: /images/<id>/<key>/<spec>-<width>.<format>. Each example
# spoils one part or more of the hero picture's real address.
RENDITION_PARTS = {
    "image id": st.one_of(
        st.integers(0, 100).map(str),
        st.integers(min_value=2**31 - 2, max_value=2**70).map(str),
        st.sampled_from(["0", "00", "-1", "9" * 4301, "1.0", "x", "%00", ""]),
        segments,
    ),
    "key": st.one_of(segments, st.from_regex(r"[0-9a-f]{12}", fullmatch=True)),
    "spec": st.one_of(st.sampled_from(SPEC_NAMES), segments),
    "width": st.one_of(
        st.sampled_from(["480", "1200", "0", "-1", "0160", "١٦٠", "160.0", "1e3", "9" * 5000]),
        st.integers().map(str),
        segments,
    ),
    "format": st.one_of(
        st.sampled_from(["jpeg", "webp", "avif", "png", "JPEG", "", "jpeg.", "jpeg/"]), segments
    ),
    "file name": st.one_of(
        segments,
        st.sampled_from(["hero.jpeg", "-.", ".", "hero-160", "../../etc/passwd", "hero-160.jpeg/"]),
    ),
}
spoiled_parts = st.one_of(
    st.sampled_from(list(RENDITION_PARTS)).map(lambda part: {part}),
    st.sets(st.sampled_from(list(RENDITION_PARTS)), min_size=1),
)


@fuzz(150)
@given(
    spoiled=spoiled_parts,
    parts=st.fixed_dictionaries(RENDITION_PARTS),
    method=methods,
)
@example(spoiled=set(), parts={}, method="GET")
@example(spoiled=set(), parts={}, method="HEAD")
@example(spoiled={"image id"}, parts={"image id": "9" * 30}, method="GET")
@example(spoiled={"format"}, parts={"format": "avif"}, method="GET")
def test_any_rendition_address(newsroom, spoiled, parts, method):
    rendition = newsroom.rendition
    address = {
        "image id": str(rendition.image_id),
        "key": rendition.key,
        "spec": rendition.spec.name,
        "width": str(rendition.width),
        "format": rendition.format,
    } | {part: value for part, value in parts.items() if part in spoiled}
    filename = address.get("file name") or "{spec}-{width}.{format}".format_map(address)
    path = "/images/{}/{}/{}".format(
        *(quote(part, safe="") for part in (address["image id"], address["key"], filename))
    )
    response = check(fetch(path, method=method))
    if not spoiled:
        assert response.status_code == 200


# Editors' previews are not public, but their <int:pk> meets the database: any number.
@fuzz(40)
@given(
    pk=st.one_of(
        st.integers(0, 10).map(str),
        st.integers(min_value=2**31 - 2, max_value=2**80).map(str),
        st.sampled_from(["9" * 19, "9" * 4300, "9" * 4301, "0" * 50 + "1"]),
    )
)
def test_any_story_number_in_editors_previews(newsroom, editor, pk):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    check(fetch(f"/preview/articles/{pk}/", client=client))


# ---------------------------------------------------------------------------
# Query strings.


@fuzz(250)
@given(page=st.sampled_from(PAGE_NAMES), query=query_strings, method=methods)
@example(page="search", query="q=%00", method="GET")
@example(page="section", query="page=" + "9" * 5000, method="GET")
@example(page="sitemap of articles", query="p=-1", method="GET")
def test_any_query_string_on_every_page(newsroom, page, query, method):
    address = newsroom.pages[page]
    path, _, own_query = address.partition("?")
    check(fetch(path, "&".join(filter(None, [own_query, query])), method=method))


LISTS = {
    "section": ("/film/", "page"),
    "empty section": ("/tv/", "page"),
    "tag": ("/tags/netflix/", "page"),
    "author": ("/authors/jane-writer/", "page"),
    "search": ("/search/?q=film", "page"),
    "empty search": ("/search/", "page"),
    "people": ("/people/", "page"),
    "people under a letter": ("/people/?letter=s", "page"),
    "topics": ("/tags/", "page"),
    "authors under a letter": ("/authors/?letter=j", "page"),
    "letters of people": ("/people/", "letter"),
    "letters of films": ("/films/", "letter"),
    **{f"sitemap of {name}": (f"/sitemap-{name}.xml", "p") for name in SITEMAP_SECTIONS},
}


@pytest.mark.parametrize("listing", LISTS)
@fuzz(30)
@given(number=page_numbers)
@example(number="2")
@example(number="last")
@example(number="9" * 4301)
def test_any_page_number_on_every_list(newsroom, listing, number):
    address, parameter = LISTS[listing]
    path, _, own_query = address.partition("?")
    query = urlencode(
        [*(tuple(pair.split("=")) for pair in filter(None, [own_query])), (parameter, number)]
    )
    response = check(fetch(path, query))
    if parameter != "letter" and number.strip() == "1":  # The first page is always there.
        assert response.status_code == 200


@fuzz(300)
@given(terms=search_terms, page=st.one_of(st.none(), page_numbers), method=methods)
@example(terms="premiere", page=None, method="GET")
@example(terms="premiere", page="last", method="GET")
@example(terms="'", page=None, method="GET")
@example(terms="!", page=None, method="GET")
@example(terms='film & | ! ( ) :* <-> "', page=None, method="GET")
@example(terms="-(", page=None, method="GET")
@example(terms="a:*", page=None, method="GET")
@example(terms="\x00premiere", page=None, method="GET")
@example(terms="premiere " * 2000, page=None, method="GET")
@example(terms="东京 café \u200b", page=None, method="GET")
def test_any_search(newsroom, terms, page, method):
    pairs = [("q", terms)] + ([] if page is None else [("page", page)])
    response = check(fetch("/search/", urlencode(pairs), method=method))
    if page is None or page.strip() == "1":  # Whatever the words, the first page is there.
        assert response.status_code == 200


# ---------------------------------------------------------------------------
# Headers.


@fuzz(300)
@given(page=st.sampled_from(PAGE_NAMES), headers=request_headers, method=methods)
@example(page="story", headers={"Host": "evil.example"}, method="GET")
@example(page="story", headers={"If-Modified-Since": "Sat, 31 Dec 9999 23:59:59 GMT"}, method="GET")
def test_any_headers_on_every_page(newsroom, page, headers, method):
    response = check(fetch(newsroom.pages[page], headers=headers, method=method))
    if not host_is_allowed(response.fuzz_environ):  # Never served for another site's name.
        assert response.status_code == 400


@fuzz(100)
@given(page=st.sampled_from(["preview", "admin login"]), cookie=cookies, method=methods)
def test_any_cookies_on_pages_reading_the_session(newsroom, page, cookie, method):
    """Garbage session ids, CSRF tokens and messages are no session: nobody is logged in."""
    response = check(fetch(newsroom.pages[page], headers={"Cookie": cookie}, method=method))
    assert response.status_code == (302 if page == "preview" else 200)


@pytest.mark.parametrize("page", ["preview", "admin login"])
def test_a_session_cookie_with_a_nul_is_no_login(newsroom, page):
    """Quoted cookie values may carry octal escapes, which Python's cookie parser decodes
    (Django's session stores would look the NUL up; PostgreSQL refuses it: core.sessions)."""
    cookie = 'sessionid="' + "\\000" * 8 + '"; csrftoken="\\000"'
    response = check(fetch(newsroom.pages[page], headers={"Cookie": cookie}))
    assert response.status_code == (302 if page == "preview" else 200)


@pytest.fixture
def behind_a_proxy(settings):
    """Set once per test: each assignment to pytest-django's settings stacks an override."""
    settings.USE_X_FORWARDED_HOST = True
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".metro.example"]


@fuzz(150)
@given(page=st.sampled_from(PAGE_NAMES), headers=request_headers)
@example(page="sitemap index", headers={"X-Forwarded-Host": "news.metro.example:8443"})
@example(
    page="site feed (RSS)",
    headers={"X-Forwarded-Host": "metro.example", "X-Forwarded-Proto": "https"},
)
def test_any_headers_behind_a_proxy(behind_a_proxy, newsroom, page, headers):
    """Behind a proxy the public host comes from X-Forwarded-Host and goes into absolute URLs."""
    response = check(fetch(newsroom.pages[page], headers=headers))
    if not host_is_allowed(response.fuzz_environ):
        assert response.status_code == 400
    elif page == "robots.txt" and response.status_code == 200 and not django_settings.SITE_URL:
        host = requested_host(response.fuzz_environ)
        assert f"://{host}/sitemap.xml".encode() in response.content


@fuzz(100)
@given(
    page=st.sampled_from(PAGE_NAMES),
    if_modified_since=st.one_of(st.none(), http_dates),
    if_none_match=st.one_of(st.none(), etags),
    use_own=st.sampled_from(["etag", "date", "both", "neither"]),
)
def test_any_revalidation(newsroom, page, if_modified_since, if_none_match, use_own):
    """Conditional requests on real pages answer 200 or 304, with their own validators too."""
    address = newsroom.pages[page]
    first = check(fetch(address))
    headers = {}
    if use_own in {"etag", "both"} and first.has_header("ETag"):
        headers["If-None-Match"] = first["ETag"]
    if use_own in {"date", "both"} and first.has_header("Last-Modified"):
        headers["If-Modified-Since"] = first["Last-Modified"]
    if if_modified_since is not None:
        headers.setdefault("If-Modified-Since", if_modified_since)
    if if_none_match is not None:
        headers.setdefault("If-None-Match", if_none_match)
    again = check(fetch(address, headers=headers))
    if first.status_code == 200:
        assert again.status_code in {200, 304}
    else:
        assert again.status_code == first.status_code
