"""Members exported and imported as CSV through the commands coordinators run."""

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from network.models import MemberOrganisation

pytestmark = pytest.mark.django_db

HEADER = (
    "slug,name,type,promoter,country,city,website,year_joined,status,"
    "contact_person,contact_email,consent_to_publish\n"
)


def import_file(tmp_path, text):
    path = tmp_path / "members.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    try:
        call_command("import_members", str(path), stdout=out)
    except CommandError as error:
        return out.getvalue(), error.returncode
    return out.getvalue(), 0


def test_good_rows_are_saved_bad_rows_reported_with_line_and_reason(tmp_path):
    text = HEADER + (
        "rosario-council,Rosario City Council,local-government,no,AR,Rosario,,2015,active,"
        "Nora Díaz,nora@example.org,yes\n"
        "bad-type,Somebody,a-club,no,AR,,,,active,,,no\n"
        "bad-country,Somebody else,other,no,XX,,,,active,,,no\n"
        "bad-mail,Third,other,no,,,,,active,X,not-an-email,no\n"
        "bad-year,Fourth,other,maybe,,,,,active,,,no\n"
        ",,other,no,,,,,active,,,no\n"
    )
    out, code = import_file(tmp_path, text)
    assert code == 1
    assert "Line 3: unknown type “a-club”" in out
    assert "Line 4: unknown country “XX”" in out
    assert "Line 5: contact_email: Enter a valid email address." in out
    assert "Line 6: promoter must be yes or no, not “maybe”" in out
    assert "Line 7: name is empty" in out
    assert "1 created, 0 updated, 0 unchanged, 5 refused." in out
    rosario = MemberOrganisation.objects.get(slug="rosario-council")
    assert rosario.country.code == "AR" and rosario.contact_email == "nora@example.org"
    # Consent is recorded in the admin by a person, never from a file.
    assert not rosario.consent_to_publish and rosario.consent_recorded_by is None


def test_an_export_imported_again_changes_nothing(tmp_path):
    path = tmp_path / "export.csv"
    call_command("export_members", "--output", str(path))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    porto = next(row for row in rows if row["slug"] == "porto-alegre-city-council")
    assert porto["contact_email"] == "ana.souza@example.org" and porto["type"] == "local-government"
    assert len(rows) == MemberOrganisation.objects.filter(locale__language_code="en").count()
    out, code = import_file(tmp_path, path.read_text(encoding="utf-8"))
    assert code == 0
    assert f"0 created, 0 updated, {len(rows)} unchanged, 0 refused." in out
    # An edited cell updates that member only.
    edited = path.read_text(encoding="utf-8").replace("Ana Souza", "Ana Lima")
    out, code = import_file(tmp_path, edited)
    assert f"0 created, 1 updated, {len(rows) - 1} unchanged, 0 refused." in out
    assert (
        MemberOrganisation.objects.get(
            slug="porto-alegre-city-council", locale__language_code="en"
        ).contact_person
        == "Ana Lima"
    )


def test_importing_an_experience_keeps_the_members_the_file_did_not_show(tmp_path):
    """The experience export leaves out members without consent; importing it back with a
    changed cell must not drop them, nor the links and websites of those it showed."""
    from repository.models import ExperienceOrganisation, ExperiencePage

    hidden = MemberOrganisation.objects.get(
        slug="citizens-voice-association", locale__language_code="en"
    )
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    latest = page.get_latest_revision_as_object()
    latest.organisations = [
        *latest.organisations.all(),
        ExperienceOrganisation(name=hidden.name, member=hidden),
    ]
    latest.save_revision().publish()
    out = io.StringIO()
    call_command("export_experiences", "--format", "csv", stdout=out)
    assert hidden.name not in out.getvalue()
    path = tmp_path / "experiences.csv"
    path.write_text(out.getvalue().replace("Cascais", "Cascais (Portugal)", 1), encoding="utf-8")
    report = io.StringIO()
    call_command("import_experiences", str(path), stdout=report, stderr=io.StringIO())
    assert "1 updated" in report.getvalue() or "updated: 1" in report.getvalue(), report
    page = ExperiencePage.objects.get(pk=page.pk)
    assert "Cascais (Portugal)" in page.place
    organisations = {o.name: o for o in page.organisations.all()}
    assert organisations[hidden.name].member == hidden
    cascais = organisations["Cascais Municipality"]
    assert cascais.member.slug == "cascais-municipality"
    assert cascais.website == "https://www.cascais.pt/"
