"""The Users section of the admin, narrowed so that no one raises their own or another's rights.

Wagtail lets anyone holding the user model's permissions edit every account, superusers
included. Here a person manages only accounts whose rights they hold themselves (`rights.py`),
and every change of rights is written to the account's history."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.users.views import users

from .forms import AccountCreationForm, AccountEditForm
from .rights import Rights

RIGHTS_CHANGED = "accounts.rights"
UNLOCKED = "accounts.unlocked"
UNLOCK_PERMISSION = "axes.delete_accessattempt"


def rights_snapshot(user):
    return {
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "superuser": user.is_superuser,
        "active": user.is_active,
    }


def log_rights_change(user, before, by):
    after = rights_snapshot(user)
    if after == before:
        return
    log(
        user,
        RIGHTS_CHANGED,
        user=by,
        data={
            "added": sorted(set(after["groups"]) - set(before["groups"])),
            "removed": sorted(set(before["groups"]) - set(after["groups"])),
            "superuser": [before["superuser"], after["superuser"]],
            "active": [before["active"], after["active"]],
        },
    )


class EditorRightsMixin:
    @cached_property
    def rights(self):
        """What the person at the keyboard holds, read once for the view and its form."""
        return Rights(self.request.user)


class EditorFormMixin(EditorRightsMixin):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rights": self.rights}


class ManagedAccountMixin(EditorRightsMixin):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        target = self.get_object()
        if request.user.is_authenticated and not self.rights.covers_user(target):
            raise PermissionDenied


class CreateView(EditorFormMixin, users.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        log_rights_change(
            instance, {"groups": [], "superuser": False, "active": True}, self.request.user
        )
        return instance


class EditView(ManagedAccountMixin, EditorFormMixin, users.EditView):
    def save_instance(self):
        before = rights_snapshot(self.object.__class__.objects.get(pk=self.object.pk))
        instance = super().save_instance()
        log_rights_change(instance, before, self.request.user)
        return instance


class DeleteView(ManagedAccountMixin, users.DeleteView):
    pass


class HistoryView(ManagedAccountMixin, users.HistoryView):
    pass


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


def format_rights_change(entry):
    data = entry.data
    parts = []
    if data.get("added"):
        parts.append(_("added to %(groups)s") % {"groups": ", ".join(data["added"])})
    if data.get("removed"):
        parts.append(_("removed from %(groups)s") % {"groups": ", ".join(data["removed"])})
    before, after = data.get("superuser", [False, False])
    if before != after:
        parts.append(_("made a superuser") if after else _("no longer a superuser"))
    before, after = data.get("active", [True, True])
    if before != after:
        parts.append(_("activated") if after else _("deactivated"))
    return _("Rights changed: %(changes)s") % {"changes": "; ".join(parts)}


class LockedSignInsView(WagtailAdminTemplateMixin, TemplateView):
    """Settings → Locked sign-ins: the accounts and addresses paused after too many wrong
    passwords, and a button to unlock each (written to the history as the other changes)."""

    template_name = "accounts/locked_sign_ins.html"
    page_title = _lazy("Locked sign-ins")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(UNLOCK_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from django.conf import settings

        from .throttle import locked_out

        return {
            **super().get_context_data(**kwargs),
            "locked": locked_out(),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        }

    def post(self, request):
        from axes.utils import reset
        from django.contrib import messages
        from django.contrib.auth import get_user_model
        from django.shortcuts import redirect

        username, address = request.POST.get("username"), request.POST.get("ip_address")
        if username:
            reset(username=username)
            account = get_user_model().objects.filter(username=username).first()
            if account is not None:
                log(account, UNLOCKED, user=request.user)
            message = _("Signing in to %(name)s is open again.") % {"name": username}
            messages.success(request, message)
        elif address:
            reset(ip=address)
            messages.success(request, _("Signing in from %(ip)s is open again.") % {"ip": address})
        return redirect("accounts_locked_sign_ins")
