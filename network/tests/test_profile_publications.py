"""A member's profile lists the events it hosted and the reports it wrote or published, as a
coordinator links them on the event's and the report's edit forms: only live public pages, each
once and in the visitor's language where translated, and nothing of a member not shown."""

import html
import re

import pytest
from django.test import Client
from wagtail.models import Locale

from editorial.roles import COORDINATORS
from network.models import MemberOrganisation
from publications.models import EventPage, ReportPage
from tests.fixtures import post_form, sign_in

pytestmark = pytest.mark.django_db


def member(slug):
    return MemberOrganisation.objects.get(slug=slug, locale__language_code="en")


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def link(coordinator, page, relation, member, **fields):
    """Adds `member` to the page's inline list in its edit form and publishes it."""
    post_form(
        coordinator,
        f"/admin/pages/{page.pk}/edit/",
        {
            f"{relation}-TOTAL_FORMS": "1",
            f"{relation}-0-id": "",
            f"{relation}-0-ORDER": "1",
            f"{relation}-0-DELETE": "",
            f"{relation}-0-member": str(member.pk),
            **{f"{relation}-0-{name}": value for name, value in fields.items()},
        },
        action="action-publish",
    )


def section(content, heading):
    """The text of the profile's section under `heading`, tags dropped, or None."""
    found = re.search(rf"<h2>{heading}</h2>(.*?)</section>", content, re.S)
    return found and re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1)))


def test_a_coordinator_links_hosts_and_authors_and_the_profile_lists_them_in_each_language():
    carla = sign_in("carla", COORDINATORS)
    montevideo = member("montevideo-municipal-government")
    conference = english(EventPage, "conference-2021")
    workshop = english(EventPage, "gender-workshop-2021")
    annual = english(ReportPage, "annual-report-2021")
    legal = english(ReportPage, "collaboration-between-members")  # in English only
    private = english(ReportPage, "best-practice-award-guide")
    link(carla, conference, "hosts", montevideo)
    link(carla, workshop, "hosts", montevideo)
    link(carla, annual, "members", montevideo, role="publisher")
    link(carla, legal, "members", montevideo, role="author")
    link(carla, private, "members", montevideo, role="author")
    # Taken offline in every language, or kept for signed-in readers: off the profile.
    for copy in [workshop, *workshop.get_translations()]:
        assert carla.post(f"/admin/pages/{copy.pk}/unpublish/").status_code == 302
    carla.post(f"/admin/pages/{private.pk}/privacy/", {"restriction_type": "login"})

    visitor = Client()
    content = visitor.get("/en/members/montevideo-municipal-government/").content.decode()
    assert section(content, "Events hosted").strip() == (f"{conference.title} · {conference.dates}")
    assert f'href="{conference.url}"' in content
    reports = section(content, "Reports")
    assert "Annual report 2021 ( 2022 ) · Publisher" in reports
    assert f"{legal.title} ( 2021 ) · Author" in reports
    assert private.title not in content and workshop.title not in content

    french = visitor.get("/fr/membres/montevideo-municipal-government/").content.decode()
    conference_fr = conference.get_translation(Locale.objects.get(language_code="fr"))
    assert f'<a href="{conference_fr.url}">{html.escape(conference_fr.title)}</a>' in french
    assert "Rapport annuel 2021 ( 2022 ) · Éditeur" in section(french, "Rapports")
    # Not translated into French: listed in English, marked as such.
    assert f'<a href="{legal.url}" lang="en" hreflang="en">{legal.title}</a>' in french


def test_a_member_not_shown_keeps_its_links_private():
    carla = sign_in("carla", COORDINATORS)
    hidden = member("citizens-voice-association")
    conference = english(EventPage, "conference-2021")
    link(carla, conference, "hosts", hidden)
    visitor = Client()
    assert visitor.get("/en/members/citizens-voice-association/").status_code == 404
    assert hidden.name not in visitor.get(conference.url).content.decode()
    # The coordinator still sees the link in the event's form.
    edit = carla.get(f"/admin/pages/{conference.pk}/edit/").content.decode()
    assert html.escape(hidden.name) in edit
