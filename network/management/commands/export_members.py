from django.core.management.base import BaseCommand

from network.exchange import write_csv


class Command(BaseCommand):
    help = "Write the members (with their private contacts) as CSV, for coordinators only."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="File to write; the standard output by default.")

    def handle(self, *args, output=None, **options):
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                write_csv(handle)
        else:
            write_csv(self.stdout)
