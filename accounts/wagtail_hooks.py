from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .views import RIGHTS_CHANGED, format_rights_change


@hooks.register("register_log_actions")
def register_rights_log_action(actions):
    @actions.register_action(RIGHTS_CHANGED)
    class RightsChanged(LogFormatter):
        label = _("Change rights")

        def format_message(self, log_entry):
            return format_rights_change(log_entry)
