"""The coordinators' report of members to follow up, as they open it in the admin."""

import html
import re

import pytest
from wagtail.models import Locale

from editorial.roles import COORDINATORS, OFFICERS
from network.models import MemberOrganisation, MemberType
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db


def sections(content):
    """{heading: names listed under it}."""
    found = {}
    for part in content.split("<h2>")[1:]:
        heading, rest = part.split("</h2>", 1)
        names = re.findall(r"/edit/\d+/\">([^<]+)</a>", rest.split("<h2>")[0])
        found[heading.strip()] = [html.unescape(name) for name in names]
    return found


def test_members_without_activity_consent_or_contact_are_listed_for_coordinators():
    MemberOrganisation.objects.create(
        name="Quiet Collective",
        slug="quiet-collective",
        locale=Locale.get_default(),
        member_type=MemberType.objects.get(slug="other", locale__language_code="en"),
        year_joined=2025,
        consent_to_publish=True,
    )
    carla = sign_in("carla", COORDINATORS)
    found = sections(carla.get("/admin/reports/members/", {"years": "3"}).content.decode())
    inactive, no_consent, no_contact = found.values()
    # Joined in 2018 and named on no experience; Porto Alegre's experience is ongoing.
    assert "Centre for Deliberative Studies" in inactive
    assert "Porto Alegre City Council" not in inactive
    assert "Quiet Collective" not in inactive  # joined last year
    # Joined in 2020 and nothing since: active within ten years, not within three.
    assert "Neighbourhood Assemblies Network" in inactive
    wider = sections(carla.get("/admin/reports/members/", {"years": "10"}).content.decode())
    assert "Neighbourhood Assemblies Network" not in next(iter(wider.values()))
    assert no_consent == ["Citizens' Voice Association", "Municipality of Lakeshore"]
    assert "Nordvik Regional Council" not in str(found)  # it left: nothing to follow up
    assert no_contact == ["Quiet Collective"]
    assert list(found)[1] == "2 members without consent to publish"


def test_only_those_who_keep_the_members_open_it():
    officer = sign_in("olga", OFFICERS)
    refused = officer.get("/admin/reports/members/")
    assert (refused.status_code, refused.get("Location")) in ((403, None), (302, "/admin/"))
    assert "/admin/reports/members/" not in officer.get("/admin/").content.decode()
    carla = sign_in("carla", COORDINATORS)
    assert "/admin/reports/members/" in carla.get("/admin/").content.decode()
    assert carla.get("/admin/reports/members/", {"years": "lots"}).status_code == 200


def test_hosting_an_event_or_applying_to_the_award_counts_as_activity():
    """Cascais' experience ended in 2019, but it applies to the open call of the award; the
    Centre for Deliberative Studies is active again once a coordinator names it host of an
    event in the admin."""
    from publications.models import EventPage
    from tests.fixtures import post_form

    carla = sign_in("carla", COORDINATORS)

    def inactive():
        content = carla.get("/admin/reports/members/", {"years": "3"}).content.decode()
        return next(iter(sections(content).values()))

    assert "Cascais Municipality" not in inactive()
    assert "Centre for Deliberative Studies" in inactive()
    centre = MemberOrganisation.objects.get(
        name="Centre for Deliberative Studies", locale__language_code="en"
    )
    event = EventPage.objects.get(slug="sortition-workshop", locale__language_code="en")
    edit = f"/admin/pages/{event.pk}/edit/"
    from tests.fixtures import admin_form_fields

    hosts = int(admin_form_fields(carla.get(edit).content.decode())["hosts-TOTAL_FORMS"][0])
    post_form(
        carla,
        edit,
        {
            "hosts-TOTAL_FORMS": str(hosts + 1),
            f"hosts-{hosts}-member": str(centre.pk),
            f"hosts-{hosts}-id": "",
            f"hosts-{hosts}-ORDER": str(hosts + 1),
            f"hosts-{hosts}-DELETE": "",
        },
        action="action-publish",
    )
    assert EventPage.objects.get(pk=event.pk).hosts.filter(member=centre).exists()
    assert "Centre for Deliberative Studies" not in inactive()
