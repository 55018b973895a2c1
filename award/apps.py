from django.apps import AppConfig


class AwardConfig(AppConfig):
    name = "award"
    verbose_name = "Best Practice Award"
