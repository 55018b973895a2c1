from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import admin_refusals, frontcache, privacy_sync, sitecache, uploads

        sitecache.connect()
        # Images and documents a page shows (a cover's alt text, a PDF's address and size).
        # Wagtail fills in a missing hash or size as it serves a file, a save of only those.
        from django.contrib.auth import get_user_model
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        sitecache.watch(get_image_model(), get_document_model(), unseen={"file_hash", "file_size"})
        # People named on pages (an award's jury); signing in only records the time.
        sitecache.watch(get_user_model(), unseen={"last_login"})
        frontcache.connect()
        privacy_sync.connect()
        uploads.connect()
        admin_refusals.connect()
