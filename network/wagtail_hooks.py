from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MemberOrganisation, MemberType


class MemberTypeViewSet(SnippetViewSet):
    model = MemberType
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    # The model's own search fields: naming fields here makes SQLite's full-text search
    # answer "no such column" (wagtail#10217), a 503 on the demo.
    ordering = ["sort_order", "name"]


class MemberOrganisationViewSet(SnippetViewSet):
    model = MemberOrganisation
    icon = "group"
    list_display = ["name", "member_type", "country", "status", "consent_to_publish", "locale"]
    list_filter = ["status", "consent_to_publish", "promoter", "member_type", "locale"]
    # The model's own search fields: naming fields here makes SQLite's full-text search
    # answer "no such column" (wagtail#10217), a 503 on the demo.
    ordering = ["name"]


class NetworkGroup(SnippetViewSetGroup):
    items = (MemberOrganisationViewSet, MemberTypeViewSet)
    menu_label = _("Network")
    menu_icon = "group"
    menu_name = "network"


register_snippet(NetworkGroup)


@hooks.register("register_admin_urls")
def members_report_url():
    from .views import members_report_view

    return [path("reports/members/", members_report_view, name="members_report")]


@hooks.register("register_reports_menu_item")
def members_report_menu_item():
    from .views import may_keep_members

    class MembersReportMenuItem(MenuItem):
        def is_shown(self, request):
            return may_keep_members(request.user)

    return MembersReportMenuItem(
        _("Members to follow up"), reverse("members_report"), icon_name="group", order=660
    )
