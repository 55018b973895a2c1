from django.apps import AppConfig


class AwardConfig(AppConfig):
    name = "award"
    verbose_name = "Best Practice Award"

    def ready(self):
        from core import sitecache

        from .models import Candidacy, ResultsPublication

        # The edition page lists the distinguished candidacies once results are published.
        sitecache.watch(Candidacy, ResultsPublication)
