from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from . import chrome  # noqa: F401  (connects the cache invalidation signals)
