"""Demo of the award from data/demo_award.json: the award index in every language, a finished
edition whose results are published and an edition whose call is open.

Idempotent: what exists is kept as editors left it."""

import datetime
import json
import re
from pathlib import Path

from wagtail.models import Locale

from core.localize import translate
from network.models import MemberOrganisation
from repository.models import ExperiencePage

from .models import AwardCategory, AwardCriterion, AwardEditionPage, AwardIndexPage, Candidacy
from .results import publish_results

FIXTURE = Path(__file__).resolve().parent / "data" / "demo_award.json"
FIRST_EDITION_YEAR = 2007  # the 15th edition was that of 2021
RELATIVE = re.compile(r"^today([+-]\d+)$")


def demo_award():
    with open(FIXTURE, encoding="utf-8") as handle:
        return json.load(handle)


def day(value, today):
    relative = RELATIVE.match(value)
    if relative:
        return today + datetime.timedelta(days=int(relative.group(1)))
    return datetime.date.fromisoformat(value)


def other_locales(default):
    return Locale.objects.filter(language_code__in=("fr", "es")).exclude(pk=default.pk)


def ensure_index(home, data):
    index = home.get_children().filter(slug=data["slug"]["en"]).first()
    if index is None:
        index = AwardIndexPage(
            slug=data["slug"]["en"],
            locale=home.locale,
            title=data["title"]["en"],
            introduction=data["introduction"]["en"],
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    index = index.specific
    for locale in other_locales(home.locale):
        if not index.has_translation(locale):
            code = locale.language_code
            translate(index, locale, {texts["en"]: texts[code] for texts in data.values()})
    return index


def ensure_edition(index, item, today):
    dates = {
        name: day(item[name], today)
        for name in ("call_opens", "call_closes", "evaluation_ends", "results_on")
    }
    year = dates["results_on"].year
    edition = index.get_children().filter(slug=str(year)).first()
    if edition is None:
        edition = AwardEditionPage(
            slug=str(year),
            locale=index.locale,
            title=item["title"]["en"].format(year=year),
            number=year - FIRST_EDITION_YEAR + 1,
            year=year,
            call_text="".join(f"<p>{text['en']}</p>" for text in item["call_text"]),
            **dates,
        )
        edition.criteria = [
            AwardCriterion(
                name=c["name"]["en"], description=c["description"]["en"], weight=c["weight"]
            )
            for c in item["criteria"]
        ]
        edition.categories = [AwardCategory(name=c["name"]["en"]) for c in item["categories"]]
        index.add_child(instance=edition)
        edition.save_revision().publish()
    edition = edition.specific
    texts = [
        {code: title.format(year=year) for code, title in item["title"].items()},
        *item["call_text"],
        *(c["name"] for c in item["criteria"]),
        *(c["description"] for c in item["criteria"]),
        *(c["name"] for c in item["categories"]),
    ]
    for locale in other_locales(index.locale):
        if not edition.has_translation(locale):
            code = locale.language_code
            strings = {text["en"]: text[code] for text in texts}
            strings[str(year)] = str(year)
            translate(edition, locale, strings)
    return edition


def ensure_candidacies(edition, item):
    default = edition.locale
    categories = list(edition.categories.all())
    for entry in item["candidacies"]:
        experience = ExperiencePage.objects.get(slug=entry["experience"], locale=default)
        Candidacy.objects.get_or_create(
            edition=edition,
            experience=experience,
            defaults={
                "member": MemberOrganisation.objects.get(slug=entry["member"], locale=default),
                "category": categories[0] if categories else None,
                "statement": entry["statement"],
                "stage": entry["stage"],
                "refusal_reason": entry.get("refusal_reason", ""),
            },
        )
    if item["publish_results"]:
        # The demo's news already announce these winners, and a draft among the demo's news
        # would be taken for a page to translate by the next load_demo.
        publication = publish_results(edition, None, news=False)
        # Published when the edition announced them, not when the demo was loaded: the results
        # feed dates its entry by this.
        announced = datetime.datetime.combine(
            edition.results_on, datetime.time(12), tzinfo=datetime.UTC
        )
        type(publication).objects.filter(pk=publication.pk, published_at__gt=announced).update(
            published_at=announced
        )


def load(home, today=None):
    """Create what is missing of the award index, its demo editions and their candidacies."""
    today = today or datetime.date.today()
    data = demo_award()
    index = ensure_index(home, data["index"])
    for item in data["editions"]:
        ensure_candidacies(ensure_edition(index, item, today), item)
    return index


def seat_jury(today=None):
    """Seat the demo's jurors (demo_accounts' people, once they exist) on the editions the
    fixture names: signed in, they have an edition to judge. Returns the people seated now."""
    from django.contrib.auth import get_user_model

    today = today or datetime.date.today()
    seated = []
    for item in demo_award()["editions"]:
        year = day(item["results_on"], today).year
        edition = AwardEditionPage.objects.filter(locale=Locale.get_default(), year=year).first()
        if edition is None:
            continue
        edition = edition.specific
        jurors = get_user_model().objects.filter(username__in=item.get("jury", []))
        missing = [person for person in jurors if not edition.jury.filter(pk=person.pk).exists()]
        if missing:
            # A new revision, published: the edition's translations follow it (jury is synced).
            draft = edition.get_latest_revision_as_object()
            draft.jury.add(*missing)
            draft.save_revision().publish()
            seated += missing
    return seated
