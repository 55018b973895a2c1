from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from core import sitecache

        from .models import Release

        sitecache.watch(Release)  # the open-data page, its catalogue and downloads list them
