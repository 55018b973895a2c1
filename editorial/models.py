"""Workflow steps of the observatory's editorial process."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class ReviewByAnotherTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups other than the person who submitted.

    A translator's work is reviewed by a second translator of the language or a coordinator:
    belonging to the reviewing group is not enough to approve one's own submission."""

    def _authors(self, obj):
        """Who submitted the content under review, and who edited it since."""
        state = getattr(obj, "current_workflow_state", None)
        if state is None:
            return set()
        edited = obj.revisions.filter(created_at__gte=state.created_at).values_list(
            "user_id", flat=True
        )
        return {state.requested_by_id, *edited}

    def user_can_approve(self, obj, user):
        if user.is_superuser:
            return True
        return self._user_in_groups(user) and user.pk not in self._authors(obj)

    def get_actions(self, obj, user):
        if not self.user_can_approve(obj, user):
            return []
        return super().get_actions(obj, user)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups, other than the submitter, can approve this task")

    class Meta:
        verbose_name = _("review by another person")
        verbose_name_plural = _("reviews by another person")
        permissions = [
            ("manage_translation_sync", _("Can stop or restart the sync of a translation")),
        ]
