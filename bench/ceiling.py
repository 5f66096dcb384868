"""The uncached story page's ceiling: the two queries it cannot do without, and nothing else.

`_bench/ceiling/<section>/<slug>/` reads the story with everything its page
shows (section, hero picture, bylines, people, films, tags: one statement,
prepared once per connection and planned once), then its related stories'
cards the way the page finds them (articles.models.related_ids_sql, planned for
the story's own links), and answers with the saved article page's bytes, like
the floor. No ORM, no template, no meta: however lean the page's Python became,
an uncached story page could not serve more requests than this.
"""

import psycopg
from django.db import connection
from django.http import Http404, HttpResponse
from django.utils import timezone

from articles.models import related_ids_sql

STORY_SQL = """
SELECT a.id, a.headline, a.standfirst, a.body, a.hero_caption, a.publish_at, a.updated_at,
  s.name, s.slug, i.file, i.width, i.height, i.alt_text, i.caption, i.credit,
  (SELECT json_agg(json_build_array(au.role, p.name, p.slug, p.updated_at))
     FROM articles_authorship au JOIN people_person p ON p.id = au.person_id
     WHERE au.article_id = a.id),
  (SELECT json_agg(json_build_array(p.id, p.name, p.slug, p.description, pi.file, pi.width))
     FROM articles_article_people ap JOIN people_person p ON p.id = ap.person_id
     LEFT JOIN media_image pi ON pi.id = p.portrait_id WHERE ap.article_id = a.id),
  (SELECT json_agg(json_build_array(f.id, f.title, f.slug, f.release_date, pl.name, fi.file))
     FROM articles_article_films af JOIN films_film f ON f.id = af.film_id
     LEFT JOIN films_platform pl ON pl.id = f.platform_id
     LEFT JOIN media_image fi ON fi.id = f.poster_id WHERE af.article_id = a.id),
  (SELECT json_agg(json_build_array(t.id, t.name, t.slug))
     FROM taggit_taggeditem ti JOIN taggit_tag t ON t.id = ti.tag_id
     WHERE ti.object_id = a.id AND ti.content_type_id =
       (SELECT id FROM django_content_type WHERE app_label = 'articles' AND model = 'article'))
FROM articles_article a
JOIN articles_section s ON s.id = a.section_id
LEFT JOIN media_image i ON i.id = a.hero_image_id
WHERE s.slug = %s AND a.slug = %s AND a.status = 'published' AND a.publish_at <= %s
"""

RELATED_SQL = """
SELECT a.id, a.headline, a.slug, a.standfirst, a.publish_at, s.slug, i.file, i.width,
  (SELECT json_agg(json_build_array(p.name, p.slug))
     FROM articles_authorship au JOIN people_person p ON p.id = au.person_id
     WHERE au.article_id = a.id)
FROM articles_article a
JOIN articles_section s ON s.id = a.section_id
LEFT JOIN media_image i ON i.id = a.hero_image_id
WHERE a.id IN ({ids}) AND a.id <> %s
ORDER BY a.publish_at DESC, a.id DESC LIMIT 4
"""


def ceiling(request, section, slug, page):
    now = timezone.now()
    story = read_story(section, slug, now)
    if story is None:
        raise Http404("No such story.")
    people, films, tags = story[-3:]
    sql, params = related_ids_sql(
        story[0],
        4,
        now,
        people=[entry[0] for entry in people or []],
        films=[entry[0] for entry in films or []],
        tags=[entry[0] for entry in tags or []],
    )
    if sql:
        with connection.cursor() as cursor:
            cursor.execute(RELATED_SQL.format(ids=sql), [*params, story[0]])
            cursor.fetchall()
    return HttpResponse(page, content_type="text/html; charset=utf-8")


def read_story(section, slug, now):
    """The story's row, prepared on this connection and planned once (a generic plan)."""
    connection.ensure_connection()
    raw = connection.connection
    if not getattr(raw, "bench_generic_plans", False):
        # Only prepared statements follow this; Django's own queries are never prepared.
        raw.execute("SET plan_cache_mode = force_generic_plan")
        raw.bench_generic_plans = True
    with psycopg.Cursor(raw) as cursor:
        cursor.execute(STORY_SQL, [section, slug, now], prepare=True)
        return cursor.fetchone()
