from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import privacy_sync, sitecache, uploads

        sitecache.connect()
        privacy_sync.connect()
        uploads.connect()
