"""The editorial process end to end: submit, reject, fix, publish, translate, review."""

import html

import pytest
from django.core import mail
from django.test import Client
from django.utils.translation import get_language_info
from wagtail.models import TaskState, WorkflowState
from wagtail_localize.models import Translation

from editorial.roles import COORDINATORS, OFFICERS, translators_group
from repository.models import ExperiencePage
from search.indexing import deliver
from search.params import SearchParams
from search.query import DatabaseSearch
from tests.fixtures import review, sign_in, submit_for_review

from .test_translation_review import form_action, write

pytestmark = pytest.mark.django_db


def test_from_submission_to_a_live_french_translation(django_capture_on_commit_callbacks):
    officer = sign_in("olga", OFFICERS)
    coordinator = sign_in("carlos", COORDINATORS)
    translator = sign_in("francoise", translators_group("fr"))
    reviewer = sign_in("fabien", translators_group("fr"))
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    edit = f"/admin/pages/{page.pk}/edit/"

    # The officer writes and submits; officers cannot publish.
    assert 'name="action-publish"' not in officer.get(edit).content.decode()
    first = "A revised summary from the communication office."
    submit_for_review(officer, page, {"summary": first})
    assert mail.outbox, "the coordinators are told a page awaits them"
    page.refresh_from_db()
    assert not page.has_unpublished_changes or page.summary != first  # not live yet

    # The coordinator asks for changes; the officer fixes and resubmits.
    review(coordinator, page, "reject", comment="Please cite the 2022 evaluation.")
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    submit_for_review(officer, page, {"summary": "A revised summary citing the 2022 evaluation."})

    # Approval publishes.
    with django_capture_on_commit_callbacks(execute=True):
        review(coordinator, page, "approve")
    page.refresh_from_db()
    assert page.live and page.summary == "A revised summary citing the 2022 evaluation."
    assert page.current_workflow_state is None

    # A French translator translates the new summary in the translation editor and submits
    # it for review...
    french, french_edit, _translation = submit_translation(
        translator, page, "fr", "Un résumé révisé qui cite l'évaluation de 2022."
    )
    assert french.get_workflow().name.startswith("Translation review")
    assert french.current_workflow_state is not None
    # ...which she cannot approve herself; a second translator does.
    assert "Approve and publish" not in translator.get(french_edit).content.decode()
    content = reviewer.get(french_edit).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(
            form_action(content, "Approve and publish"),
            {"comment": "", "next": french_edit},
            follow=True,
        )
    # He is told so, in his editor (Wagtail's own view redirected without a word).
    said = html.unescape(response.content.decode())
    assert f"“{french.title}” was approved and published." in said
    french.refresh_from_db()
    assert french.live and french.summary.startswith("Un résumé révisé")
    assert "Un résumé révisé" in Client().get(french.get_url()).content.decode()

    deliver()
    found = DatabaseSearch().search(SearchParams.from_query({"q": "évaluation"}, "fr"), "fr")
    assert french.pk in [hit.page_id for hit in found.hits]


def submit_translation(translator, page, code, summary):
    """The translator writes `summary` into the translation editor of `page` in language
    `code` and presses its "Submit ... for review": (the translated page, its editor's
    address, wagtail-localize's translation)."""
    translated = ExperiencePage.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    )
    edit = f"/admin/pages/{translated.pk}/edit/"
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )
    write(translator, translation, "summary", summary)
    content = translator.get(edit).content.decode()
    name = get_language_info(code)["name"]
    translator.post(form_action(content, f"Submit the {name} translation for review"))
    translated.refresh_from_db()
    return translated, edit, translation


def test_a_reviewer_who_edited_the_submission_cannot_approve_it():
    """Two people see a translation before it goes live: a reviewer who changes the words in
    the translation editor has become one of its authors, and a third translator approves."""
    translator = sign_in("tomas", translators_group("es"))
    reviewer = sign_in("rosa", translators_group("es"))
    other = sign_in("ines", translators_group("es"))
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    spanish, edit, translation = submit_translation(
        translator, page, "es", "Jóvenes que deciden una parte del presupuesto."
    )
    assert spanish.current_workflow_state is not None

    # The reviewer could approve as it stands; she changes a word instead.
    assert "Approve and publish" in reviewer.get(edit).content.decode()
    approve = form_action(other.get(edit).content.decode(), "Approve and publish")
    write(reviewer, translation, "summary", "Jóvenes que deciden una parte del presupuesto local.")

    content = reviewer.get(edit).content.decode()
    assert "Approve and publish" not in content
    reviewer.post(approve, {"comment": "", "next": edit})
    spanish.refresh_from_db()
    assert spanish.current_workflow_state is not None, "her approval was refused"
    assert "Approve and publish" in other.get(edit).content.decode()


def test_a_reviewer_who_requests_changes_is_told_and_the_translator_sees_the_comment():
    translator = sign_in("tomas", translators_group("es"))
    reviewer = sign_in("rosa", translators_group("es"))
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    spanish, edit, _translation = submit_translation(
        translator, page, "es", "Jóvenes que deciden una parte del presupuesto."
    )
    content = reviewer.get(edit).content.decode()
    response = reviewer.post(
        form_action(content, "Request changes"),
        {"comment": "Falta el año del primer ciclo.", "next": edit},
        follow=True,
    )
    assert f"Changes to “{spanish.title}” were requested." in html.unescape(
        response.content.decode()
    )
    spanish.refresh_from_db()
    assert spanish.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Falta el año del primer ciclo." in translator.get(edit).content.decode()


def test_a_translator_cannot_approve_her_own_submission_through_another_pages_address():
    """Wagtail's workflow action address names a page and a task: it checks the reviewer's
    actions on the page and acts on the task. A translator who may review tomas's translation
    must not approve her own by naming her task with his page."""
    tomas = sign_in("tomas", translators_group("es"))
    rosa = sign_in("rosa", translators_group("es"))
    hers, _her_edit, _translation = submit_translation(
        rosa, ExperiencePage.objects.get(slug="youth-participatory-budget"), "es", "Mi texto."
    )
    his, _his_edit, _translation = submit_translation(
        tomas,
        ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting"),
        "es",
        "Su texto.",
    )
    own_task = hers.current_workflow_state.current_task_state
    crafted = f"/admin/pages/workflow/action/{his.pk}/approve/{own_task.pk}/"
    assert "Approve and publish" in rosa.get(f"/admin/pages/{his.pk}/edit/").content.decode()
    response = rosa.post(crafted, {"comment": ""})
    own_task.refresh_from_db()
    assert own_task.status == TaskState.STATUS_IN_PROGRESS, "she approved her own submission"
    assert response.status_code == 403
    assert "Mi texto." not in Client().get(hers.get_url()).content.decode()
