"""PostgreSQL only: keep each story's search document on its own row, not in TOAST.

A story's row is larger than the ~2 kB PostgreSQL aims for, so the toaster
moved its largest value out of line, and that was usually search_document.
Every search then paid a TOAST index lookup and page read per story: walking
the newest stories for a common word, and ranking the thousand it keeps.
Storage MAIN keeps the vector in the row (compressed only when the row still
would not fit), so the body and body_text columns, which search never reads,
go out of line instead. With lz4 where the server has it, a compressed vector
is quick to read.

The column is added back with the same definition as in migration 0006; a
migration that has to drop search_document again (to change the type of a
column it reads) should add it back with ADD_SEARCH_DOCUMENT below, not 0006's.
Adding it rewrites the table and rebuilds the GIN index, under an exclusive
lock: about 20 seconds at 100,000 stories.
"""

from django.db import migrations

DOCUMENT = """
    setweight(to_tsvector('english', replace(headline, '<', ' ')), 'A')
    || setweight(to_tsvector('english', replace(standfirst, '<', ' ')), 'B')
    || setweight(to_tsvector('english', replace(search_terms, '<', ' ')), 'B')
    || setweight(to_tsvector('english', replace(body_text, '<', ' ')), 'C')
"""
# {compression} is "COMPRESSION lz4" or nothing (a server built without lz4).
ADD_SEARCH_DOCUMENT = f"""
ALTER TABLE articles_article
    ADD COLUMN search_document tsvector {{compression}} GENERATED ALWAYS AS ({DOCUMENT}) STORED,
    ALTER COLUMN search_document SET STORAGE MAIN;
CREATE INDEX article_search_idx ON articles_article USING gin (search_document);
"""
# Migration 0006's column, stored the default way.
ADD_PLAIN_SEARCH_DOCUMENT = f"""
ALTER TABLE articles_article
    ADD COLUMN search_document tsvector GENERATED ALWAYS AS ({DOCUMENT}) STORED;
CREATE INDEX article_search_idx ON articles_article USING gin (search_document);
"""
# Dropping the column drops its index.
DROP_SEARCH_DOCUMENT = "ALTER TABLE articles_article DROP COLUMN search_document;"


def lz4_compression(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        (has_lz4,) = cursor.fetchone()
    return "COMPRESSION lz4" if has_lz4 else ""


def keep_inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        compression = lz4_compression(schema_editor.connection)
        schema_editor.execute(DROP_SEARCH_DOCUMENT)
        schema_editor.execute(ADD_SEARCH_DOCUMENT.format(compression=compression))


def store_plainly(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SEARCH_DOCUMENT)
        schema_editor.execute(ADD_PLAIN_SEARCH_DOCUMENT)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_scale_indexes")]

    operations = [migrations.RunPython(keep_inline, store_plainly)]
