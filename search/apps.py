from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from core import health, sitecache

        from . import health as search_health
        from . import indexing  # noqa: F401  (connects the signals that fill the outbox)
        from .models import IndexedDocument

        sitecache.watch(SearchPromotion)  # promotions.promoted_queries()
        # A delivery rewrites pages' documents: the vocabularies stay as they are.
        sitecache.derived_from_pages(IndexedDocument)
        health.register("search_outbox", search_health.outbox, needs_database=True)
        health.register("engine", search_health.engine)
