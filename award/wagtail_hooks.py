from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import urls
from .views import may_apply, may_judge, may_manage


@hooks.register("register_admin_urls")
def award_urls():
    return [path("award/", include(urls))]


class AwardMenuItem(MenuItem):
    """Shown to those whom the view it leads to would let in."""

    def __init__(self, label, url_name, rule, **kwargs):
        super().__init__(label, reverse_lazy(url_name), icon_name="pick", **kwargs)
        self.rule = rule

    def is_shown(self, request):
        return self.rule(request.user)


@hooks.register("register_admin_menu_item")
def award_menu_item():
    # The submenu hides itself when none of its entries is shown.
    menu = Menu(
        items=[
            AwardMenuItem(_("Apply"), "award_apply", may_apply, order=100),
            AwardMenuItem(_("My candidacies"), "award_my_candidacies", may_apply, order=110),
            AwardMenuItem(_("Candidacies"), "award_candidacies", may_manage, order=200),
            AwardMenuItem(_("Jury"), "award_jury", may_judge, order=300),
        ]
    )
    return SubmenuMenuItem(_("Award"), menu, icon_name="pick", name="award", order=450)
