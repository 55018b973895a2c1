"""A review is decided once, by the person who clicks: not twice by a double submission or a
stale tab, and never by the editor's autosave, which posts the whole form, hidden action
fields included, while the real submission is on its way (CI saw a 500 and a draft left behind
an approval)."""

import json

import pytest
from django.contrib.messages import get_messages

from editorial.roles import COORDINATORS, OFFICERS
from repository.models import ExperiencePage
from tests.fixtures import admin_form_fields, sign_in

pytestmark = pytest.mark.django_db

SUMMARY = "Assemblies in every district now decide a share of the budget."


def form(client, url, **changes):
    """The edit form's fields as the browser would post them, with `changes`."""
    data = admin_form_fields(client.get(url).content.decode())
    data.update({name: [value] for name, value in changes.items()})
    return data


@pytest.fixture
def submitted():
    """An experience an officer changed and submitted for review, through the editor."""
    officer = sign_in("olga-decides", OFFICERS)
    page = ExperiencePage.objects.get(
        slug="porto-alegre-participatory-budgeting", locale__language_code="en"
    )
    edit = f"/admin/pages/{page.pk}/edit/"
    response = officer.post(edit, form(officer, edit, summary=SUMMARY, **{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    return page, edit


def approval(client, edit):
    # What the "Approve and Publish" button adds to the form before submitting it.
    return form(
        client, edit, **{"action-workflow-action": "true", "workflow-action-name": "approve"}
    )


def test_an_approval_posted_twice_publishes_once_and_leaves_no_draft(submitted):
    page, edit = submitted
    coordinator = sign_in("carla-decides", COORDINATORS)
    data = approval(coordinator, edit)
    assert coordinator.post(edit, data).status_code == 302
    page.refresh_from_db()
    assert page.live and page.summary == SUMMARY and not page.has_unpublished_changes
    revisions = page.revisions.count()

    again = coordinator.post(edit, data)  # a double click, or the same form in another tab
    assert again.status_code == 302 and again["Location"] == edit
    notes = [str(message) for message in get_messages(again.wsgi_request)]
    assert any("review of this page has already ended" in note for note in notes), notes
    page.refresh_from_db()
    assert not page.has_unpublished_changes and page.revisions.count() == revisions


def test_an_autosave_never_decides_a_review(submitted):
    page, edit = submitted
    coordinator = sign_in("carlos-decides", COORDINATORS)
    data = approval(coordinator, edit)
    revisions = page.revisions.count()

    autosave = coordinator.post(edit, data, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 400
    assert json.loads(autosave.content)["success"] is False
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    assert page.revisions.count() == revisions

    # The submission itself decides.
    assert coordinator.post(edit, data).status_code == 302
    page.refresh_from_db()
    assert page.live and page.summary == SUMMARY and not page.has_unpublished_changes
