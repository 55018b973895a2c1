from django.db import migrations


def load_countries(apps, schema_editor):
    from taxonomy.countries import sync_countries

    sync_countries(apps.get_model("taxonomy", "Country"))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
