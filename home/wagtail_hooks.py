from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import FooterText, NavigationMenu


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    list_display = ["__str__", "locale"]
    list_filter = ["location", "locale"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"


class LayoutViewSetGroup(SnippetViewSetGroup):
    items = (NavigationMenuViewSet, FooterTextViewSet)
    menu_label = _("Layout")
    menu_icon = "list-ul"
    menu_name = "layout"


register_snippet(LayoutViewSetGroup)
