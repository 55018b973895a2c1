"""The coordinator's "Sync translated pages" (wagtail-localize's update view) publishes nothing a
translator wrote: it writes drafts like the background sync (editorial/sync.py), and leaves a
translation under review to its reviewer. Driven with the POSTs the admin's pages send."""

import pytest
from django.test import Client
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from editorial.roles import COORDINATORS, translators_group
from repository.models import ExperiencePage
from tests.fixtures import sign_in

from .test_translation_review import form_action, write

pytestmark = pytest.mark.django_db


def a_live_french_experience():
    """A demo experience whose French translation is live and synced with its source."""
    translation = (
        Translation.objects.filter(
            enabled=True,
            target_locale__language_code="fr",
            source__specific_content_type__model="experiencepage",
        )
        .select_related("source")
        .first()
    )
    french = ExperiencePage.objects.get(
        translation_key=translation.source.object_id, locale=translation.target_locale
    )
    assert french.live
    source = french.get_translation(translation.source.locale)
    return source, french, translation


def sync(coordinator, source, translation, capture):
    """Page Actions -> "Sync translated pages": the form as the coordinator sees it, posted with
    "Publish immediately" ticked as a browser would if the box were there."""
    url = f"/admin/localize/update/{translation.source_id}/"
    page = coordinator.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    with capture(execute=True):
        response = coordinator.post(url, {"publish_translations": "on"})
    assert response.status_code == 302, response.status_code
    return content


def test_a_sync_publishes_no_unsubmitted_translation(django_capture_on_commit_callbacks):
    carla = sign_in("carla", COORDINATORS)
    francoise = sign_in("francoise", translators_group("fr"))
    source, french, translation = a_live_french_experience()
    french_url = french.get_url()
    before = Client().get(french_url).content.decode()
    assert french.title in before

    write(francoise, translation, "title", "Titre BROUILLON NON SOUMIS")  # saved, not submitted
    form = sync(carla, source, translation, django_capture_on_commit_callbacks)

    assert 'name="publish_translations"' not in form, "no choice to publish unreviewed words"
    assert "Publish immediately" not in form
    after = Client().get(french_url).content.decode()
    assert "BROUILLON NON SOUMIS" not in after
    assert french.title in after
    french.refresh_from_db()
    assert french.live and french.title != "Titre BROUILLON NON SOUMIS"


def test_a_sync_leaves_a_translation_under_review_to_its_reviewer(
    django_capture_on_commit_callbacks,
):
    carla = sign_in("carla", COORDINATORS)
    francoise = sign_in("francoise", translators_group("fr"))
    fabien = sign_in("fabien", translators_group("fr"))
    source, french, translation = a_live_french_experience()
    french_url = french.get_url()
    edit = f"/admin/pages/{french.pk}/edit/"

    write(francoise, translation, "title", "Titre EN REVUE")
    response = francoise.post(
        form_action(francoise.get(edit).content.decode(), "Submit the French"), follow=True
    )
    assert "was submitted for review" in response.content.decode()
    sync(carla, source, translation, django_capture_on_commit_callbacks)

    assert "EN REVUE" not in Client().get(french_url).content.decode()
    french.refresh_from_db()
    assert french.current_workflow_state is not None
    assert french.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # The reviewer still approves what was submitted, and only then it is live.
    content = fabien.get(edit).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        fabien.post(form_action(content, "Approve and publish"), {"comment": "", "next": edit})
    assert "Titre EN REVUE" in Client().get(french_url).content.decode()
