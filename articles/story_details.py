"""Everything a story page shows beside the story's own row, read with that row.

with_story_details() adds JSON lists to the story's query: the byline
(each person with their links), the people in the story (with portraits and
their credits in the story's films), the films (with platform, poster,
top-billed cast and where to watch them in the site's region), the story's
corrections and updates and, for a review, the directors of the film it reviews
(its film and poster come by join). load_story_details() turns them into the
model instances the templates and cards use, so `article.authorships.all()`,
`.people.all()`, `.films.all()`, `.corrections.all()`, `.tags.all()` and a
review's `article.reviewed_film.directors` cost no query. One query instead of
one per list: at 100,000 stories the ORM spent more building and reading the
small queries than the database spent answering them.

The lists are written as SQL for PostgreSQL and SQLite, ordered as each model's
Meta.ordering orders it there, and hold whole rows, so the instances are the
same as the ORM would have made.
"""

from datetime import UTC
from functools import cache

from django.db import models
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware
from taggit.models import Tag

from articles.models import Article, Authorship, Correction
from core.prefetch import prefetched
from films.models import Availability, Credit, Film, Platform
from films.regions import site_region
from media.models import Image
from people.models import Person, PersonLink

# The actors a film card names, in billing order.
TOP_BILLED = 3


def with_story_details(queryset):
    """The story with its section, hero image, tags (as JSON on its row) and the JSON
    lists load_story_details() reads."""
    return (
        queryset.select_related("section", "hero_image", "reviewed_film__poster")
        .with_tag_data()
        .annotate(
            byline_rows=_DetailList("byline"),
            people_rows=_DetailList("people"),
            film_rows=_DetailList("films"),
            correction_rows=_DetailList("corrections"),
            director_rows=_DetailList("directors"),
        )
    )


def load_story_details(article):
    """Give the story its tags, byline, people and films as prefetch_related would have.

    Each film also gets `top_billed`, the first TOP_BILLED actors (people), and
    `where_to_watch`, its Availability entries in the site's region, newest first; each
    person `parts_in_story`, their credits in the story's films (with the film), in
    the films' order, then in billing order.
    """
    db = article._state.db
    tags = sorted(
        (Tag(pk=pk, name=name, slug=slug) for pk, name, slug in article.tag_data or []),
        key=lambda tag: tag.name.casefold(),
    )
    prefetched(article, "tags", Tag.objects.filter(pk__in=[tag.pk for tag in tags]), tags)

    authorships = []
    for authorship_row, person_row, link_rows in article.byline_rows or []:
        authorship = _instance(Authorship, authorship_row, db)
        person = _instance(Person, person_row, db)
        links = [_instance(PersonLink, row, db) for row in link_rows or []]
        for link in links:
            link._state.fields_cache["person"] = person
        prefetched(person, "links", PersonLink.objects.filter(person=person), links)
        authorship._state.fields_cache.update(article=article, person=person)
        authorships.append(authorship)
    prefetched(article, "authorships", Authorship.objects.filter(article=article), authorships)

    films = []
    for film_row, platform_row, poster_row, cast_rows, watch_rows in article.film_rows or []:
        film = _instance(Film, film_row, db)
        film._state.fields_cache["platform"] = platform_row and _instance(
            Platform, platform_row, db
        )
        film._state.fields_cache["poster"] = poster_row and _instance(Image, poster_row, db)
        # One actor playing two parts is named once.
        cast = {row["id"]: _instance(Person, row, db) for row in cast_rows or []}
        film.top_billed = list(cast.values())
        film.where_to_watch = []
        for watch_row, service_row in watch_rows or []:
            entry = _instance(Availability, watch_row, db)
            entry._state.fields_cache.update(
                film=film, platform=service_row and _instance(Platform, service_row, db)
            )
            film.where_to_watch.append(entry)
        films.append(film)
    prefetched(article, "films", Film.objects.filter(articles=article), films)

    films_by_id = {film.pk: film for film in films}
    film_position = {film.pk: position for position, film in enumerate(films)}
    people = []
    for person_row, portrait_row, credit_rows in article.people_rows or []:
        person = _instance(Person, person_row, db)
        person._state.fields_cache["portrait"] = portrait_row and _instance(Image, portrait_row, db)
        person.parts_in_story = sorted(
            (_instance(Credit, row, db) for row in credit_rows or []),
            key=lambda credit: film_position[credit.film_id],
        )
        for credit in person.parts_in_story:
            credit._state.fields_cache.update(person=person, film=films_by_id[credit.film_id])
        people.append(person)
    prefetched(article, "people", Person.objects.filter(articles=article), people)

    if article.reviewed_film_id is not None:
        article.reviewed_film.directors = [
            _instance(Person, row, db) for row in article.director_rows or []
        ]

    corrections = [_instance(Correction, row, db) for row in article.correction_rows or []]
    for correction in corrections:
        correction._state.fields_cache["article"] = article
    prefetched(article, "corrections", Correction.objects.filter(article=article), corrections)
    return article


def _instance(model, row, db):
    """The model instance of a JSON object keyed by column names, as from_db makes it."""
    fields = model._meta.concrete_fields
    values = [_python_value(field, row[field.column]) for field in fields]
    return model.from_db(db, [field.attname for field in fields], values)


def _python_value(field, value):
    if value is None:
        return None
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(value)
        # SQLite keeps UTC without an offset; PostgreSQL's JSON carries one.
        return make_aware(moment, UTC) if is_naive(moment) else moment
    if isinstance(field, models.DateField):
        return parse_date(value)
    if isinstance(field, models.BooleanField):
        return bool(value)
    return value


class _DetailList(models.Expression):
    """One of the story page's JSON lists (see _detail_sql), for the story of the outer row."""

    output_field = models.JSONField()

    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def as_sql(self, compiler, connection):
        story = f"{compiler.quote_name(compiler.query.base_table)}.{compiler.quote_name('id')}"
        sql = _detail_sql(self.kind, connection.vendor == "postgresql").format(story=story)
        # The films' where-to-watch entries are the site region's, a parameter.
        return sql, (site_region(),) if self.kind == "films" else ()


@cache
def _detail_sql(kind, postgresql):
    """SQL for a JSON list of whole rows, ordered as Meta.ordering orders them; `{story}`
    stands for the story's id, and in the films' list a %s for the site's region."""
    sql = _JSONSql(postgresql)
    person = sql.row(Person, "p")
    if kind == "corrections":
        return sql.rows(
            sql.row(Correction, "k"),
            f"FROM {Correction._meta.db_table} k WHERE k.article_id = {{story}}",
            "k.published_at, k.id",
        )
    if kind == "byline":
        links = sql.rows(
            sql.row(PersonLink, "l"),
            f"FROM {PersonLink._meta.db_table} l WHERE l.person_id = p.id",
            "l.{order}, l.id".format(order=sql.quote("order")),
        )
        return sql.rows(
            sql.array(sql.row(Authorship, "a"), person, links),
            f"FROM {Authorship._meta.db_table} a JOIN {Person._meta.db_table} p "
            "ON p.id = a.person_id WHERE a.article_id = {story}",
            "a.{order}, a.id".format(order=sql.quote("order")),
        )
    if kind == "directors":
        # A review's film's directors, for its structured data.
        return sql.rows(
            sql.row(Person, "p"),
            f"FROM {Credit._meta.db_table} c JOIN {Person._meta.db_table} p ON p.id = c.person_id "
            f"WHERE c.film_id = (SELECT r.reviewed_film_id FROM {Article._meta.db_table} r "
            f"WHERE r.id = {{story}}) AND c.role = '{Credit.Role.DIRECTOR.value}'",
            "c.billing_order, c.id",
        )
    films_of_story = (
        f"SELECT s2.film_id FROM {Article.films.through._meta.db_table} s2 "
        "WHERE s2.article_id = {story}"
    )
    if kind == "people":
        # The person's credits in the story's films, in billing order.
        parts = sql.rows(
            sql.row(Credit, "c"),
            f"FROM {Credit._meta.db_table} c WHERE c.person_id = p.id "
            f"AND c.film_id IN ({films_of_story})",
            "c.billing_order, c.id",
        )
        return sql.rows(
            sql.array(person, sql.optional(Image, "i"), parts),
            f"FROM {Article.people.through._meta.db_table} s "
            f"JOIN {Person._meta.db_table} p ON p.id = s.person_id "
            f"LEFT JOIN {Image._meta.db_table} i ON i.id = p.portrait_id "
            "WHERE s.article_id = {story}",
            "p.name, p.id",
        )
    top_billed = sql.rows(
        sql.row(Person, "cp"),
        f"FROM {Credit._meta.db_table} c JOIN {Person._meta.db_table} cp ON cp.id = c.person_id "
        f"WHERE c.film_id = f.id AND c.role = '{Credit.Role.ACTOR.value}'",
        "c.billing_order, c.id",
        limit=TOP_BILLED,
    )
    # As AvailabilityQuerySet.in_region() orders them: newest first, undated last.
    where_to_watch = sql.rows(
        sql.array(sql.row(Availability, "w"), sql.optional(Platform, "wp")),
        f"FROM {Availability._meta.db_table} w "
        f"LEFT JOIN {Platform._meta.db_table} wp ON wp.id = w.platform_id "
        "WHERE w.film_id = f.id AND w.region = %s",
        "w.available_from DESC NULLS LAST, w.{ordering}, w.id".format(
            ordering=sql.quote("ordering")
        ),
    )
    return sql.rows(
        sql.array(
            sql.row(Film, "f"),
            sql.optional(Platform, "pl"),
            sql.optional(Image, "i"),
            top_billed,
            where_to_watch,
        ),
        f"FROM {Article.films.through._meta.db_table} s "
        f"JOIN {Film._meta.db_table} f ON f.id = s.film_id "
        f"LEFT JOIN {Platform._meta.db_table} pl ON pl.id = f.platform_id "
        f"LEFT JOIN {Image._meta.db_table} i ON i.id = f.poster_id "
        "WHERE s.article_id = {story}",
        "f.release_date DESC, f.title, f.id",
    )


class _JSONSql:
    """The JSON functions of PostgreSQL or SQLite, for _detail_sql."""

    def __init__(self, postgresql):
        self.postgresql = postgresql

    def quote(self, name):
        return f'"{name}"'

    def row(self, model, alias):
        pairs = ", ".join(
            f"'{field.column}', {alias}.{self.quote(field.column)}"
            for field in model._meta.concrete_fields
        )
        return f"{'jsonb_build_object' if self.postgresql else 'json_object'}({pairs})"

    def optional(self, model, alias):
        """The row, or null when the LEFT JOIN found none."""
        return f"CASE WHEN {alias}.id IS NULL THEN NULL ELSE {self.row(model, alias)} END"

    def array(self, *items):
        return f"{'jsonb_build_array' if self.postgresql else 'json_array'}({', '.join(items)})"

    def rows(self, item, source, ordering, limit=None):
        """A JSON array of `item` for each row of `source`, in `ordering` (the first
        `limit` rows only, if given); never null."""
        if self.postgresql:
            if limit is None:
                return f"(SELECT COALESCE(jsonb_agg({item} ORDER BY {ordering}), '[]') {source})"
            return (
                "(SELECT COALESCE(jsonb_agg(t.item ORDER BY t.position), '[]') FROM "
                f"(SELECT {item} AS item, ROW_NUMBER() OVER (ORDER BY {ordering}) AS position "
                f"{source} ORDER BY {ordering} LIMIT {int(limit)}) t)"
            )
        # SQLite aggregates rows in the order a subquery gives them; json() keeps the
        # result JSON rather than text when it is nested in another JSON value.
        limited = f" LIMIT {int(limit)}" if limit is not None else ""
        return (
            f"json((SELECT json_group_array(json(item)) FROM "
            f"(SELECT {item} AS item {source} ORDER BY {ordering}{limited})))"
        )
