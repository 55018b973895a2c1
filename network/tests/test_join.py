"""Joining the observatory through the public form, and a coordinator admitting the member."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editorial.roles import COORDINATORS
from network.models import MemberOrganisation, MemberStatus
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db

ADDRESSES = {"en": "/en/join/", "fr": "/fr/adherer/", "es": "/es/unirse/"}


def application(**changes):
    data = {
        "member_type": "civil-society-organisation",
        "name": "Asamblea Vecinal de Quilmes",
        "country": "AR",
        "city": "Quilmes",
        "website": "https://asamblea-quilmes.example.org",
        "contact_person": "Rosa Privada",
        "contact_email": "rosa.privada@example.net",
        "needs": "Exchanges with other neighbourhood assemblies.",
        "consent": "on",
        "homepage": "",
    }
    data.update(changes)
    return data


def post(client, language, data):
    with translation.override(language):
        return client.post(reverse("join"), data)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_join_form_has_a_translated_address_and_is_never_cached(client, language):
    with translation.override(language):
        assert reverse("join") == ADDRESSES[language]
    response = client.get(ADDRESSES[language])
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert 'value="civil-society-organisation"' in response.content.decode()


def test_an_application_is_a_pending_member_that_a_coordinator_admits():
    carla = sign_in("carla", COORDINATORS)
    mail.outbox.clear()
    response = post(Client(), "es", application())
    assert response.status_code == 302
    member = MemberOrganisation.objects.get(name="Asamblea Vecinal de Quilmes")
    assert member.status == MemberStatus.PENDING and not member.consent_to_publish
    assert member.application_consent and member.application_language == "es"
    assert member.locale.language_code == "en" and member.member_type.locale.language_code == "en"
    # The applicant is answered in Spanish; coordinators get the admin link.
    answer = next(m for m in mail.outbox if m.to == ["rosa.privada@example.net"])
    assert "Hemos recibido la solicitud" in answer.body
    notice = next(m for m in mail.outbox if carla.user.email in m.to)
    edit = f"/admin/snippets/network/memberorganisation/edit/{member.pk}/"
    assert f"http://127.0.0.1:8000{edit}" in notice.body
    # Pending, it is on no public surface, even if a box is ticked too early.
    MemberOrganisation.objects.filter(pk=member.pk).update(consent_to_publish=True)
    assert "Asamblea Vecinal" not in Client().get("/en/members/").content.decode()
    assert Client().get(f"/en/members/{member.slug}/").status_code == 404

    # The coordinator reads the application in the member form and admits it.
    form = carla.get(edit).content.decode()
    assert "Exchanges with other neighbourhood assemblies." in form
    data = {
        "name": member.name,
        "slug": member.slug,
        "member_type": member.member_type_id,
        "status": "active",
        "country": member.country_id,
        "city": member.city,
        "website": member.website,
        "contact_person": member.contact_person,
        "contact_email": member.contact_email,
        "consent_to_publish": "on",
    }
    MemberOrganisation.objects.filter(pk=member.pk).update(consent_to_publish=False)
    assert carla.post(edit, data).status_code == 302
    member.refresh_from_db()
    assert member.status == MemberStatus.ACTIVE and member.consent_recorded_by == carla.user
    profile = Client().get(f"/en/members/{member.slug}/").content.decode()
    assert f"<dt>Member since</dt><dd>{datetime.date.today().year}</dd>" in profile
    directory = Client().get("/en/members/").content.decode()
    assert "Asamblea Vecinal de Quilmes" in directory
    assert "rosa.privada" not in directory and "Rosa Privada" not in directory


def test_errors_come_back_in_the_visitors_language_with_what_was_typed():
    response = post(Client(), "fr", application(contact_email="not an address"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Saisissez une adresse e-mail valide." in body
    assert 'value="Asamblea Vecinal de Quilmes"' in body
    assert "Exchanges with other neighbourhood assemblies." in body
    assert not MemberOrganisation.objects.filter(name="Asamblea Vecinal de Quilmes").exists()
    assert "Tout ce que vous avez saisi est conservé." in body
    assert "fichiers" not in body  # the form has none to choose again


def test_the_honeypot_and_the_rate_limit_refuse_in_the_visitors_language(settings):
    honeypot = post(Client(), "es", application(homepage="buy now"))
    assert honeypot.status_code == 400
    assert "Este formulario se rellenó" in honeypot.content.decode()
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    client = Client(REMOTE_ADDR="203.0.113.50")
    assert post(client, "fr", application(name="Première")).status_code == 302
    refused = post(client, "fr", application(name="Deuxième"))
    assert refused.status_code == 429
    assert "Trop de formulaires" in refused.content.decode()
    assert 'value="Deuxième"' in refused.content.decode()
    assert not MemberOrganisation.objects.filter(name="Deuxième").exists()
