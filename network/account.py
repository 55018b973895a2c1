"""A member's contact is the account whose email is the member's contact address
(award/models.py `member_contact_of`), and coordinators keep that address in the member's
record. So a person's own settings (/admin/account/) may not take a member's contact address,
nor move a contact's away from it: either would change who speaks for a member without a
coordinator. Wagtail's account view offers no hook for its name and email form, hence the
view below, served at its address (site/urls.py)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel

from .models import MemberOrganisation


def is_member_contact(address):
    members = MemberOrganisation.objects.filter(contact_email__iexact=address)
    return bool(address) and members.exists()


class ContactEmailForm(NameEmailForm):
    def clean_email(self):
        email = self.cleaned_data["email"]
        # The address on record, not the instance the form is about to change.
        current = get_user_model().objects.get(pk=self.instance.pk).email
        if email.lower() != current.lower() and (
            is_member_contact(current) or is_member_contact(email)
        ):
            raise forms.ValidationError(
                _(
                    "A member organisation's contact address is set by the coordinators in the "
                    "member's record: ask a coordinator to change it."
                )
            )
        return email


class ContactEmailPanel(NameEmailSettingsPanel):
    form_class = ContactEmailForm


class MemberAwareAccountView(AccountView):
    def get_panels(self):
        return [
            ContactEmailPanel(panel.request, panel.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]


# Wrapped as Wagtail wraps its own admin views (wagtail/admin/urls): sign-in required, never cached.
account_view = never_cache(require_admin_access(MemberAwareAccountView.as_view()))
