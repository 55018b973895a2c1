from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .views import RIGHTS_CHANGED, UNLOCK_PERMISSION, UNLOCKED, format_rights_change


@hooks.register("register_log_actions")
def register_rights_log_action(actions):
    @actions.register_action(RIGHTS_CHANGED)
    class RightsChanged(LogFormatter):
        label = _("Change rights")

        def format_message(self, log_entry):
            return format_rights_change(log_entry)

    @actions.register_action(UNLOCKED)
    class Unlocked(LogFormatter):
        label = _("Unlock sign-in")
        message = _("Sign-in unlocked after too many failed attempts")


@hooks.register("register_admin_urls")
def locked_sign_ins_url():
    from django.urls import path

    from .views import LockedSignInsView

    return [path("locked-sign-ins/", LockedSignInsView.as_view(), name="accounts_locked_sign_ins")]


@hooks.register("register_settings_menu_item")
def locked_sign_ins_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    class LockedSignInsMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(UNLOCK_PERMISSION)

    return LockedSignInsMenuItem(
        _("Locked sign-ins"), reverse("accounts_locked_sign_ins"), icon_name="lock", order=620
    )
