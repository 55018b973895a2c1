"""Demo of the network: the member directory in every language and the members of
data/demo_members.json, some without consent (they stay hidden), each experience they run
naming them as a free-text organisation that the linking command then links, and the demo
events and reports they hosted, wrote or published linked to them.

Idempotent: what exists is kept as editors left it."""

import io
import json
from pathlib import Path

from django.core.management import call_command
from wagtail.models import Locale

from core.localize import translate
from publications.models import EventHost, EventPage, ReportMember, ReportPage
from repository.models import ExperienceOrganisation, ExperiencePage
from taxonomy.models import Country

from .linking import link_organisations
from .models import MemberDirectoryPage, MemberOrganisation, MemberType

FIXTURE = Path(__file__).resolve().parent / "data" / "demo_members.json"
LANGUAGES = ("en", "fr", "es")
DIRECTORY = {
    "slug": ("members", "membres", "miembros"),
    "title": ("Our members", "Nos membres", "Nuestros miembros"),
    "introduction": (
        "Local and regional governments, research centres, civil-society organisations, "
        "social movements and informal platforms that make up the observatory.",
        "Les gouvernements locaux et régionaux, centres de recherche, organisations de la "
        "société civile, mouvements sociaux et plateformes informelles qui forment "
        "l'observatoire.",
        "Los gobiernos locales y regionales, centros de investigación, organizaciones de la "
        "sociedad civil, movimientos sociales y plataformas informales que forman el "
        "observatorio.",
    ),
}


def demo_members():
    with open(FIXTURE, encoding="utf-8") as handle:
        return json.load(handle)["members"]


def ensure_directory(home):
    directory = home.get_children().filter(slug=DIRECTORY["slug"][0]).first()
    if directory is None:
        directory = MemberDirectoryPage(
            slug=DIRECTORY["slug"][0],
            locale=home.locale,
            title=DIRECTORY["title"][0],
            introduction=DIRECTORY["introduction"][0],
        )
        home.add_child(instance=directory)
        directory.save_revision().publish()
    directory = directory.specific
    for locale in Locale.objects.filter(language_code__in=LANGUAGES).exclude(pk=home.locale_id):
        if not directory.has_translation(locale):
            position = LANGUAGES.index(locale.language_code)
            translate(
                directory, locale, {texts[0]: texts[position] for texts in DIRECTORY.values()}
            )
    return directory


def ensure_member(item, default):
    member = MemberOrganisation.objects.filter(slug=item["slug"], locale=default).first()
    if member is None:
        member = MemberOrganisation.objects.create(
            locale=default,
            slug=item["slug"],
            name=item["name"][default.language_code],
            member_type=MemberType.objects.get(slug=item["type"], locale=default),
            country=Country.objects.get(code=item["country"]),
            city=item["city"],
            promoter=item["promoter"],
            website=item["website"],
            year_joined=item["year_joined"],
            status=item["status"],
            contact_person=item["contact_person"],
            contact_email=item["contact_email"],
            consent_to_publish=item["consent_to_publish"],
        )
    for locale in Locale.objects.filter(language_code__in=item["name"]).exclude(pk=default.pk):
        if not member.has_translation(locale):
            translate(member, locale, {member.name: item["name"][locale.language_code]})
    return member


def name_on_experience(item, default):
    """The member as a free-text organisation of the experience it runs, once."""
    page = ExperiencePage.objects.filter(slug=item.get("experience"), locale=default).first()
    name = item["name"][default.language_code]
    if page is None or page.organisations.filter(name=name).exists():
        return
    latest = page.get_latest_revision_as_object()
    latest.organisations.add(ExperienceOrganisation(name=name, website=item["website"]))
    latest.save_revision().publish()


def link_publications(item, member, default):
    """The member as host of its demo events and author or publisher of its demo reports, on
    the English page (translations follow it), once."""
    for slug in item.get("hosted", []):
        page = EventPage.objects.filter(slug=slug, locale=default).first()
        if page is None or page.hosts.filter(member=member).exists():
            continue
        latest = page.get_latest_revision_as_object()
        latest.hosts.add(EventHost(member=member))
        latest.save_revision().publish()
    for slug, role in item.get("reports", []):
        page = ReportPage.objects.filter(slug=slug, locale=default).first()
        if page is None or page.members.filter(member=member).exists():
            continue
        latest = page.get_latest_revision_as_object()
        latest.members.add(ReportMember(member=member, role=role))
        latest.save_revision().publish()


def load(home):
    """Create what is missing of the directory and the demo members; returns the directory."""
    call_command("load_member_types", stdout=io.StringIO())
    directory = ensure_directory(home)
    default = Locale.get_default()
    for item in demo_members():
        member = ensure_member(item, default)
        name_on_experience(item, default)
        link_publications(item, member, default)
    link_organisations()
    return directory
