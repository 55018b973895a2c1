from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import frontcache, privacy_sync, sitecache, uploads

        sitecache.connect()
        frontcache.connect()
        privacy_sync.connect()
        uploads.connect()
