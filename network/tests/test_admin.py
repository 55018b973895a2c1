"""Coordinators keep the member list in the admin: the forms they post, the consent recorded
from who ticked it, and the types a communication officer can read in the fixture."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from editorial.roles import COORDINATORS
from network.management.commands.load_member_types import read_types
from network.models import MemberOrganisation, MemberType
from taxonomy.models import Country
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/network/memberorganisation"


def form_data(**changes):
    data = {
        "name": "Ciudad de Prueba",
        "slug": "ciudad-de-prueba",
        "member_type": MemberType.objects.get(
            slug="local-government", locale__language_code="en"
        ).pk,
        "status": "active",
        "country": Country.objects.get(code="AR").pk,
        "city": "Rosario",
        "website": "",
        "logo": "",
        "year_joined": "2020",
        "contact_person": "Nora Díaz",
        "contact_email": "nora@example.org",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_consent_is_recorded_from_the_coordinator_who_ticks_it_never_from_the_form():
    carla = sign_in("carla", COORDINATORS)
    other = sign_in("someone-else", COORDINATORS).user
    forged = {"consent_recorded_by": other.pk, "consent_recorded_at": "2001-01-01 00:00"}

    response = carla.post(f"{BASE}/add/?locale=en", form_data(**forged))
    assert response.status_code == 302, response.content.decode()[:2000]
    member = MemberOrganisation.objects.get(slug="ciudad-de-prueba")
    assert not member.consent_to_publish
    assert member.consent_recorded_by is None and member.consent_recorded_at is None

    before = timezone.now()
    response = carla.post(f"{BASE}/edit/{member.pk}/", form_data(consent_to_publish="on", **forged))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.consent_to_publish
    assert member.consent_recorded_by == carla.user
    assert before <= member.consent_recorded_at <= timezone.now()
    # The edit form shows the record and offers no field to change it.
    page = carla.get(f"{BASE}/edit/{member.pk}/").content.decode()
    assert 'name="consent_recorded_by"' not in page and 'name="consent_recorded_at"' not in page
    assert "carla" in page

    # Saving again without touching the box keeps the record as it was.
    recorded = member.consent_recorded_at
    carla.post(f"{BASE}/edit/{member.pk}/", form_data(consent_to_publish="on", city="Córdoba"))
    member.refresh_from_db()
    assert member.city == "Córdoba" and member.consent_recorded_at == recorded


def test_a_withdrawal_reaches_every_language_at_once():
    from core.localize import translate

    carla = sign_in("carla", COORDINATORS)
    carla.post(f"{BASE}/add/?locale=en", form_data(consent_to_publish="on"))
    member = MemberOrganisation.objects.get(slug="ciudad-de-prueba")
    french = translate(member, Locale.objects.get(language_code="fr"), {member.name: "Ville test"})
    assert french.consent_to_publish
    carla.post(f"{BASE}/edit/{member.pk}/", form_data())  # the box unticked
    french.refresh_from_db()
    assert not french.consent_to_publish
    assert french.consent_recorded_by == carla.user
    assert french.consent_recorded_at > timezone.now() - datetime.timedelta(minutes=1)


def test_the_form_refuses_a_year_to_come_and_a_slug_taken():
    carla = sign_in("carla", COORDINATORS)
    next_year = str(datetime.date.today().year + 1)
    response = carla.post(f"{BASE}/add/?locale=en", form_data(year_joined=next_year))
    assert response.status_code == 200
    assert "This year is in the future." in response.content.decode()
    response = carla.post(f"{BASE}/add/?locale=en", form_data(slug="porto-alegre-city-council"))
    assert response.status_code == 200
    assert "Another member already uses this slug." in response.content.decode()
    assert not MemberOrganisation.objects.filter(name="Ciudad de Prueba").exists()


def test_member_types_are_those_of_the_fixture_in_each_language():
    rows = read_types()
    assert {row["slug"] for row in rows} >= {"social-movement", "informal-platform", "other"}
    columns = {"en": "English", "fr": "French", "es": "Spanish"}
    for row in rows:
        for code, column in columns.items():
            term = MemberType.objects.get(slug=row["slug"], locale__language_code=code)
            assert term.name == row[column], (row["slug"], code)


def test_nobody_becomes_a_members_contact_by_changing_their_own_email():
    """Who speaks for a member is the coordinators' record: an account's own settings cannot
    take a member's contact address, nor move a contact's away from it."""
    from django.contrib.auth import get_user_model

    from editorial.roles import JURY, MEMBER_CONTACTS
    from repository.models import ExperiencePage
    from tests.fixtures import admin_form_fields

    def change_email(client, address):
        data = admin_form_fields(client.get("/admin/account/").content.decode())
        data["name_email-first_name"] = ["Someone"]
        data["name_email-last_name"] = ["Else"]
        data["name_email-email"] = [address]
        return client.post("/admin/account/", data)

    other = MemberOrganisation.objects.get(
        contact_email="lena.schmitz@example.org", locale__language_code="en"
    )
    theirs = ExperiencePage.objects.get(
        slug="east-belgium-citizens-dialogue", locale__language_code="en"
    )
    ana = sign_in("ana.souza", MEMBER_CONTACTS)
    for address in ("lena.schmitz@example.org", "LENA.Schmitz@example.org", "ana@elsewhere.org"):
        response = change_email(ana, address)
        assert response.status_code == 200, address
        assert "ask a coordinator" in response.content.decode()
        ana.user.refresh_from_db()
        assert ana.user.email == "ana.souza@example.org"
    mine = ana.get("/admin/award/mine/").content.decode()
    assert theirs.title not in mine and other.name not in mine
    assert "Porto Alegre" in mine

    juror = sign_in("jan", JURY)
    assert change_email(juror, "lena.schmitz@example.org").status_code == 200
    assert get_user_model().objects.get(pk=juror.user.pk).email == "jan@example.org"
    # An address that is no member's contact is the person's own to change.
    assert change_email(juror, "jan.new@example.org").status_code == 302
    assert get_user_model().objects.get(pk=juror.user.pk).email == "jan.new@example.org"
