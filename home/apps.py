from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from core import seo, sitecache

        from .models import FooterText, NavigationMenu, NavigationMenuItem, SiteSettings
        from .seo import organization_details

        sitecache.watch(FooterText, NavigationMenu, NavigationMenuItem, SiteSettings)
        seo.organization_details(organization_details)
