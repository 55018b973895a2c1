"""The database fallback matches words through a full-text GIN index on PostgreSQL (see
search/lookups.py) instead of a trigram index, and keeps each document's text and data out
of the table's main rows, so reading a hundred thousand rows' ids and dates stays cheap.

Rows written before this migration keep their layout until they are written again:
`manage.py rebuild_search_index --refresh-documents` (or VACUUM FULL) rewrites them."""

from django.db import migrations

import search.lookups

WORDS_INDEX = (
    "CREATE INDEX IF NOT EXISTS search_document_words "
    "ON search_indexeddocument USING gin ((" + search.lookups.TSVECTOR.format("text") + "))"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite (the demo) scans its few hundred documents
    schema_editor.execute("DROP INDEX IF EXISTS search_document_text_trgm")
    schema_editor.execute(WORDS_INDEX)
    schema_editor.execute("ALTER TABLE search_indexeddocument SET (toast_tuple_target = 128)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE search_indexeddocument RESET (toast_tuple_target)")
    schema_editor.execute("DROP INDEX IF EXISTS search_document_words")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_document_text_trgm "
        "ON search_indexeddocument USING gin (text gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_facet_language")]

    operations = [
        migrations.AlterField(
            model_name="indexeddocument",
            name="text",
            field=search.lookups.SearchableText(),
        ),
        migrations.RunPython(forwards, backwards),
    ]
