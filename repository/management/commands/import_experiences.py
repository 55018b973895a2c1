from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations
from wagtail.models import Locale

from repository.exchange import BATCH_ROWS, ExperienceImporter, RowError, read_rows
from repository.models import ExperienceIndexPage


class Command(BaseCommand):
    help = (
        "Import experiences from a UTF-8 CSV or JSON file (see the codebook). Rows are matched "
        "on external_id, so importing the same file again changes nothing. Bad rows are "
        "reported with their line and skipped; good rows are saved, in batches committed one "
        "after the other, so the site keeps answering during a long import. Rows in another "
        "language (the language column) translate the experience with the same external_id: "
        "saved as drafts for translators to review, or published with --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file")
        parser.add_argument("--parent", type=int, help="id of the repository page to import into")
        parser.add_argument("--dry-run", action="store_true", help="check the file, save nothing")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish translations at once (a migration of reviewed texts); "
            "by default they are drafts for review",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_ROWS,
            help=f"rows per transaction (default {BATCH_ROWS}; a batch also ends after a second)",
        )

    @no_translations  # the report is read in the shell, not in a visitor's language
    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise CommandError(f"{path}: no such file") from error
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{path}: not UTF-8 ({error.reason} at byte {error.start})"
            ) from error
        parent = self.parent(options["parent"])
        try:
            rows = read_rows(data, path.name)
        except RowError as error:
            raise CommandError(f"{path}: {error}") from error

        report = ExperienceImporter(
            parent,
            dry_run=options["dry_run"],
            progress_stream=self.stderr,
            batch_size=options["batch_size"],
            publish=options["publish"],
        ).run(rows)
        for line, message in report.errors:
            self.stderr.write(f"{path.name}, line {line}: {message}")
        verb = "would be" if options["dry_run"] else "were"
        self.stdout.write(
            f"{report.created} {verb} created, {report.updated} updated, {report.unchanged} "
            f"unchanged; {len({line for line, _m in report.errors})} row(s) with errors."
        )
        if report.errors:
            raise CommandError("some rows were not imported (see above)", returncode=1)

    def parent(self, parent_id):
        pages = ExperienceIndexPage.objects.all()
        if parent_id is not None:
            parent = pages.filter(pk=parent_id).first()
            if parent is None:
                raise CommandError(f"no repository page has the id {parent_id}")
            return parent
        parent = pages.filter(locale=Locale.get_default()).first()
        if parent is None:
            raise CommandError("create a repository page first, or name one with --parent")
        return parent
