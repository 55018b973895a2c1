"""Workflow steps of the observatory's editorial process."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask
from wagtail_localize.models import StringTranslation


def translated_since(object_id, locale, moment):
    """Who changed the translated words of `object_id` (a translation key) in `locale` since
    `moment`: in the translation editor a change is a string, not a revision."""
    return set(
        StringTranslation.objects.filter(
            locale=locale, context__object_id=object_id, updated_at__gte=moment
        )
        .exclude(last_translated_by=None)
        .values_list("last_translated_by_id", flat=True)
    )


class ReviewByAnotherTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups other than the person who submitted.

    A translator's work is reviewed by a second translator of the language or a coordinator:
    belonging to the reviewing group is not enough to approve one's own submission."""

    def _authors(self, obj):
        """Who submitted the content under review, and who edited it since: in the page's
        editor (a revision) or, for a translation, in the translation editor (its words)."""
        state = getattr(obj, "current_workflow_state", None)
        if state is None:
            return set()
        edited = obj.revisions.filter(created_at__gte=state.created_at).values_list(
            "user_id", flat=True
        )
        worded = translated_since(obj.translation_key, obj.locale_id, state.created_at)
        return {state.requested_by_id, *edited, *worded}

    def user_can_approve(self, obj, user):
        if user.is_superuser:
            return True
        return self._user_in_groups(user) and user.pk not in self._authors(obj)

    def get_actions(self, obj, user):
        if not self.user_can_approve(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # Wagtail's workflow action view checks the actions against the page in its address
        # and acts on the task in it: a reviewer of one page could approve her own submission
        # by naming its task with that page. Asked again of the object under review.
        under_review = task_state.workflow_state.content_object
        if action_name not in {name for name, *_rest in self.get_actions(under_review, user)}:
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups, other than the submitter, can approve this task")

    class Meta:
        verbose_name = _("review by another person")
        verbose_name_plural = _("reviews by another person")
        permissions = [
            ("manage_translation_sync", _("Can stop or restart the sync of a translation")),
        ]


class SnippetTranslationReview(models.Model):
    """One submission of a translated snippet (a term, a legal framework's title) for review.

    Snippets have no drafts: wagtail-localize writes translated words straight into the row
    visitors read. Until a reviewer approves, the words stay in wagtail-localize's string
    translations; approval writes and publishes them (editorial/snippet_review.py)."""

    AWAITING_REVIEW = "awaiting_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    STATUSES = [
        (AWAITING_REVIEW, _("Awaiting review")),
        (CHANGES_REQUESTED, _("Changes requested")),
        (APPROVED, _("Approved")),
    ]

    translation = models.ForeignKey(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="snippet_reviews"
    )
    status = models.CharField(max_length=20, choices=STATUSES, default=AWAITING_REVIEW)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("snippet translation review")
        verbose_name_plural = _("snippet translation reviews")

    def __str__(self):
        return f"{self.translation} ({self.get_status_display()})"
