"""An event says which members of the network host it and a report which ones wrote or published
it, as chosen on their edit forms: only members shown to the public, each linked to its profile
in the visitor's language, the same members on every translation. Communication officers, who
edit events and reports, choose them as coordinators do."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import WorkflowState

from editorial.roles import COORDINATORS, OFFICERS
from network.models import MemberDirectoryPage, MemberOrganisation
from network.tests.test_profile_publications import english, link, member
from publications.models import EventPage, ReportPage
from tests.fixtures import post_form, sign_in

pytestmark = pytest.mark.django_db


def credited(content, label):
    """The links of the facts row headed `label`: [(href, lang or None, text)], or None."""
    found = re.search(rf"<dt>{re.escape(html.escape(label))}</dt><dd>(.*?)</dd>", content, re.S)
    if found is None:
        return None
    return [
        (href, lang or None, html.unescape(text))
        for href, lang, text in re.findall(
            r'<a href="([^"]+)"(?: lang="(\w+)")?>([^<]*)</a>', found.group(1)
        )
    ]


def in_language(model, page, code):
    return model.objects.get(translation_key=page.translation_key, locale__language_code=code)


def profile(source, code):
    """The member's name and profile address in the language `code`."""
    named = MemberOrganisation.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )
    directory = MemberDirectoryPage.objects.get(locale__language_code=code)
    return directory.url + source.slug + "/", named.name


def test_events_and_reports_credit_their_public_members_in_every_language(subtests):
    carla = sign_in("carla", COORDINATORS)
    montevideo = member("montevideo-municipal-government")
    hidden = member("citizens-voice-association")  # no consent to publish
    conference = english(EventPage, "conference-2021")
    annual = english(ReportPage, "annual-report-2021")
    post_form(
        carla,
        f"/admin/pages/{conference.pk}/edit/",
        {
            "hosts-TOTAL_FORMS": "2",
            **{f"hosts-{i}-{name}": "" for i in (0, 1) for name in ("id", "DELETE")},
            "hosts-0-ORDER": "1",
            "hosts-0-member": str(montevideo.pk),
            "hosts-1-ORDER": "2",
            "hosts-1-member": str(hidden.pk),
        },
        action="action-publish",
    )
    link(carla, annual, "members", montevideo, role="publisher")

    visitor = Client()
    for code in ("en", "fr", "es"):
        expected = [profile(montevideo, code)]
        with translation.override(code):
            hosted_by, published_by = gettext("Hosted by"), gettext("Published by")
            written_by = gettext("Written by")
        with subtests.test(language=code):
            event = visitor.get(in_language(EventPage, conference, code).url).content.decode()
            assert [(href, text) for href, _lang, text in credited(event, hosted_by)] == expected
            assert hidden.name not in event
            report = visitor.get(in_language(ReportPage, annual, code).url).content.decode()
            assert [
                (href, text) for href, _lang, text in credited(report, published_by)
            ] == expected
            assert credited(report, written_by) is None  # Montevideo is its publisher only
            # Each link leads to the profile, in the same language.
            assert visitor.get(expected[0][0]).status_code == 200


def test_a_member_not_translated_is_named_in_its_own_language():
    carla = sign_in("carla", COORDINATORS)
    montevideo = member("montevideo-municipal-government")
    MemberOrganisation.objects.filter(
        translation_key=montevideo.translation_key, locale__language_code="es"
    ).delete()
    conference = english(EventPage, "conference-2021")
    link(carla, conference, "hosts", montevideo)
    with translation.override("es"):
        hosted_by = gettext("Hosted by")
    spanish = Client().get(in_language(EventPage, conference, "es").url).content.decode()
    directory = MemberDirectoryPage.objects.get(locale__language_code="es")
    assert credited(spanish, hosted_by) == [
        (f"{directory.url}{montevideo.slug}/", "en", montevideo.name)
    ]


def choose(client, page, relation, member, **fields):
    """Adds `member` to the page's inline list in its edit form and submits it for review."""
    post_form(
        client,
        f"/admin/pages/{page.pk}/edit/",
        {
            f"{relation}-TOTAL_FORMS": "1",
            f"{relation}-0-id": "",
            f"{relation}-0-ORDER": "1",
            f"{relation}-0-DELETE": "",
            f"{relation}-0-member": str(member.pk),
            **{f"{relation}-0-{name}": value for name, value in fields.items()},
        },
        action="action-submit",
    )


def test_communication_officers_choose_the_members_of_events_and_reports(subtests):
    """The role x action cells of choosing host and author members: officers and coordinators,
    who edit the English events and reports, find a member in the chooser and keep it in the
    page they submit; a coordinator's approval then shows it to the public."""
    montevideo = member("montevideo-municipal-government")
    cells = {
        "officer": (
            sign_in("olga", OFFICERS),
            english(EventPage, "conference-2021"),
            english(ReportPage, "annual-report-2021"),
        ),
        "coordinator": (
            sign_in("carla", COORDINATORS),
            english(EventPage, "gender-workshop-2021"),
            english(ReportPage, "collaboration-between-members"),
        ),
    }
    chooser = "/admin/snippets/choose/network/memberorganisation/?q=Montevideo"
    for role, (client, event, report) in cells.items():
        with subtests.test(role=role, action="member chooser"):
            listing = client.get(chooser)
            assert listing.status_code == 200
            assert html.escape(montevideo.name) in listing.content.decode()
        for page, relation, fields in (
            (event, "hosts", {}),
            (report, "members", {"role": "author"}),
        ):
            with subtests.test(role=role, action=f"choose {relation}", page=page.slug):
                choose(client, page, relation, montevideo, **fields)
                draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
                chosen = [link.member_id for link in getattr(draft, relation).all()]
                assert chosen == [montevideo.pk]

    # The officer's choice reaches the public once a coordinator approves it.
    coordinator, conference = cells["coordinator"][0], cells["officer"][1]
    state = WorkflowState.objects.get(object_id=str(conference.pk), status="in_progress")
    coordinator.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[conference.pk, "approve", state.current_task_state.pk],
        ),
        {},
    )
    content = Client().get(conference.url).content.decode()
    href, name = profile(montevideo, "en")
    assert credited(content, "Hosted by") == [(href, None, name)]
