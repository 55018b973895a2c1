"""Wagtail turns a PermissionDenied raised inside an admin view (its own, and those registered
through its hooks) into a redirect to the dashboard saying only "Sorry, you do not have
permission to access this area": the reason the view gave ("You sit on the jury of no
edition.") was lost. Its refusals end on the site's refusal page instead (core/views.py),
with that reason, in the person's admin language."""

import sys

from django.core.exceptions import PermissionDenied
from wagtail.admin import auth
from wagtail.admin.localization import get_localized_response


def refuse(request):
    # Called by Wagtail inside its `except PermissionDenied` (or by a permission test, with no
    # exception, hence no reason): the exception being handled carries the view's reason.
    refused = sys.exc_info()[1]
    if not isinstance(refused, PermissionDenied):
        refused = PermissionDenied()
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise refused  # Wagtail's own choice: scripts get the bare 403
    from .views import permission_denied

    return get_localized_response(permission_denied, request, refused)


def connect():
    # Wagtail's decorators look the function up in their module at each refusal.
    auth.permission_denied = refuse
