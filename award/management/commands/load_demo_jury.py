"""Seats the demo's jurors (made by load_demo_accounts) on the finished demo edition, so that
signing in as one of them shows an edition to judge. Idempotent; development only."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from award.demo import seat_jury


class Command(BaseCommand):
    help = "Seat the demo's jurors on the demo editions the award fixture names."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo jurors are for development sites only (DEBUG is off).")
        seated = seat_jury()
        names = ", ".join(person.get_username() for person in seated) or "nobody new"
        self.stdout.write(f"Jurors seated: {names}.")
