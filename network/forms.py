from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm


class MemberForm(WagtailAdminModelForm):
    """The member form of the admin: when the consent box changes, the form records when and
    by whom from the person signed in, so the record cannot be typed or forged."""

    def save(self, commit=True):
        member = super().save(commit=False)
        if "consent_to_publish" in self.changed_data:
            member.consent_recorded_at = timezone.now()
            member.consent_recorded_by = self.for_user
        if commit:
            member.save()
            self.save_m2m()
        return member
