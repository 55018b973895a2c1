from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import bulk, privacy_sync, sitecache, uploads

        sitecache.connect()
        bulk.register_deferral(sitecache.invalidation_deferred)
        bulk.register_deferral(privacy_sync.published_deferred)
        privacy_sync.connect()
        uploads.connect()
