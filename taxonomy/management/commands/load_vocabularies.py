from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from core.localize import translate
from taxonomy.countries import sync_countries
from taxonomy.data import vocabularies
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic

LANGUAGE_COLUMNS = {"en": 1, "fr": 2, "es": 3}


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
        for model, rows in lists:
            # Parents first, so that a translated child can point at its translated parent.
            for order, row in sorted(enumerate(rows), key=lambda item: len(item[1]) > 4):
                term = self.ensure_term(model, row, order, default)
                for locale in others:
                    if not term.has_translation(locale):
                        translate(term, locale, self.strings(model, row, locale.language_code))
                        self.created += 1
        self.stdout.write(f"Vocabularies ready ({self.created} terms created).")

    def ensure_term(self, model, row, order, locale):
        slug, name = row[0], row[LANGUAGE_COLUMNS[locale.language_code]]
        term = model.objects.filter(slug=slug, locale=locale).first()
        if term:
            return term
        fields = {"name": name, "slug": slug, "sort_order": order * 10, "locale": locale}
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
        if model is Topic:
            for texts in (vocabularies.TOPIC_SYNONYMS, vocabularies.TOPIC_DESCRIPTIONS):
                if row[0] in texts:
                    strings[texts[row[0]][0]] = texts[row[0]][column - 1]
        return strings
