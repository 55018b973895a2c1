from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

IGNORED = [".venv/*", "static_collected/*", "tests/*", "*/tests/*", "core/demo/*", "media/*"]


class Command(BaseCommand):
    help = "Extract the interface strings into the catalogue of every enabled language."

    def handle(self, *args, **options):
        languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        call_command(
            "makemessages",
            locale=languages,
            ignore_patterns=IGNORED,
            no_location=True,
            no_obsolete=True,
            verbosity=options["verbosity"],
        )
