"""Loads the member types from network/data/member_types.csv (one row per type: slug, then its
name in English, French and Spanish). Existing types are kept as coordinators edited them."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from core.localize import translate
from network.models import MemberType

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "member_types.csv"
COLUMNS = {"en": "English", "fr": "French", "es": "Spanish"}


def read_types(path=FIXTURE):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Command(BaseCommand):
    help = "Load the member types in every language they are written in; existing ones are kept."

    @transaction.atomic
    def handle(self, *args, **options):
        default = Locale.get_default()
        if default.language_code not in COLUMNS:
            raise CommandError(
                f"The member types are written in {', '.join(COLUMNS)}; the default language "
                f"is {default.language_code}. Create them in the admin instead."
            )
        others = Locale.objects.filter(language_code__in=COLUMNS).exclude(pk=default.pk)
        created = 0
        for order, row in enumerate(read_types()):
            name = row[COLUMNS[default.language_code]]
            term = MemberType.objects.filter(slug=row["slug"], locale=default).first()
            if term is None:
                term = MemberType.objects.create(
                    slug=row["slug"], name=name, sort_order=order * 10, locale=default
                )
                created += 1
            for locale in others:
                if not term.has_translation(locale):
                    translate(term, locale, {term.name: row[COLUMNS[locale.language_code]]})
                    created += 1
        self.stdout.write(f"Member types ready ({created} created).")
