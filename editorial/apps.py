from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflows"

    def ready(self):
        from . import sync  # noqa: F401  (connects the publish receiver)
