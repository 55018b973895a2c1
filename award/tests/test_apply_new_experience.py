"""While the call is open, a member's contact applies to the award with an experience the
repository does not hold yet: they describe it in the application form, it becomes a draft in
the submissions area (the editorial workflow, a private record, the usual emails), and the
candidacy links to it. The coordinator accepts the candidacy once editors published it."""

import html

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from award.models import Candidacy, Stage
from award.tests.test_award import open_edition, rows
from editorial.roles import COORDINATORS, MEMBER_CONTACTS
from network.models import MemberOrganisation
from repository.models import ExperiencePage
from submissions.models import Submission, SubmissionKind
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db

TITLE = "Neighbourhood climate assemblies of Porto Alegre"


def application(edition, member, **changes):
    """The form as the contact fills it to describe a new experience."""
    return {
        "edition": edition.pk,
        "member": member.pk,
        "source": "new",
        "experience": "",
        "category": edition.categories.first().pk,
        "statement": "Every district drew lots for its climate assembly.",
        "new-title": TITLE,
        "new-summary": "Residents drawn by lot in each district propose climate measures.",
        "new-description": "Seventeen assemblies met in 2024.\n\nTheir proposals are funded.",
        "new-country": "BR",
        "new-city": "Porto Alegre",
        "new-start_year": "2024",
        "new-ongoing": "on",
        "new-end_year": "",
        "new-topics": ["climate"],
        "new-mechanisms": [],
        "new-consent": "on",
        **changes,
    }


def test_a_member_applies_with_a_new_experience_that_editors_review_first():
    edition = open_edition()
    assert edition.call_is_open
    member = MemberOrganisation.objects.get(
        slug="porto-alegre-city-council", locale__language_code="en"
    )
    coordinator = sign_in("carla", COORDINATORS)
    contact = sign_in(member.contact_email.split("@")[0], MEMBER_CONTACTS)
    form = contact.get("/admin/award/apply/").content.decode()
    assert 'name="new-title"' in form and 'value="new"' in form

    # Mistakes are explained and nothing typed is lost; nothing is created.
    cases = {
        "no summary, no consent": (
            application(edition, member, **{"new-summary": "", "new-consent": ""}),
            ["This field is required.", "Without this agreement we cannot publish it."],
        ),
        "both an experience and a new one": (
            application(
                edition,
                member,
                experience=ExperiencePage.objects.get(
                    slug="porto-alegre-participatory-budgeting", locale__language_code="en"
                ).pk,
            ),
            ["Choose one of the member&#x27;s experiences or describe a new one, not both."],
        ),
        "neither": (
            application(edition, member, source="existing"),
            ["Choose one of the member&#x27;s experiences."],
        ),
    }
    for case, (data, messages) in cases.items():
        response = contact.post("/admin/award/apply/", data)
        content = response.content.decode()
        assert response.status_code == 200, case
        for message in messages:
            assert message in content, (case, message)
        assert f'value="{TITLE}"' in content, case
        assert not ExperiencePage.objects.filter(title=TITLE).exists(), case

    mail.outbox.clear()
    response = contact.post("/admin/award/apply/", application(edition, member))
    assert response["Location"] == "/admin/award/mine/"
    page = ExperiencePage.objects.get(title=TITLE)
    candidacy = Candidacy.objects.get(edition=edition, experience=page)
    assert (candidacy.member, candidacy.applicant, candidacy.stage) == (
        member,
        contact.user,
        Stage.SUBMITTED,
    )
    # A draft in the submissions area, in the workflow, the member named and confirming it.
    assert not page.live and page.locale == member.locale
    assert page.get_parent().specific_class.__name__ == "ExperienceIndexPage"
    assert [o.member for o in page.organisations.all()] == [member]
    assert [a.member for a in page.co_authors.all()] == [member]
    assert [topic.slug for topic in page.topics.all()] == ["climate"]
    assert WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").exists()
    submission = Submission.objects.get(page=page)
    assert submission.kind == SubmissionKind.NEW
    assert submission.contact_email == contact.user.email and submission.consent_to_publish
    assert {tuple(m.to) for m in mail.outbox} == {
        (contact.user.email,),
        (coordinator.user.email,),
    }
    assert TITLE in rows(contact.get("/admin/award/mine/"))
    assert Client().get(page.url).status_code == 404  # a draft, not public yet

    # The coordinator opens the draft from the check; accepting waits for its publication.
    check = f"/admin/award/candidacies/{candidacy.pk}/"
    content = coordinator.get(check).content.decode()
    assert f'href="/admin/pages/{page.pk}/edit/"' in content
    refused = coordinator.post(check, {"decision": "accepted"}).content.decode()
    assert html.escape("The experience is still a draft") in refused
    candidacy.refresh_from_db()
    assert candidacy.stage == Stage.SUBMITTED
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    coordinator.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {},
    )
    page.refresh_from_db()
    assert page.live
    coordinator.post(check, {"decision": "accepted"})
    candidacy.refresh_from_db()
    assert candidacy.stage == Stage.ACCEPTED
    assert TITLE in Client().get(page.url).content.decode()


def test_the_terms_of_a_new_experience_are_marked_english_on_a_spanish_admin_page():
    """A new experience is written in the repository's source language, so the form offers the
    English terms; on a Spanish admin page they read as untranslated Spanish unless marked."""
    from taxonomy.models import Mechanism, Topic
    from tests.test_page_language import VisibleText

    open_edition()
    member = MemberOrganisation.objects.get(
        slug="porto-alegre-city-council", locale__language_code="en"
    )
    contact = sign_in(member.contact_email.split("@")[0], MEMBER_CONTACTS)
    response = contact.get("/admin/award/apply/", HTTP_ACCEPT_LANGUAGE="es")
    parser = VisibleText("es")
    parser.feed(response.content.decode())
    languages = {}
    for text, language in parser.found:
        languages.setdefault(text, set()).add(language)
    assert languages["Temas"] == {"es"}
    for model in (Topic, Mechanism):
        for term in model.objects.filter(locale__language_code="en"):
            with_lang = languages.get(term.name)
            assert with_lang == {"en"}, (term.name, with_lang)
