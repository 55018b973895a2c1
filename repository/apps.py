from django.apps import AppConfig


class RepositoryConfig(AppConfig):
    name = "repository"
    verbose_name = "Repository of experiences"

    def ready(self):
        from core import sitecache

        from .criteria import Definition, DefinitionCondition

        # Badges, facets and pages read the criteria from the site cache.
        sitecache.watch(Definition, DefinitionCondition)

        from .crosswalk import CaseDatabase

        sitecache.watch(CaseDatabase)  # its name and address on each experience it documents
