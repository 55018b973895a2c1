from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflows"

    def ready(self):
        from . import attribution, sync  # noqa: F401  (sync connects the publish receiver)

        attribution.connect()
