from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = "Legal frameworks"

    def ready(self):
        from core import sitecache

        from .models import LegalFramework

        sitecache.watch(LegalFramework)
