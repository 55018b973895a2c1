from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from core.localize import translate
from legal.data import rows
from legal.models import LegalFramework
from taxonomy.models import Country


class Command(BaseCommand):
    help = "Load the demo's legal frameworks in every enabled language; existing ones are kept."

    @transaction.atomic
    def handle(self, *args, **options):
        default = Locale.get_default()
        others = Locale.objects.filter(
            language_code__in=[code for code, _name in settings.LANGUAGES]
        ).exclude(pk=default.pk)
        created = 0
        for row in rows():
            framework = LegalFramework.objects.filter(
                identifier=row["identifier"], locale=default
            ).first()
            if framework is None:
                framework = LegalFramework.objects.create(
                    locale=default,
                    identifier=row["identifier"],
                    title=row[f"title_{default.language_code}"],
                    original_title=row["original_title"],
                    original_language=row["original_language"],
                    country=Country.objects.get(code=row["country"]),
                    subdivision=row["subdivision"],
                    level=row["level"],
                    kind=row["kind"],
                    year=int(row["year"]),
                    binding=row["binding"] == "yes",
                    url=row["url"],
                )
                created += 1
            for locale in others:
                title = row.get(f"title_{locale.language_code}")
                if title and not framework.has_translation(locale):
                    translate(framework, locale, {framework.title: title})
                    created += 1
        self.stdout.write(f"Legal frameworks ready ({created} created).")
