"""Site search: the stories matching what a reader typed, best first, each with a snippet.

On PostgreSQL this is full-text search over a weighted document (headline above
standfirst and the names of a story's tags, people and films, above body text)
that the database stores in a column of its own and indexes with GIN (migration
0006). Other databases (SQLite in development) get a simpler search: every word
must appear somewhere in the story, and headline matches come first.

Everything a search reads is on the story's own row: `Article.body_text` and
`Article.search_terms` are plain-text copies kept current by the app.

However broad the query, only the newest MAX_RESULTS matches are ranked and
counted, so a search costs about the same for "wombat" as for "film".
"""

import json
import re
from datetime import timedelta
from html import unescape
from html.parser import HTMLParser

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connections, models
from django.db.models import Case, Expression, ExpressionWrapper, F, FloatField, Q, Value, When
from django.db.models.functions import Concat, Replace
from django.utils.html import format_html, format_html_join

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 1000
# Above this many estimated matches, finding the newest MAX_RESULTS by walking
# the newest stories beats sorting every match (measured at 100,000 stories;
# the crossover grows with the square root of the archive).
WALK_ABOVE = 25_000
# The SQLite fallback turns each word into four LIKEs; more words add little.
MAX_SIMPLE_WORDS = 8
SEARCH_CONFIG = "english"
SNIPPET_WORDS = 30

# ts_headline wraps matches in these; they become <mark> once the text is escaped.
# Control characters never survive into body text or queries, so they cannot collide.
MATCH_START = "\x02"
MATCH_END = "\x03"
_MARKED = re.compile(f"{MATCH_START}([^{MATCH_START}{MATCH_END}]*){MATCH_END}")

_CONTROL_TO_SPACE = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")
_WORD = re.compile(r"\w+")
# Paragraph-like elements: their text never runs into the next element's.
_BLOCK_TAGS = {"p", "br", "h2", "h3", "h4", "li", "ul", "ol", "blockquote", "hr"}


def clean_query(text):
    """The query as searched: no control characters, spaces collapsed, at most 200 characters."""
    return " ".join(text.translate(_CONTROL_TO_SPACE).split())[:MAX_QUERY_LENGTH].strip()


def search_articles(queryset, text):
    """The stories of `queryset` matching `text`, best first, at most MAX_RESULTS of them.

    Each carries `rank` and `snippet`, a few words of the story around what
    matched as safe HTML: the text escaped and the matches in <mark>. A query
    with nothing to look for (no words, or only excluded ones) matches nothing.
    (The search page reads ranked_matches() and then only its page's stories.)
    """
    text = clean_query(text)
    required, excluded = query_words(text)
    if not required:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        return _full_text_search(queryset, text)
    return _simple_search(queryset, required, excluded)


def ranked_matches(queryset, text):
    """[(id, rank)] of the newest MAX_RESULTS stories of `queryset` matching `text`, best
    first, in one query: a page then reads only its own stories (with_snippets())."""
    text = clean_query(text)
    required, excluded = query_words(text)
    if not required:
        return []
    newest_first = ["-publish_at", "-pk"]
    if connections[queryset.db].vendor == "postgresql":
        query = _search_query(text)
        matches = _full_text_matches(queryset, query)
        rank = SearchRank(_SearchDocument(), query)
        if _estimated_matches(queryset.db, text) <= WALK_ABOVE:
            # Not so many: the GIN index finds them all, and sorting them beats reading
            # each story's search document on the way down the newest (which PostgreSQL
            # prices too low). An ordering no index serves makes it take that road.
            newest_first[0] = (F("publish_at") + Value(timedelta(0))).desc()
    else:
        matches = queryset.filter(_simple_matches(required, excluded))
        rank = _headline_rank(required)
    newest = matches.order_by(*newest_first).values("pk")[:MAX_RESULTS]
    # Ranked once the newest are chosen: a thousand stories, not every match.
    rows = queryset.filter(pk__in=newest).annotate(rank=rank)
    ranked = sorted(rows.values_list("rank", "publish_at", "pk"), reverse=True)
    return [(pk, rank) for rank, _, pk in ranked]


def with_snippets(queryset, text):
    """`queryset` with each story's `snippet`: a few words around what `text` matched."""
    text = clean_query(text)
    if connections[queryset.db].vendor == "postgresql":
        return queryset.annotate(snippet=_headline(_search_query(text)))
    required, _ = query_words(text)
    return queryset.annotate(snippet=_snippet_around(required[:MAX_SIMPLE_WORDS]))


def query_words(text):
    """The words a query requires and those it excludes with a leading minus, web-search style."""
    required, excluded = [], []
    for chunk in text.split():
        if chunk.casefold() == "or":  # An operator to PostgreSQL; the fallback ignores it.
            continue
        words = _WORD.findall(chunk)
        (excluded if chunk.startswith("-") else required).extend(words)
    return _distinct(required), _distinct(excluded)


def plain_text(html):
    """The words of a story body: tags dropped, entities decoded, whitespace collapsed.

    Library figures are left out; their captions belong to the image library.
    """
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return " ".join("".join(extractor.chunks).translate(_CONTROL_TO_SPACE).split())


def _estimated_matches(alias, text):
    """How many stories PostgreSQL expects to match `text`, from its statistics (no scan)."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM articles_article "
            "WHERE search_document @@ websearch_to_tsquery(%s::regconfig, %s)",
            [SEARCH_CONFIG, text],
        )
        (plan,) = cursor.fetchone()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]["Plan Rows"]


def _search_query(text):
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def _full_text_matches(queryset, query):
    return queryset.alias(document=_SearchDocument()).filter(document=query)


def _headline(query):
    snippet = SearchHeadline(
        # Escaped so that ts_headline keeps tag-like text (a story quoting "<script>") as words.
        _escape_html(
            Concat("standfirst", Value(" "), "body_text", output_field=models.TextField())
        ),
        query,
        config=SEARCH_CONFIG,
        start_sel=MATCH_START,
        stop_sel=MATCH_END,
        max_words=SNIPPET_WORDS,
        min_words=SNIPPET_WORDS // 2,
        max_fragments=1,
    )
    return ExpressionWrapper(snippet, output_field=_HeadlineSnippet())


def _full_text_search(queryset, text):
    query = _search_query(text)
    return (
        _among_newest(queryset, _full_text_matches(queryset, query))
        .annotate(rank=SearchRank(_SearchDocument(), query), snippet=_headline(query))
        .order_by("-rank", "-publish_at", "-pk")
    )


def _simple_matches(required, excluded):
    matches = Q(*(_anywhere(word) for word in required[:MAX_SIMPLE_WORDS]))
    for word in excluded[:MAX_SIMPLE_WORDS]:
        matches &= ~_anywhere(word)
    return matches


def _headline_rank(required):
    in_headline = Q(*(Q(headline__icontains=word) for word in required[:MAX_SIMPLE_WORDS]))
    return Case(When(in_headline, then=Value(1.0)), default=Value(0.0), output_field=FloatField())


def _snippet_around(required):
    return Concat("standfirst", Value(" "), "body_text", output_field=_SnippetAround(required))


def _simple_search(queryset, required, excluded):
    required = required[:MAX_SIMPLE_WORDS]
    return (
        _among_newest(queryset, queryset.filter(_simple_matches(required, excluded)))
        .annotate(rank=_headline_rank(required), snippet=_snippet_around(required))
        .order_by("-rank", "-publish_at", "-pk")
    )


def _newest(matches):
    return matches.order_by("-publish_at", "-pk")[:MAX_RESULTS]


def _among_newest(queryset, matches):
    """The stories of `queryset` among the newest MAX_RESULTS of `matches`."""
    return queryset.filter(pk__in=_newest(matches).values("pk"))


def _anywhere(word):
    return (
        Q(headline__icontains=word)
        | Q(standfirst__icontains=word)
        | Q(body_text__icontains=word)
        | Q(search_terms__icontains=word)
    )


def _distinct(words):
    """The words in order, each once whatever its case."""
    kept = {}
    for word in words:
        kept.setdefault(word.casefold(), word)
    return list(kept.values())


def _escape_html(expression):
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        expression = Replace(expression, Value(char), Value(entity))
    return expression


def _marked_html(text):
    """`text` as HTML: escaped, with each stretch between MATCH_START and MATCH_END in <mark>."""
    parts = _MARKED.split(text)  # Plain text at even positions, matches at odd ones.
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<mark>{}</mark>", part) if index % 2 else _without_markers(part),)
            for index, part in enumerate(parts)
        ),
    )


def _without_markers(text):
    return text.replace(MATCH_START, "").replace(MATCH_END, "")


class _SearchDocument(Expression):
    """The search_document column: the weighted tsvector PostgreSQL keeps for each story.

    The model leaves the column out (SQLite has none), so no ordinary query
    loads a story's whole vector; searches name it through this expression.
    """

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.query.base_table
        return f"{compiler.quote_name(table)}.{compiler.quote_name('search_document')}", ()


class _HeadlineSnippet(models.TextField):
    """Reads ts_headline's output (from escaped text, matches between markers) as safe HTML."""

    def from_db_value(self, value, expression, connection):
        return _marked_html(unescape(value or ""))


class _SnippetAround(models.TextField):
    """Cuts a snippet around the first of `words` found in the text read, marking them all."""

    def __init__(self, words):
        super().__init__()
        longest_first = sorted(words, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE)

    def from_db_value(self, value, expression, connection):
        words = (value or "").translate(_CONTROL_TO_SPACE).split()
        first = next((i for i, word in enumerate(words) if self.pattern.search(word)), 0)
        start = max(0, first - SNIPPET_WORDS // 4)
        end = start + SNIPPET_WORDS
        text = " ".join(words[start:end])
        marked = self.pattern.sub(lambda match: f"{MATCH_START}{match[0]}{MATCH_END}", text)
        before = "… " if start else ""
        after = " …" if end < len(words) else ""
        return format_html("{}{}{}", before, _marked_html(marked), after)


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []
        self._figure_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            self._figure_depth += 1
        elif tag in _BLOCK_TAGS:
            self.chunks.append(" ")

    def handle_endtag(self, tag):
        if tag == "figure":
            self._figure_depth = max(0, self._figure_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.chunks.append(" ")

    def handle_data(self, data):
        if not self._figure_depth:
            self.chunks.append(data)
