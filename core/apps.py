from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import admin_refusals, frontcache, privacy_sync, sitecache, uploads

        sitecache.connect()
        frontcache.connect()
        privacy_sync.connect()
        uploads.connect()
        admin_refusals.connect()
