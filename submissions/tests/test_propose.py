"""Proposing an experience as a visitor meets it: the form in each language, the POST a browser
sends, and what editors, the submitter and the public then see."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import WorkflowState

from editorial.roles import COORDINATORS, EDITORIAL_WORKFLOW, translators_group
from repository.models import ExperiencePage
from search.indexing import deliver
from submissions.models import Submission
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
SECRETS = ("Secretcontact", "kadri.private", "555 0199")
ADDRESSES = {
    "en": "/en/propose-an-experience/",
    "fr": "/fr/proposer-une-experience/",
    "es": "/es/proponer-una-experiencia/",
}


def proposal(**changes):
    data = {
        "title": "Neighbourhood assemblies of Tartu",
        "summary": "Residents of each district decide together how to use a part of the budget.",
        "description": "It started in 2013.\n\nEvery year, ideas are voted on.",
        "country": "EE",
        "city": "Tartu",
        "start_year": "2013",
        "ongoing": "on",
        "end_year": "",
        "topics": ["participatory-budgeting"],
        "mechanisms": [],
        "organisation": "Tartu City Government",
        "organisation_website": "https://www.tartu.ee",
        "links": "https://www.tartu.ee/en/participatory-budgeting",
        "contact_name": "Kadri Secretcontact",
        "contact_email": "kadri.private@example.net",
        "contact_phone": "+372 555 0199",
        "consent": "on",
        "homepage": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client, language, data, files=()):
    with translation.override(language):
        url = reverse("propose_experience")
    return client.post(url, {**data, "files": list(files)})


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_form_has_a_translated_address_and_is_never_cached(client, language):
    with translation.override(language):
        assert reverse("propose_experience") == ADDRESSES[language]
    response = client.get(ADDRESSES[language])
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert b'name="csrfmiddlewaretoken"' in response.content
    assert f'lang="{language}"'.encode() in response.content


def test_a_proposal_becomes_a_draft_in_the_workflow_with_emails():
    coordinator = sign_in("coordinator", "Coordinators")
    mail.outbox.clear()
    client = Client()
    response = post(client, "en", proposal(), [SimpleUploadedFile("report.pdf", PDF)])
    assert response.status_code == 302, response.content.decode()[:3000]
    submission = Submission.objects.get()
    page = ExperiencePage.objects.get(pk=submission.page_id)
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().specific_class.__name__ == "ExperienceIndexPage"
    assert page.locale.language_code == "en"
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert submission.files.count() == 1
    # The sent page shows the reference, and both emails went out.
    sent = client.get(response["Location"])
    assert submission.reference in sent.content.decode()
    to_submitter = [m for m in mail.outbox if m.to == ["kadri.private@example.net"]]
    assert len(to_submitter) == 1 and submission.reference in to_submitter[0].body
    to_coordinators = [
        m
        for m in mail.outbox
        if coordinator.user.email in m.to and submission.reference in m.subject
    ]
    assert to_coordinators
    assert f"http://127.0.0.1:8000/admin/pages/{page.pk}/edit/" in to_coordinators[-1].body
    # Coordinators download the file from the submission; an officer cannot.
    record = coordinator.get(f"/admin/snippets/submissions/submission/edit/{submission.pk}/")
    assert "kadri.private@example.net" in record.content.decode()
    (attached,) = submission.files.all()
    download = coordinator.get(f"/admin/submissions/files/{attached.pk}/")
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    officer = sign_in("olga", "Communication officers")
    assert officer.get(f"/admin/submissions/files/{attached.pk}/").status_code in (302, 403)
    # The contact is in no page, preview included.
    preview = coordinator.get(f"/admin/pages/{page.pk}/revisions/{submission.revision_id}/view/")
    assert preview.status_code == 200 and "Tartu City Government" in preview.content.decode()
    for secret in SECRETS:
        assert secret not in preview.content.decode()

    # A coordinator approves: the page is live, says who co-produced it, and the contact is
    # on no public surface.
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )
    assert coordinator.post(approve, {}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    deliver()
    reader = Client()
    live = reader.get(page.url).content.decode()
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"Co-produced with Tartu City Government, last confirmed on {today}." in live
    surfaces = {
        "page": live,
        "api": reader.get(f"/api/v2/pages/{page.pk}/").content.decode(),
        "api search": reader.get("/api/v2/pages/", {"search": "Tartu"}).content.decode(),
        "search": reader.get("/en/search/", {"q": "Tartu"}).content.decode(),
        "search api": reader.get("/en/search/api/", {"q": "Tartu"}).content.decode(),
        "csv": b"".join(reader.get("/en/experiences/export/csv/").streaming_content).decode(),
        "json": b"".join(reader.get("/en/experiences/export/json/").streaming_content).decode(),
    }
    assert "Tartu City Government" in surfaces["csv"]
    assert "Neighbourhood assemblies of Tartu" in surfaces["search"]
    for surface, text in surfaces.items():
        for secret in SECRETS:
            assert secret not in text, surface


def test_the_confirmation_is_in_the_submitters_language():
    mail.outbox.clear()
    response = post(Client(), "es", proposal(topics=[]))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.language == "es"
    confirmation = next(m for m in mail.outbox if m.to == ["kadri.private@example.net"])
    assert "referencia" in confirmation.body.lower(), confirmation.body


@pytest.mark.parametrize(
    "language,expected",
    [("fr", "n’est pas vraiment un fichier PDF"), ("es", "no es realmente un archivo PDF")],
)
def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_typed_is_lost(language, expected):
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 an executable", "application/pdf")
    response = post(Client(), language, proposal(), [fake])
    assert response.status_code == 400
    body = response.content.decode()
    assert expected in body
    assert 'value="Neighbourhood assemblies of Tartu"' in body
    assert "kadri.private@example.net" in body
    assert (
        not Submission.objects.exists()
        and not ExperiencePage.objects.filter(title__startswith="Neighbourhood assemblies").exists()
    )


def test_a_file_over_the_limit_is_refused_while_it_streams(settings):
    settings.PUBLIC_FORM_MAX_FILE_BYTES = 100 * 1024
    big = SimpleUploadedFile("photo.png", PNG + b"\0" * 200 * 1024, "image/png")
    response = post(Client(), "fr", proposal(), [big])
    assert response.status_code == 400
    body = response.content.decode()
    assert re.search(r"photo\.png.{0,20} dépasse 100", body), body[-3000:]
    assert 'value="Tartu City Government"' in body
    assert not Submission.objects.exists()


def test_a_type_not_offered_is_refused():
    script = SimpleUploadedFile("tool.exe", b"MZ", "application/octet-stream")
    response = post(Client(), "es", proposal(), [script])
    assert response.status_code == 400
    assert "no es un archivo PDF, JPEG, PNG, GIF o WebP" in response.content.decode()


def test_the_honeypot_refuses_robots_in_the_visitors_language():
    response = post(Client(), "fr", proposal(homepage="http://spam.example"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Ce formulaire a été rempli" in body
    assert "Neighbourhood assemblies of Tartu" in body
    assert not Submission.objects.exists()


def test_the_rate_limit_counts_per_address(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    client = Client(REMOTE_ADDR="203.0.113.9")
    for number in range(2):
        assert post(client, "es", proposal(title=f"Experience {number}")).status_code == 302
    refused = post(client, "es", proposal(title="Third one"))
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "Se enviaron demasiados formularios" in body
    assert 'value="Third one"' in body
    # Another address is not held back by this one.
    other = Client(REMOTE_ADDR="198.51.100.4")
    assert post(other, "es", proposal(title="From elsewhere")).status_code == 302
    assert Submission.objects.count() == 3


def test_a_visitor_cannot_publish_by_adding_fields():
    response = post(Client(), "en", proposal(**{"action-publish": "on", "live": "on"}))
    assert response.status_code == 302
    page = Submission.objects.get().page
    page.refresh_from_db()
    assert not page.live
    assert (
        Client().get(page.url or "/en/experiences/neighbourhood-assemblies-of-tartu/").status_code
        == 404
    )


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_proposal_in_any_language_waits_for_a_coordinator_not_a_translator(language):
    """The translators review translations; a stranger's proposal is the coordinators' to
    accept, whatever the language it came in."""
    response = post(Client(), language, proposal())
    assert response.status_code == 302
    page = Submission.objects.get().page
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    assert state.workflow.name == EDITORIAL_WORKFLOW
    assert state.current_task_state.task.name == "Coordinator review"
    translator = sign_in("fabien", translators_group(language))
    edit = translator.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code in (200, 302, 403)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )
    translator.post(approve, {})
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live and state.status == WorkflowState.STATUS_IN_PROGRESS
    coordinator = sign_in("carla", COORDINATORS)
    assert coordinator.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    coordinator.post(approve, {})
    page.refresh_from_db()
    assert page.live


def test_refused_posts_do_not_count_against_the_rate_limit(settings):
    """A visitor who corrects the form twice still sends their proposals."""
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    client = Client(REMOTE_ADDR="203.0.113.10")
    for _attempt in range(3):
        assert post(client, "fr", proposal(title="")).status_code == 400
    for number in range(2):
        assert post(client, "fr", proposal(title=f"Experience {number}")).status_code == 302
    assert post(client, "fr", proposal(title="One too many")).status_code == 429
