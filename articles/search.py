"""Site search: the stories matching what a reader typed, best first, each with a snippet.

On PostgreSQL this is full-text search over a weighted document (headline above
standfirst and the names of a story's tags, people and films, above body text)
that the database stores in a column of its own and indexes with GIN (migration
0006), kept in the story's row rather than in TOAST (migration 0009): a search
reads it for every story it walks or ranks. Other databases (SQLite in
development) get a simpler search: every word must appear somewhere in the
story, and headline matches come first.

Everything a search reads is on the story's own row: `Article.body_text` and
`Article.search_terms` are plain-text copies kept current by the app.

The story editor's link dialog searches as the editor types (started_with):
each word is a prefix, and the newest stories are searched before the archive.

However broad the query, only the newest MAX_RESULTS matches are ranked and
counted, so a search costs about the same for "wombat" as for "film": a common
word walks the newest stories until enough match, a rarer one sorts what the GIN
index finds (_newest_full_text_matches).
"""

import json
import re
from datetime import timedelta
from html import unescape
from html.parser import HTMLParser
from math import ceil

from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVectorField,
)
from django.db import connections, models
from django.db.models import Case, Expression, F, FloatField, Q, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 1000
# Walking the newest stories costs this much per story, against sorting a match the
# GIN index found (both read the story's row; measured at 100,000 stories).
WALK_COST = 0.6
# A walk gives up after this many times the stories the statistics expect it to read,
# or sooner, once it has cost what sorting every match would have.
WALK_MARGIN = 3
# The SQLite fallback turns each word into four LIKEs; more words add little.
MAX_SIMPLE_WORDS = 8
SEARCH_CONFIG = "english"
# started_with() looks among this many of the newest stories before the rest.
NEWEST_SEARCHED_FIRST = 2000
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


def matching(queryset, text):
    """Every story of `queryset` matching `text`, unranked and uncapped: the admin's search.

    On PostgreSQL the full-text index answers; elsewhere the plain-text copies are read.
    """
    text = clean_query(text)
    required, excluded = query_words(text)
    if not required:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        return _full_text_matches(queryset, _search_query(text))
    return queryset.filter(_simple_matches(required, excluded))


def started_with(queryset, text, limit):
    """Up to `limit` stories of `queryset` with a word starting like each word of `text`,
    as an editor types it ("salt led" finds "The Salt Ledger"): the link dialog's search.

    The newest NEWEST_SEARCHED_FIRST stories (drafts, then by publication time)
    are searched first, best first (headline matches above the rest); only when
    they hold fewer than `limit` matches is the older archive searched, newest
    first. On PostgreSQL each word is a prefix in the full-text document; other
    databases use the simple search (each word anywhere, headlines first).
    """
    words = _distinct(_WORD.findall(clean_query(text)))[:MAX_SIMPLE_WORDS]
    if not words or limit < 1:
        return []
    if connections[queryset.db].vendor == "postgresql":
        query = _PrefixQuery(words)
        matches = queryset.filter(_Matches(_SearchDocument(), query))
        rank = SearchRank(_SearchDocument(), query)
    else:
        matches = queryset.filter(_simple_matches(words, []))
        rank = _headline_rank(words)
    newest_first = [F("publish_at").desc(nulls_first=True), "-pk"]
    newest = queryset.order_by(*newest_first).values("pk")[:NEWEST_SEARCHED_FIRST]
    found = list(
        matches.filter(pk__in=newest).annotate(rank=rank).order_by("-rank", *newest_first)[:limit]
    )
    if len(found) < limit:
        # Rare among the newest: the few older matches are sorted, never walked to
        # (the publication index would have PostgreSQL read the archive row by row).
        older = matches.exclude(pk__in=newest).order_by(
            (F("publish_at") + Value(timedelta(0))).desc(nulls_first=True), "-pk"
        )
        found += older[: limit - len(found)]
    return found


def ranked_matches(queryset, text):
    """[(id, rank)] of the newest MAX_RESULTS stories of `queryset` matching `text`, best
    first and newest first among equal ranks: a page then reads only its own stories
    (with_snippets()), and their number is the count of results."""
    text = clean_query(text)
    required, excluded = query_words(text)
    if not required:
        return []
    if connections[queryset.db].vendor == "postgresql":
        newest = _newest_full_text_matches(queryset, text)
    else:
        newest = _rows(
            queryset.filter(_simple_matches(required, excluded))
            .annotate(rank=_headline_rank(required))
            .order_by("-publish_at", "-pk")
            .values_list("pk", "rank")[:MAX_RESULTS]
        )
    # Ranked once the newest are chosen; a stable sort keeps the newest first among equals.
    return sorted(newest, key=_rank_of, reverse=True)


def with_snippets(queryset, text):
    """`queryset` with each story's `snippet`: a few words around what `text` matched."""
    text = clean_query(text)
    if connections[queryset.db].vendor == "postgresql":
        return queryset.annotate(snippet=_Headline(text))
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


def _rank_of(row):
    return row[1]


def _rows(queryset):
    """The rows of a values_list() queryset as the database sends them, without the ORM's
    per-row work (a search reads a thousand)."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _newest_full_text_matches(queryset, text):
    """[(id, rank)] of the newest MAX_RESULTS matches, newest first, by the cheaper road.

    Walking the newest stories until MAX_RESULTS match reads about MAX_RESULTS /
    (share of stories matching) of them; sorting every match the GIN index finds
    reads each match once. PostgreSQL's statistics say which costs less. They can
    be wrong by any factor (words that always come together, "box -office"; a
    word only old stories use), so a walk stops after a few times the stories
    they promise, and before it costs more than sorting would have: if it comes
    back short, every match is sorted after all. At worst a search costs about
    twice what the better road would have.
    """
    matches, stories = _estimated_counts(queryset.db, text)
    to_walk = MAX_RESULTS * stories / max(matches, 1)
    if to_walk * WALK_COST <= matches:
        limit = min(to_walk * WALK_MARGIN, matches / WALK_COST)
        walked = _walk_newest(queryset, text, ceil(limit))
        if len(walked) == MAX_RESULTS:
            return walked
    return _sort_matches(queryset, text)


def _walk_newest(queryset, text, limit):
    """The newest MAX_RESULTS matches among the newest `limit` stories of `queryset` (with
    any sharing the last one's time), read newest first down the publication index."""
    newest = (
        queryset.annotate(document=_SearchDocument())
        .order_by("-publish_at")
        .values_list("pk", "publish_at", "document")
    )
    sql, params = newest.query.sql_with_params()
    # Django has no slice "with ties", nor selecting from a subquery.
    tsquery = "websearch_to_tsquery(%s::regconfig, %s)"
    walk = (
        f"SELECT newest.id, ts_rank(newest.document, {tsquery}) "
        f"FROM ({sql} FETCH FIRST %s ROWS WITH TIES) AS newest (id, publish_at, document) "
        f"WHERE newest.document @@ {tsquery} "
        "ORDER BY newest.publish_at DESC, newest.id DESC LIMIT %s"
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            walk, [SEARCH_CONFIG, text, *params, limit, SEARCH_CONFIG, text, MAX_RESULTS]
        )
        return cursor.fetchall()


def _sort_matches(queryset, text):
    """The newest MAX_RESULTS matches, newest first: every match from the GIN index, sorted."""
    query = _search_query(text)
    return _rows(
        _full_text_matches(queryset, query)
        .annotate(rank=SearchRank(_SearchDocument(), query))
        # An ordering no index serves, so that PostgreSQL never walks instead.
        .order_by((F("publish_at") + Value(timedelta(0))).desc(), "-pk")
        .values_list("pk", "rank")[:MAX_RESULTS]
    )


def _estimated_counts(alias, text):
    """How many stories PostgreSQL expects to match `text`, and how many there are, from
    its statistics (no scan), in one round trip."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM articles_article "
            "WHERE search_document @@ websearch_to_tsquery(%s::regconfig, %s) "
            "UNION ALL SELECT 1 FROM articles_article",
            [SEARCH_CONFIG, text],
        )
        (plan,) = cursor.fetchone()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    matches, stories = (branch["Plan Rows"] for branch in plan[0]["Plan"]["Plans"])
    return matches, stories


def _search_query(text):
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def _full_text_matches(queryset, query):
    return queryset.alias(document=_SearchDocument()).filter(document=query)


def _full_text_search(queryset, text):
    query = _search_query(text)
    return (
        _among_newest(queryset, _full_text_matches(queryset, query))
        .annotate(rank=SearchRank(_SearchDocument(), query), snippet=_Headline(text))
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


def _marked_html(text):
    """`text` as HTML: escaped, with each stretch between MATCH_START and MATCH_END in <mark>."""
    parts = _MARKED.split(text)  # Plain text at even positions, matches at odd ones.
    return mark_safe(
        "".join(
            f"<mark>{escape(part)}</mark>" if index % 2 else escape(_without_markers(part))
            for index, part in enumerate(parts)
        )
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


class _PrefixQuery(Expression):
    """A tsquery of `words` as prefixes of words ("salt:* & led:*"), in the search's
    language; when it ignores every word ("the", "it"), of the words as typed, so
    that "the" still finds "theatre".

    The words are runs of letters, digits and underscores (started_with), which hold
    nothing tsquery syntax reads.
    """

    output_field = SearchQueryField()

    def __init__(self, words):
        super().__init__()
        self.text = " & ".join(f"{word}:*" for word in words)

    def as_sql(self, compiler, connection):
        language = "to_tsquery(%s::regconfig, %s)"
        sql = (
            f"(CASE WHEN numnode({language}) > 0 THEN {language} "
            "ELSE to_tsquery('simple'::regconfig, %s) END)"
        )
        return sql, [SEARCH_CONFIG, self.text, SEARCH_CONFIG, self.text, self.text]


class _Matches(Expression):
    """`document @@ query`, as a condition for filter()."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, document, query):
        super().__init__()
        self.document, self.query = document, query

    def get_source_expressions(self):
        return [self.document, self.query]

    def set_source_expressions(self, expressions):
        self.document, self.query = expressions

    def as_sql(self, compiler, connection):
        document, document_params = compiler.compile(self.document)
        query, query_params = compiler.compile(self.query)
        return f"{document} @@ {query}", [*document_params, *query_params]


class _HeadlineSnippet(models.TextField):
    """Reads ts_headline's output (from escaped text, matches between markers) as safe HTML."""

    def from_db_value(self, value, expression, connection):
        return _marked_html(unescape(value or ""))


class _Headline(Expression):
    """A few words of the story's standfirst and body text around what `text` matched.

    The text is escaped first so that ts_headline keeps tag-like text (a story
    quoting "<script>") as words; matches come back between the markers. One
    expression rather than SearchHeadline over Concat and Replace, whose tree
    took the search page about 0.7 ms to compile on every request.
    """

    output_field = _HeadlineSnippet()
    options = (
        f'StartSel="{MATCH_START}", StopSel="{MATCH_END}", MaxWords={SNIPPET_WORDS}, '
        f"MinWords={SNIPPET_WORDS // 2}, MaxFragments=1"
    )

    def __init__(self, text):
        super().__init__()
        self.text = text

    def as_sql(self, compiler, connection):
        table = compiler.quote_name(compiler.query.base_table)
        story = f"{table}.standfirst || ' ' || {table}.body_text"
        for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
            story = f"replace({story}, '{char}', '{entity}')"
        query = "websearch_to_tsquery(%s::regconfig, %s)"
        sql = f"ts_headline(%s::regconfig, {story}, {query}, %s)"
        return sql, [SEARCH_CONFIG, SEARCH_CONFIG, self.text, self.options]


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
