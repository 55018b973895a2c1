from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from core import sitecache

        from . import indexing  # noqa: F401  (connects the signals that fill the outbox)
        from .models import IndexedDocument

        sitecache.watch(SearchPromotion)  # promotions.promoted_queries()
        # A delivery rewrites pages' documents: the vocabularies stay as they are.
        sitecache.derived_from_pages(IndexedDocument)
