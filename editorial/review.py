"""The review of a translation, reached from wagtail-localize's translation editor.

wagtail-localize's editor offers "Publish" to those who may publish and nothing else: its own
POSTs start no workflow. Translators hold no publish right (editorial/roles.py), so the review
bar (templates/wagtail_localize/admin/edit_translation.html) gives them "Submit for review",
which saves the translated strings as a draft revision and starts the page's workflow (or
resumes it after changes were asked for), as Wagtail's own page editor does for an officer.
Reviewers approve or ask for changes in the same bar, through Wagtail's workflow action view."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from core.localize import save_draft


@dataclass
class Review:
    """What the review bar shows one person for one translated page."""

    page: Page
    state: WorkflowState | None  # the workflow in progress or waiting for changes
    can_submit: bool  # start it, or send it back after changes
    actions: list  # [(action name, label, whether it takes a comment)] for a reviewer
    task_state: TaskState | None
    changes_requested: TaskState | None  # the reviewer's refusal and its comment

    @property
    def live(self):
        return self.page.live

    @property
    def awaiting_review(self):
        return self.state is not None and self.state.status == WorkflowState.STATUS_IN_PROGRESS

    def action_url(self, name):
        return reverse("editorial_page_review", args=[self.page.pk, name, self.task_state.pk])

    @property
    def approve_url(self):
        return self.action_url("approve")

    @property
    def reject_url(self):
        return self.action_url("reject")

    @property
    def may_approve(self):
        return any(name == "approve" for name, _label, _modal in self.actions)

    @property
    def may_reject(self):
        return any(name == "reject" for name, _label, _modal in self.actions)

    @property
    def preview_url(self):
        return reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[self.page.pk, self.task_state.task_id],
        )


def review_for(page, user):
    """The review bar of `page` for `user`; None when the page goes through no workflow."""
    page = page.specific
    workflow = page.get_workflow()
    if workflow is None:
        return None
    state = page.current_workflow_state  # in progress or needs changes, else None
    perms = page.permissions_for_user(user)
    may_edit = perms.can_edit() and not perms.page_locked()
    task_state = state.current_task_state.specific if state and state.current_task_state else None
    actions = []
    refusal = None
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS and task_state:
        actions = task_state.task.specific.get_actions(page, user)
    elif state is not None:
        refusal = changes_requested(state)
    return Review(
        page=page,
        state=state,
        can_submit=may_edit
        and (state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES),
        actions=actions,
        task_state=task_state,
        changes_requested=refusal,
    )


def changes_requested(state):
    """The reviewer's request for changes (with its comment) that stopped this workflow."""
    return (
        state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )


class NotSubmitted(Exception):
    """The translation could not be saved as a draft: the reason is the message."""


@transaction.atomic
def submit(translation, user):
    """Save the translated strings as a draft of the page and send it to review."""
    page = translation.get_target_instance().specific
    review = review_for(page, user)
    if review is None or not review.can_submit:
        raise PermissionError
    try:
        save_draft(translation, user)
    except ValidationError as error:
        raise NotSubmitted(" ".join(error.messages)) from error
    page.refresh_from_db()
    if review.state is not None:
        review.state.resume(user)  # back to the reviewer who asked for changes
    else:
        page.get_workflow().start(page, user)
    return page
