"""A trigram index on the documents' text on PostgreSQL, so the database fallback's word
matching (LIKE '% word%') reads the index instead of every document."""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite (the demo) scans; its few hundred documents do not need an index
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_document_text_trgm "
        "ON search_indexeddocument USING gin (text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_text_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_collection_page")]

    operations = [migrations.RunPython(create_index, drop_index)]
