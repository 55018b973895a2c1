from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Taxonomies"

    def ready(self):
        from core import sitecache

        from .models import Country, CountryIntroduction, Term

        sitecache.watch(Country, CountryIntroduction, Term)
