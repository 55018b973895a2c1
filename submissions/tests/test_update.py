"""A member proposes an update to one of its experiences through a signed link, and the editor
compares it with the live version before accepting."""

import html
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import Locale, WorkflowState

from editorial.roles import COORDINATORS, EDITORIAL_WORKFLOW, translators_group
from network.models import MemberOrganisation
from repository.models import ExperienceCoAuthor, ExperienceOrganisation, ExperiencePage
from submissions.models import Submission, SubmissionKind
from tests.fixtures import post_form, sign_in

pytestmark = pytest.mark.django_db

CONTACT = "participacion@example.net"


@pytest.fixture
def experience():
    """A live experience naming a member whose contact is on record."""
    page = ExperiencePage.objects.live().filter(locale__language_code="en").first()
    member = MemberOrganisation.objects.filter(locale=page.locale).first()
    MemberOrganisation.objects.filter(pk=member.pk).update(contact_email=CONTACT)
    ExperienceOrganisation.objects.create(page=page, name=member.name, member=member)
    ExperienceCoAuthor.objects.create(
        page=page,
        name="Ana",
        organisation=member.name,
        confirmed_on="2020-01-01",
        locale=page.locale,
    )
    page.save_revision().publish()
    return ExperiencePage.objects.get(pk=page.pk)


def link_from(message):
    return re.search(r"https?://\S+", message.body).group(0).split("8000", 1)[1]


def test_a_member_updates_its_experience_and_the_editor_compares(experience):
    coordinator = sign_in("carla", COORDINATORS)
    visitor = Client()
    live = visitor.get(experience.url).content.decode()
    ask = f"/en/propose-an-update/{experience.pk}/"
    assert f'href="{ask}"' in live

    # An unknown address gets the same answer and no email.
    mail.outbox.clear()
    answer = visitor.post(ask, {"email": "someone@example.org", "homepage": ""})
    assert "If this address is on record" in answer.content.decode()
    assert mail.outbox == []
    visitor.post(ask, {"email": CONTACT.upper(), "homepage": ""})
    (message,) = mail.outbox
    assert message.to == [CONTACT]
    link = link_from(message)

    form = visitor.get(link)
    assert form.status_code == 200
    assert f'value="{experience.title}"' in form.content.decode()
    data = {
        "title": experience.title,
        "summary": "A new summary: the 2025 cycle reached every district.",
        "country": experience.country.code if experience.country_id else "",
        "city": experience.place,
        "start_year": experience.start_year or "",
        "ongoing": "on",
        "topics": [topic.slug for topic in experience.topics.all()],
        "contact_name": "Ana Private",
        "note": "The 2025 figures.",
        "homepage": "",
    }
    mail.outbox.clear()
    response = visitor.post(link, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    experience.refresh_from_db()
    submission = Submission.objects.get(kind=SubmissionKind.UPDATE)
    # Nothing changed for the public until an editor accepts it.
    assert "A new summary" not in visitor.get(experience.url).content.decode()
    assert experience.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(experience.pk), status="in_progress")
    notice = next(
        m
        for m in mail.outbox
        if submission.reference in m.subject and coordinator.user.email in m.to
    )
    compare = f"/admin/pages/{experience.pk}/revisions/compare/live...{submission.revision_id}/"
    assert compare in notice.body
    assert "proposed an update to one of its experiences" in notice.body
    assert "proposed an experience" not in notice.body
    diff = coordinator.get(compare).content.decode()
    assert "the 2025 cycle reached every district" in diff

    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[experience.pk, "approve", state.current_task_state.pk],
    )
    coordinator.post(approve, {})
    live = visitor.get(experience.url).content.decode()
    assert "A new summary: the 2025 cycle reached every district." in live
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"last confirmed on {today}." in live
    assert "Ana Private" not in live and CONTACT not in live


def test_a_forged_or_expired_link_is_refused(experience, settings):
    response = Client().get("/en/propose-an-update/edit/not-a-signed-token/")
    assert response.status_code == 400
    assert "This link no longer works" in response.content.decode()


def propose_through_the_link(visitor, page, email, **changes):
    """The member's contact asks for the link on the page, follows it from the email and
    sends the facts back with `changes`, as the form shows them."""
    mail.outbox.clear()
    with translation.override(page.locale.language_code):
        ask = reverse("propose_update_link", args=[page.pk])
    visitor.post(ask, {"email": email, "homepage": ""})
    (message,) = mail.outbox
    data = {
        "title": page.title,
        "summary": page.summary,
        "country": page.country.code if page.country_id else "",
        "city": page.place,
        "start_year": page.start_year or "",
        "ongoing": "on" if page.ongoing else "",
        "end_year": page.end_year or "",
        "topics": [topic.slug for topic in page.topics.all()],
        "mechanisms": [mechanism.slug for mechanism in page.mechanisms.all()],
        "contact_name": "Ana Private",
        "note": "The description is still right; one more topic.",
        "homepage": "",
        **changes,
    }
    mail.outbox.clear()
    response = visitor.post(link_from(message), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Submission.objects.get(kind=SubmissionKind.UPDATE, page=page), response["Location"]


def co_produced(content):
    found = re.search(r'<p class="co-produced">(.*?)</p>', content)
    return found and html.unescape(found.group(1))


def test_an_accepted_update_makes_the_member_a_confirmed_co_author_in_every_language(
    django_capture_on_commit_callbacks, subtests
):
    page = ExperiencePage.objects.get(
        slug="porto-alegre-participatory-budgeting", locale__language_code="en"
    )
    member = page.organisations.exclude(member=None).get().member
    assert not page.co_authors.exists()
    visitor = Client()
    topics = [topic.slug for topic in page.topics.all()]
    submission, _landing = propose_through_the_link(
        visitor, page, member.contact_email, topics=[*topics, "transparency"]
    )
    translations = list(page.get_translations().live().specific())
    assert {t.locale.language_code for t in translations} == {"fr", "es"}
    for copy in [page, *translations]:
        assert co_produced(visitor.get(copy.url).content.decode()) is None

    # The editor compares and accepts; the translations follow (a fact, no words to review).
    coordinator = sign_in("carla", COORDINATORS)
    compare = f"/admin/pages/{page.pk}/revisions/compare/live...{submission.revision_id}/"
    assert member.name in coordinator.get(compare).content.decode()
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(approve, {})

    today = timezone.localdate()
    names = set()
    for copy in [page, *translations]:
        language = copy.locale.language_code
        name = MemberOrganisation.objects.get(
            translation_key=member.translation_key, locale=copy.locale
        ).name
        names.add(name)
        with translation.override(language):
            expected = gettext("Co-produced with %(organisation)s, last confirmed on %(date)s.")
            expected %= {"organisation": name, "date": date_format(today, "DATE_FORMAT")}
        with subtests.test(language=language):
            content = visitor.get(copy.url).content.decode()
            assert co_produced(content) == expected
            assert "Ana Private" not in content and member.contact_email not in content
    assert len(names) == 3  # the member is named in each language's words


def test_after_an_update_the_landing_page_and_the_email_speak_of_it(experience):
    """In the visitor's language, with the way back to the experience rather than only an
    invitation to propose another one."""
    french = experience.get_translation(Locale.objects.get(language_code="fr"))
    visitor = Client()
    submission, landing = propose_through_the_link(visitor, french, CONTACT)
    content = visitor.get(landing).content.decode()
    with translation.override("fr"):
        heading = gettext("Update received")
        thanks = gettext("Thank you, your update to “%(title)s” was sent for review.") % {
            "title": french.title
        }
        back = gettext("Back to “%(title)s”") % {"title": french.title}
        another = gettext("Propose another experience")
        subject = gettext("Your update was received (%(reference)s)") % {
            "reference": submission.reference
        }
        thanks_by_email = gettext("Thank you for your update to “%(title)s”.") % {
            "title": french.title
        }
    assert landing.startswith("/fr/")
    assert f"<h1>{heading}</h1>" in content
    assert html.escape(thanks) in content and submission.reference in content
    assert f'<a href="{french.url}">{html.escape(back)}</a>' in content
    assert html.escape(another) not in content
    (confirmation,) = [message for message in mail.outbox if message.to == [CONTACT]]
    assert confirmation.subject == subject
    assert thanks_by_email in confirmation.body


def test_an_update_accepted_on_a_translation_confirms_the_member_in_every_language(
    django_capture_on_commit_callbacks, subtests
):
    """The member's contact reads the French page and proposes the update there: once accepted,
    the experience says it was co-produced with the member in every language, and still does
    after the English source is published again (translations follow their source)."""
    page = ExperiencePage.objects.get(
        slug="porto-alegre-participatory-budgeting", locale__language_code="en"
    )
    member = page.organisations.exclude(member=None).get().member
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    visitor = Client()
    submission, _landing = propose_through_the_link(visitor, french, member.contact_email)
    assert submission.language == "fr"

    coordinator = sign_in("carla", COORDINATORS)
    state = WorkflowState.objects.get(object_id=str(french.pk), status="in_progress")
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[french.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert coordinator.post(approve, {}).status_code == 302

    def check(moment):
        for copy in ExperiencePage.objects.filter(translation_key=page.translation_key):
            language = copy.locale.language_code
            name = MemberOrganisation.objects.get(
                translation_key=member.translation_key, locale=copy.locale
            ).name
            with translation.override(language):
                expected = gettext("Co-produced with %(organisation)s, last confirmed on %(date)s.")
                expected %= {
                    "organisation": name,
                    "date": date_format(timezone.localdate(), "DATE_FORMAT"),
                }
            with subtests.test(moment=moment, language=language):
                content = visitor.get(copy.url).content.decode()
                assert co_produced(content) == expected

    check("accepted")
    # An editor corrects a figure of the English page later; the translations follow it.
    with django_capture_on_commit_callbacks(execute=True):
        post_form(
            coordinator,
            f"/admin/pages/{page.pk}/edit/",
            {"population": str((page.population or 0) + 1000)},
            action="action-publish",
        )
    # The French copy was published again from its source (a figure, no words to review).
    assert ExperiencePage.objects.get(pk=french.pk).population == (page.population or 0) + 1000
    check("source published again")


def update_on_the_spanish_page():
    """The contact of Porto Alegre's member proposes a new summary on its Spanish page:
    (the member, the Spanish page, the submission)."""
    page = ExperiencePage.objects.get(
        slug="porto-alegre-participatory-budgeting", locale__language_code="en"
    )
    member = page.organisations.exclude(member=None).get().member
    spanish = page.get_translation(Locale.objects.get(language_code="es")).specific
    submission, _landing = propose_through_the_link(
        Client(), spanish, member.contact_email, summary="Un resumen nuevo del ciclo 2025."
    )
    return member, spanish, submission


def test_an_update_on_a_translation_goes_to_the_coordinators_whose_editor_page_opens():
    """The member's contact proposes the update on the Spanish page: the coordinators review it
    (not the translators, who cannot approve it), and the editor page opens for both."""
    _member, spanish, submission = update_on_the_spanish_page()
    state = WorkflowState.objects.get(object_id=str(spanish.pk), status="in_progress")
    assert state.workflow.name == EDITORIAL_WORKFLOW
    assert state.current_task_state.task.name == "Coordinator review"

    coordinator = sign_in("carla", COORDINATORS)
    translator = sign_in("sofia", translators_group("es"))
    edit = f"/admin/pages/{spanish.pk}/edit/"
    for client in (coordinator, translator):
        response = client.get(edit)
        assert response.status_code == 200, client.user.username
        assert submission.reference in response.content.decode()
    said = html.unescape(translator.get(edit).content.decode())
    assert "updates from the public are the coordinators' to accept" in said
    # Its date ends no sentence with a second full stop ("sent ... on 12/06/2026 1:42 p.m..").
    bar = html.unescape(coordinator.get(edit).content.decode())
    assert "m.. " not in bar and "m..\n" not in bar
    # The bar names what is reviewed: the public's words, not a translator's.
    assert "Review of a submission from the public" in bar
    assert "Review of the Spanish translation" not in bar

    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[spanish.pk, "approve", state.current_task_state.pk],
    )
    translator.post(approve, {})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Un resumen nuevo" not in Client().get(spanish.url).content.decode()
    coordinator.post(approve, {})
    assert "Un resumen nuevo del ciclo 2025." in Client().get(spanish.url).content.decode()


def test_the_coordinators_read_of_an_update_in_their_own_language():
    """A Spanish page's update: each coordinator reads both notices (ours and Wagtail's
    workflow email) in the language of their account, English when they chose none, and the
    page's language by its name."""
    carla = sign_in("carla", COORDINATORS)
    pierre = sign_in("pierre", COORDINATORS)
    account = {"name_email-first_name": "Pierre", "name_email-last_name": "Dupont"}
    post_form(pierre, "/admin/account/", {**account, "locale-preferred_language": "fr"})
    member, _spanish, submission = update_on_the_spanish_page()
    to_carla = {m.subject: m.body for m in mail.outbox if m.to == [carla.user.email]}
    to_pierre = {m.subject: m.body for m in mail.outbox if m.to == [pierre.user.email]}
    assert len(to_carla) == len(to_pierre) == 2
    carla_reads, pierre_reads = "\n".join(to_carla.values()), "\n".join(to_pierre.values())
    name = member.name
    assert f"{name} proposed an update to one of its experiences in Spanish." in carla_reads
    assert "has been submitted for approval" in carla_reads
    assert f"{name} a proposé une mise à jour de l’une de ses expériences en espagnol." in (
        pierre_reads
    )
    assert "a été soumise pour validation" in pierre_reads
    assert submission.reference in " ".join(to_pierre)
