from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from . import indexing  # noqa: F401  (connects the signals that fill the outbox)
