"""Loads the demo repository: sixty real participatory processes, a third of them in French
and Spanish. Deterministic and idempotent: experiences that already exist are left as they
are."""

import json
from decimal import Decimal
from uuid import NAMESPACE_URL, uuid5

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from core.localize import MissingStrings, translate
from legal import data as legal_data
from legal.models import LegalFramework
from repository.coding import CODED_VARIABLES
from repository.demo_data import CODING, EXPERIENCES
from repository.models import ExperienceIndexPage, ExperiencePage
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic


def body(item):
    def listed(name, values):
        # List items with ids, as the editor saves them: without, Wagtail gives them new ones
        # at every load, and wagtail-localize, which finds a translation by its place (ids
        # included), found none for the steps and figures: French pages showed them in English.
        return [
            {
                "type": "item",
                "value": value,
                "id": str(uuid5(NAMESPACE_URL, f"{item['slug']}/{name}/{i}")),
            }
            for i, value in enumerate(values)
        ]

    blocks = [
        {"type": "context", "value": f"<p>{item['context']}</p>"},
        {
            "type": "how_it_works",
            "value": {
                "steps": listed(
                    "steps", [{"title": step, "description": ""} for step in item["steps"]]
                )
            },
        },
        {
            "type": "participation_figures",
            "value": {
                "figures": listed(
                    "figures",
                    [{"number": number, "label": label} for number, label in item["figures"]],
                )
            },
        },
        {"type": "lessons", "value": f"<p>{item['lessons']}</p>"},
    ]
    return json.dumps(blocks)


def strings(item, language):
    """Source segment → translation, for wagtail-localize."""
    translated = item["translations"][language]
    pairs = {
        item["title"]: translated["title"],
        item["slug"]: translated["slug"],
        item["summary"]: translated["summary"],
        item["place"]: translated["place"],
        item["context"]: translated["context"],
        item["lessons"]: translated["lessons"],
    }
    pairs.update(zip(item["steps"], translated["steps"], strict=True))
    labels = [label for _number, label in item["figures"]]
    pairs.update(zip(labels, translated["figure_labels"], strict=True))
    return pairs


class Command(BaseCommand):
    help = "Load the sixty demo experiences of the repository (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        default = Locale.get_default()
        index = ExperienceIndexPage.objects.filter(locale=default).first()
        if index is None:
            raise CommandError("load the base demo first: python manage.py load_demo")
        terms = {
            "topics": self.terms(Topic, default),
            "mechanisms": self.terms(Mechanism, default),
            "groups": self.terms(TargetGroup, default),
            "levels": self.terms(GovernmentLevel, default),
        }
        countries = {country.code: country for country in Country.objects.all()}
        created = translated = 0
        for item in EXPERIENCES:
            page = ExperiencePage.objects.child_of(index).filter(slug=item["slug"]).first()
            if page is None:
                page = self.create(index, item, terms, countries)
                created += 1
            for language in item.get("translations", {}):
                locale = Locale.objects.filter(language_code=language).first()
                if locale is None or page.has_translation(locale):
                    continue
                try:
                    translate(page, locale, strings(item, language))
                except MissingStrings as error:
                    raise CommandError(f"{item['slug']}: {error}") from error
                translated += 1
        self.stdout.write(f"Demo experiences ready ({created} created, {translated} translated).")

    def terms(self, model, locale):
        return {term.slug: term for term in model.objects.filter(locale=locale)}

    def create(self, index, item, terms, countries):
        amount, currency = item.get("budget") or (None, "")
        page = ExperiencePage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            place=item["place"],
            country=countries[item["country"]],
            latitude=Decimal(item["latitude"]),
            longitude=Decimal(item["longitude"]),
            government_level=terms["levels"][item["level"]],
            start_year=item["start_year"],
            ongoing=item["end_year"] is None,
            end_year=item["end_year"],
            population=item["population"],
            budget_amount=Decimal(amount) if amount else None,
            budget_currency=currency,
            body=body(item),
        )
        page.topics = [terms["topics"][slug] for slug in item["topics"]]
        page.mechanisms = [terms["mechanisms"][slug] for slug in item["mechanisms"]]
        page.target_groups = [terms["groups"][slug] for slug in item["groups"]]
        self.code(page, CODING.get(item["slug"], {}), index.locale)
        page.legal_frameworks = LegalFramework.objects.filter(
            identifier__in=legal_data.governing(item["slug"]), locale=index.locale
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    def code(self, page, coding, locale):
        """The coded variables the experience's text supports; the others stay unknown."""
        for variable in CODED_VARIABLES:
            if variable.field not in coding:
                continue
            terms = {term.slug: term for term in variable.model.objects.filter(locale=locale)}
            value = coding[variable.field]
            if variable.many:
                setattr(page, variable.field, [terms[slug] for slug in value])
            else:
                setattr(page, variable.field, terms[value])
        page.participants = coding.get("participants")
