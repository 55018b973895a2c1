import io

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Locale

from core.privacy import public
from repository.exchange import export_rows, write_codebook_csv, write_csv, write_json
from repository.models import ExperiencePage


class Command(BaseCommand):
    help = "Export the published experiences of one language as CSV or JSON, or the codebook."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json", "codebook"], default="csv")
        parser.add_argument("--language", help="language code (default: the default language)")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        language = options["language"] or Locale.get_default().language_code
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise CommandError(f"no locale for the language {language!r}")
        buffer = io.StringIO()
        with translation.override(language):
            if options["format"] == "codebook":
                write_codebook_csv(buffer)
            else:
                pages = public(ExperiencePage.objects.live()).filter(locale=locale).order_by("pk")
                writer = write_json if options["format"] == "json" else write_csv
                writer(export_rows(pages), buffer)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as output:
                output.write(buffer.getvalue())
        else:
            self.stdout.write(buffer.getvalue(), ending="")
