"""The words of the documents with the number of documents holding each, per language, for
the database fallback's "did you mean" (search/spelling.py): a materialized view with a
trigram index on PostgreSQL. SQLite (the demo) has no trigrams and offers no suggestion."""

from django.db import migrations

VIEW = """
CREATE MATERIALIZED VIEW IF NOT EXISTS search_spelling AS
SELECT language, word, count(*) AS documents
FROM search_indexeddocument,
     unnest(tsvector_to_array(to_tsvector('simple'::regconfig, text))) AS word
GROUP BY language, word
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(VIEW)
    # Unique, so that the view can be refreshed while it is read (CONCURRENTLY).
    schema_editor.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS search_spelling_word "
        "ON search_spelling (word, language)"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_spelling_trgm "
        "ON search_spelling USING gin (word gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP MATERIALIZED VIEW IF EXISTS search_spelling")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_document_version")]

    operations = [migrations.RunPython(forwards, backwards)]
