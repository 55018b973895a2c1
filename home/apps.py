from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from core import sitecache

        from .models import FooterText, NavigationMenu, NavigationMenuItem, SiteSettings

        sitecache.watch(FooterText, NavigationMenu, NavigationMenuItem, SiteSettings)
