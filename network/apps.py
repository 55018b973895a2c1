from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Network"

    def ready(self):
        from core import sitecache, sitemaps

        from . import signals  # noqa: F401  (re-indexes the experiences a member appears on)
        from .models import MemberOrganisation
        from .sitemaps import MemberSitemap

        sitecache.watch(MemberOrganisation)
        sitemaps.register("members", MemberSitemap)
