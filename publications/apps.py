from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publications, news and events"

    def ready(self):
        from . import pdf

        pdf.connect()
