from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from taxonomy.wagtail_hooks import InEditorsLanguages

from .criteria import Definition
from .crosswalk import CaseDatabase


class DefinitionViewSet(InEditorsLanguages, SnippetViewSet):
    """The inclusion criteria: coordinators edit their conditions, translators their words."""

    model = Definition
    icon = "tasks"
    menu_label = _("Inclusion criteria")
    menu_name = "inclusion-criteria"
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(DefinitionViewSet)


class CaseDatabaseViewSet(SnippetViewSet):
    """The other databases of the crosswalk, with the shape of their identifiers."""

    model = CaseDatabase
    icon = "link"
    menu_label = _("Other databases")
    menu_name = "case-databases"
    add_to_admin_menu = True
    menu_order = 211
    list_display = ["name_en", "slug", "link_pattern"]


register_snippet(CaseDatabaseViewSet)
