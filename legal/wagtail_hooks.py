from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from taxonomy.wagtail_hooks import InEditorsLanguages

from .models import LegalFramework


class LegalFrameworkViewSet(InEditorsLanguages, SnippetViewSet):
    model = LegalFramework
    icon = "doc-full-inverse"
    menu_label = _("Legal frameworks")
    menu_name = "legal-frameworks"
    add_to_admin_menu = True
    menu_order = 290
    list_display = ["title", "identifier", "country", "year", "binding", "locale"]
    list_filter = ["locale", "kind", "level", "binding"]
    search_fields = ["title", "original_title", "identifier"]
    ordering = ["country__name_en", "-binding", "year"]


register_snippet(LegalFrameworkViewSet)
