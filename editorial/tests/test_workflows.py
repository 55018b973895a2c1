"""The editorial process end to end: submit, reject, fix, publish, translate, review."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import WorkflowState

from editorial.roles import COORDINATORS, OFFICERS, translators_group
from repository.models import ExperiencePage
from search.indexing import deliver
from search.params import SearchParams
from search.query import DatabaseSearch

pytestmark = pytest.mark.django_db


def person(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def act(page, user, action, **kwargs):
    state = page.current_workflow_state
    task = state.current_task_state.task.specific
    assert action in [name for name, _label, _modal in task.get_actions(page, user)]
    task.on_action(state.current_task_state, user, action, **kwargs)


def test_from_submission_to_a_live_french_translation():
    officer = person("olga", OFFICERS)
    coordinator = person("carlos", COORDINATORS)
    translator = person("francoise", translators_group("fr"))
    reviewer = person("fabien", translators_group("fr"))
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")

    # The officer writes and submits; officers cannot publish.
    assert not page.permissions_for_user(officer).can_publish()
    page.summary = "A revised summary from the communication office."
    revision = page.save_revision(user=officer)
    page.get_workflow().start(page, officer)
    assert mail.outbox, "the coordinators are told a page awaits them"

    # The coordinator asks for changes; the officer fixes and resubmits.
    act(page, coordinator, "reject", comment="Please cite the 2022 evaluation.")
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.summary = "A revised summary citing the 2022 evaluation."
    page.save_revision(user=officer)
    page.current_workflow_state.resume(officer)

    # Approval publishes.
    page.refresh_from_db()
    act(page, coordinator, "approve")
    page.refresh_from_db()
    assert page.live and page.summary == "A revised summary citing the 2022 evaluation."
    assert page.live_revision_id != revision.pk

    # A French translator updates the French page and submits it for review...
    french = ExperiencePage.objects.get(
        translation_key=page.translation_key, locale__language_code="fr"
    )
    french.summary = "Un résumé révisé qui cite l'évaluation de 2022."
    french.save_revision(user=translator)
    workflow = french.get_workflow()
    assert workflow.name.startswith("Translation review")
    workflow.start(french, translator)
    french.refresh_from_db()
    # ...which she cannot approve herself; a second translator does.
    task = french.current_workflow_state.current_task_state.task.specific
    assert task.get_actions(french, translator) == []
    act(french, reviewer, "approve")
    french.refresh_from_db()
    assert french.live and french.summary.startswith("Un résumé révisé")

    deliver()
    found = DatabaseSearch().search(SearchParams.from_query({"q": "évaluation"}, "fr"), "fr")
    assert french.pk in [hit.page_id for hit in found.hits]


def test_a_reviewer_who_edited_the_submission_cannot_approve_it():
    translator = person("tomas", translators_group("es"))
    reviewer = person("rosa", translators_group("es"))
    other = person("ines", translators_group("es"))
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    spanish = ExperiencePage.objects.get(
        translation_key=page.translation_key, locale__language_code="es"
    )
    spanish.save_revision(user=translator)
    spanish.get_workflow().start(spanish, translator)
    spanish.refresh_from_db()
    spanish.summary = "Una frase cambiada por la revisora."
    spanish.save_revision(user=reviewer)
    spanish.refresh_from_db()
    task = spanish.current_workflow_state.current_task_state.task.specific
    assert task.get_actions(spanish, reviewer) == []
    assert task.get_actions(spanish, other) != []
