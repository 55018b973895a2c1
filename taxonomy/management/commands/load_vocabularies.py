import csv
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from core.localize import translate
from taxonomy.countries import sync_countries
from taxonomy.data import vocabularies
from taxonomy.models import (
    CommissionerKind,
    Country,
    DecisionPower,
    Evaluation,
    Frequency,
    FundingSource,
    GovernmentLevel,
    Means,
    Mechanism,
    Purpose,
    Recruitment,
    TargetGroup,
    Topic,
)

LANGUAGE_COLUMNS = {"en": 1, "fr": 2, "es": 3}
# The coded variables' values and definitions, a spreadsheet a communication officer can read.
CODES_FILE = Path(vocabularies.__file__).with_name("coded_variables.csv")
CODE_MODELS = {
    "purpose": Purpose,
    "means": Means,
    "recruitment": Recruitment,
    "decision_power": DecisionPower,
    "commissioner": CommissionerKind,
    "evaluation": Evaluation,
    "funding": FundingSource,
    "frequency": Frequency,
}


def code_lists():
    """{model: [(slug, en, fr, es), ...]} and {slug-of-model: definitions} from CODES_FILE."""
    lists, definitions = {}, {}
    with CODES_FILE.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            model = CODE_MODELS[row["vocabulary"]]
            lists.setdefault(model, []).append(
                (row["slug"], row["name_en"], row["name_fr"], row["name_es"])
            )
            definitions[(model, row["slug"])] = (
                row["definition_en"],
                row["definition_fr"],
                row["definition_es"],
            )
    return lists, definitions


class Command(BaseCommand):
    help = "Load the starting vocabularies in every enabled language; existing terms are kept."

    @transaction.atomic
    def handle(self, *args, **options):
        self.created = sync_countries(Country)
        default = Locale.get_default()
        # Languages the starting vocabularies are not written in get their terms from
        # translators, through wagtail-localize, like any other content.
        others = [
            Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
            if code != default.language_code and code in LANGUAGE_COLUMNS
        ]
        if default.language_code not in LANGUAGE_COLUMNS:
            raise CommandError(
                f"The starting vocabularies exist in {', '.join(LANGUAGE_COLUMNS)}; the default "
                f"language is {default.language_code}. Create the terms in the admin instead."
            )
        lists = [
            (Topic, vocabularies.TOPICS),
            (Mechanism, vocabularies.MECHANISMS),
            (TargetGroup, vocabularies.TARGET_GROUPS),
            (GovernmentLevel, vocabularies.GOVERNMENT_LEVELS),
        ]
        codes, self.definitions = code_lists()
        lists.extend(codes.items())
        for model, rows in lists:
            # Parents first, so that a translated child can point at its translated parent.
            for order, row in sorted(enumerate(rows), key=lambda item: len(item[1]) > 4):
                term = self.ensure_term(model, row, order, default)
                for locale in others:
                    if not term.has_translation(locale):
                        translate(term, locale, self.strings(model, row, locale.language_code))
                        self.created += 1
        # The inclusion criteria are written over the coded variables' values, loaded above.
        from repository.criteria import load_definitions
        from repository.crosswalk import load_databases

        self.created += load_definitions(default, others, translate)
        self.created += load_databases()
        self.stdout.write(f"Vocabularies ready ({self.created} terms created).")

    def ensure_term(self, model, row, order, locale):
        slug, name = row[0], row[LANGUAGE_COLUMNS[locale.language_code]]
        term = model.objects.filter(slug=slug, locale=locale).first()
        if term:
            return term
        fields = {"name": name, "slug": slug, "sort_order": order * 10, "locale": locale}
        if (model, slug) in self.definitions:
            fields["description"] = self.definitions[(model, slug)][0]
        if model is Topic:
            fields["synonyms"] = vocabularies.TOPIC_SYNONYMS.get(slug, ("",))[0]
            fields["description"] = vocabularies.TOPIC_DESCRIPTIONS.get(slug, ("",))[0]
            if len(row) > 4:
                fields["parent"] = Topic.objects.get(slug=row[4], locale=locale)
        self.created += 1
        return model.objects.create(**fields)

    def strings(self, model, row, language):
        column = LANGUAGE_COLUMNS[language]
        strings = {row[1]: row[column]}
        if (model, row[0]) in self.definitions:
            definitions = self.definitions[(model, row[0])]
            strings[definitions[0]] = definitions[column - 1]
        if model is Topic:
            for texts in (vocabularies.TOPIC_SYNONYMS, vocabularies.TOPIC_DESCRIPTIONS):
                if row[0] in texts:
                    strings[texts[row[0]][0]] = texts[row[0]][column - 1]
        return strings
