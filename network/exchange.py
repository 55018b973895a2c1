"""Members as CSV, for coordinators cleaning the list in a spreadsheet.

Rows are matched on `slug`, so importing a file again changes nothing. Each row is saved in
its own savepoint; a bad row is reported with its line and reason and the others are kept.
Consent is exported but never imported: it is recorded in the admin, from the person who
ticks it (forms.MemberForm), so a new member arrives without it."""

import csv
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale

from taxonomy.models import Country

from .models import MemberOrganisation, MemberStatus, MemberType

COLUMNS = [
    "slug",
    "name",
    "type",
    "promoter",
    "country",
    "city",
    "website",
    "year_joined",
    "status",
    "contact_person",
    "contact_email",
    "consent_to_publish",
    "consent_recorded_at",
]
YES = {"yes", "true", "1"}
NO = {"no", "false", "0", ""}


def export_rows():
    members = (
        MemberOrganisation.objects.filter(locale=Locale.get_default())
        .select_related("member_type", "country")
        .order_by("slug")
    )
    for member in members:
        yield {
            "slug": member.slug,
            "name": member.name,
            "type": member.member_type.slug,
            "promoter": "yes" if member.promoter else "no",
            "country": member.country.code if member.country else "",
            "city": member.city,
            "website": member.website,
            "year_joined": member.year_joined or "",
            "status": member.status,
            "contact_person": member.contact_person,
            "contact_email": member.contact_email,
            "consent_to_publish": "yes" if member.consent_to_publish else "no",
            "consent_recorded_at": member.consent_recorded_at.isoformat()
            if member.consent_recorded_at
            else "",
        }


def write_csv(handle):
    writer = csv.DictWriter(handle, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(export_rows())


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (line, reason)


class BadRow(Exception):
    pass


def _boolean(value, column):
    value = (value or "").strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise BadRow(f"{column} must be yes or no, not “{value}”")


def _values(row, locale):
    name = (row.get("name") or "").strip()
    if not name:
        raise BadRow("name is empty")
    term = MemberType.objects.filter(slug=(row.get("type") or "").strip(), locale=locale).first()
    if term is None:
        raise BadRow(f"unknown type “{row.get('type', '')}”")
    code = (row.get("country") or "").strip().upper()
    country = Country.objects.filter(code=code).first() if code else None
    if code and country is None:
        raise BadRow(f"unknown country “{code}”")
    status = (row.get("status") or MemberStatus.ACTIVE).strip()
    if status not in MemberStatus.values:
        raise BadRow(f"unknown status “{status}”")
    year = (row.get("year_joined") or "").strip()
    if year and not (year.isascii() and year.isdigit()):
        raise BadRow(f"year_joined “{year}” is not a year")
    return {
        "name": name,
        "member_type": term,
        "promoter": _boolean(row.get("promoter"), "promoter"),
        "country": country,
        "city": (row.get("city") or "").strip(),
        "website": (row.get("website") or "").strip(),
        "year_joined": int(year) if year else None,
        "status": status,
        "contact_person": (row.get("contact_person") or "").strip(),
        "contact_email": (row.get("contact_email") or "").strip(),
    }


def _import_row(row, locale, report):
    values = _values(row, locale)
    slug = (row.get("slug") or "").strip()
    member = MemberOrganisation.objects.filter(slug=slug, locale=locale).first() if slug else None
    created = member is None
    if created:
        member = MemberOrganisation(locale=locale, slug=slug)
    elif {name: getattr(member, name) for name in values} == values:
        report.unchanged.append(member)
        return
    for name, value in values.items():
        setattr(member, name, value)
    try:
        member.full_clean()
    except ValidationError as error:
        reasons = [
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        ]
        raise BadRow("; ".join(reasons)) from error
    member.save()
    (report.created if created else report.updated).append(member)


def import_csv(handle):
    report = ImportReport()
    locale = Locale.get_default()
    reader = csv.DictReader(handle)
    missing = {"name", "type"} - set(reader.fieldnames or [])
    if missing:
        report.refused.append((1, f"missing columns: {', '.join(sorted(missing))}"))
        return report
    for row in reader:
        line = reader.line_num
        try:
            with transaction.atomic():
                _import_row(row, locale, report)
        except BadRow as error:
            report.refused.append((line, str(error)))
    return report
