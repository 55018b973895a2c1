from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MemberOrganisation, MemberType


class MemberTypeViewSet(SnippetViewSet):
    model = MemberType
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class MemberOrganisationViewSet(SnippetViewSet):
    model = MemberOrganisation
    icon = "group"
    list_display = ["name", "member_type", "country", "status", "consent_to_publish", "locale"]
    list_filter = ["status", "consent_to_publish", "promoter", "member_type", "locale"]
    search_fields = ["name"]
    ordering = ["name"]


class NetworkGroup(SnippetViewSetGroup):
    items = (MemberOrganisationViewSet, MemberTypeViewSet)
    menu_label = _("Network")
    menu_icon = "group"
    menu_name = "network"


register_snippet(NetworkGroup)
