import io
import itertools

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Locale

from core.privacy import public
from repository.exchange import export_rows, write_codebook_csv, write_csv, write_json
from repository.models import ExperiencePage


class Command(BaseCommand):
    help = (
        "Export the published experiences of one language (or of all: --language all, the "
        "repository's language first, translations after) as CSV or JSON, or the codebook."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json", "codebook"], default="csv")
        parser.add_argument(
            "--language", help="language code, or all (default: the default language)"
        )
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        default = Locale.get_default()
        language = options["language"] or default.language_code
        if language == "all":
            # The sources before their translations, which the importer reads after them.
            locales = [default, *Locale.objects.exclude(pk=default.pk).order_by("language_code")]
            language = default.language_code
        else:
            locales = list(Locale.objects.filter(language_code=language))
            if not locales:
                raise CommandError(f"no locale for the language {language!r}")
        buffer = io.StringIO()
        with translation.override(language):
            if options["format"] == "codebook":
                write_codebook_csv(buffer)
            else:
                writer = write_json if options["format"] == "json" else write_csv
                rows = itertools.chain.from_iterable(self.rows(locale) for locale in locales)
                writer(rows, buffer)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as output:
                output.write(buffer.getvalue())
        else:
            self.stdout.write(buffer.getvalue(), ending="")

    def rows(self, locale):
        pages = public(ExperiencePage.objects.live()).filter(locale=locale).order_by("pk")
        return export_rows(pages)
