from django.core.management.base import BaseCommand, CommandError

from network.exchange import import_csv


class Command(BaseCommand):
    help = (
        "Create or update members from a UTF-8 CSV matched on slug; bad rows are reported "
        "with their line and reason, the others are saved. Consent is never imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                report = import_csv(handle)
        except FileNotFoundError as error:
            raise CommandError(f"{path}: no such file") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 ({error})") from error
        for line, reason in report.refused:
            self.stdout.write(f"Line {line}: {reason}")
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.refused)} refused."
        )
        if report.refused:
            raise CommandError("some rows were not imported (see above)", returncode=1)
