"""PostgreSQL only: the weighted document site search reads, and its GIN index.

A stored generated column, so that every write keeps it current, whatever path
it takes. The model does not declare it (SQLite has no tsvector), and
articles.search names it directly. PostgreSQL refuses to change the type of a
column that a generated column reads: a migration altering headline,
standfirst, search_terms or body_text must drop search_document first and add
it back afterwards with the statements below.
"""

from django.db import migrations

# Headline above standfirst and names, above body text. "<" becomes a space
# because PostgreSQL's parser takes "<…>" for markup, even in plain text.
ADD_SEARCH_DOCUMENT = """
ALTER TABLE articles_article ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', replace(headline, '<', ' ')), 'A')
    || setweight(to_tsvector('english', replace(standfirst, '<', ' ')), 'B')
    || setweight(to_tsvector('english', replace(search_terms, '<', ' ')), 'B')
    || setweight(to_tsvector('english', replace(body_text, '<', ' ')), 'C')
) STORED;
CREATE INDEX article_search_idx ON articles_article USING gin (search_document);
"""
# Dropping the column drops its index.
REMOVE_SEARCH_DOCUMENT = "ALTER TABLE articles_article DROP COLUMN search_document;"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_fill_search_fields")]

    operations = [
        migrations.RunPython(
            on_postgresql(ADD_SEARCH_DOCUMENT), on_postgresql(REMOVE_SEARCH_DOCUMENT)
        )
    ]
