"""A French local government proposes an experience in Chromium: first with a file that is not
what it claims, then with a real PDF."""

import re

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from repository.models import ExperiencePage
from submissions.models import Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FAKE_PDF = b"MZ\x90\x00 not a document at all"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_a_visitor_proposes_an_experience_in_french(demo_live, live_server, browser):
    mail.outbox.clear()
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/proposer-une-experience/")
    assert page.get_by_role("heading", level=1).inner_text() == "Proposer une expérience"

    page.get_by_label("Nom de l’expérience").fill("Conseils de quartier de Lyon")
    page.locator("#id_summary").fill("Les habitants de chaque quartier proposent et votent.")
    page.locator("#id_country").select_option("FR")
    page.locator("#id_city").fill("Lyon")
    page.locator("#id_start_year").fill("2016")
    page.locator("input[name=topics][value=participatory-budgeting]").check()
    page.locator("#id_organisation").fill("Ville de Lyon")
    page.get_by_label("Votre nom").fill("Camille Confidentielle")
    page.get_by_label("Votre adresse e-mail").fill("camille.privee@example.net")
    page.locator("#id_consent").check()
    page.locator("#id_files").set_input_files(
        {"name": "bilan.pdf", "mimeType": "application/pdf", "buffer": FAKE_PDF}
    )
    page.get_by_role("button", name="Envoyer la proposition").click()

    # Refused in French, with everything typed still there.
    page.get_by_role("alert").wait_for()
    assert "« bilan.pdf » n’est pas vraiment un fichier PDF." in page.content()
    assert page.get_by_label("Nom de l’expérience").input_value() == "Conseils de quartier de Lyon"
    assert page.locator("#id_country").input_value() == "FR"
    assert page.locator("input[name=topics][value=participatory-budgeting]").is_checked()
    assert page.get_by_label("Votre adresse e-mail").input_value() == "camille.privee@example.net"
    assert page.locator("#id_consent").is_checked()
    assert not Submission.objects.exists()

    # The real report this time.
    page.locator("#id_files").set_input_files(
        {"name": "bilan.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Envoyer la proposition").click()
    page.wait_for_url(re.compile(r"/fr/proposer-une-experience/envoyee/$"))
    submission = Submission.objects.get()
    assert submission.reference in page.get_by_role("status").inner_text()

    draft = ExperiencePage.objects.get(pk=submission.page_id)
    assert not draft.live and draft.locale.language_code == "fr"
    assert draft.get_parent().url_path.endswith("/experiences/")
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [f.file.name.rsplit("/", 1)[-1] for f in submission.files.all()] == ["bilan.pdf"]
    confirmation = next(m for m in mail.outbox if m.to == ["camille.privee@example.net"])
    assert f"Votre référence est {submission.reference}" in confirmation.body

    # Nobody outside the admin sees the draft or the contact.
    visitor = context.new_page()
    response = visitor.goto(f"{live_server.url}/fr/experiences/{draft.slug}/")
    assert response.status == 404
    visitor.goto(f"{live_server.url}/fr/search/?q=Lyon")
    assert "Conseils de quartier de Lyon" not in visitor.content()
    assert "Confidentielle" not in visitor.content()
    context.close()
