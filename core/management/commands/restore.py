from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, counts, restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup` into the configured (empty) database and "
        "MEDIA_ROOT, rebuild the search index, and check that everything came back."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--replace", action="store_true", help="overwrite a database and media that hold data"
        )

    def handle(self, *args, archive, replace, **options):
        try:
            manifest = restore(archive, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        call_command("migrate", "--noinput", verbosity=0)  # an archive of older code
        call_command("createcachetable", verbosity=0)
        cache.clear()  # the restored cache table holds the old site's answers
        call_command("rebuild_search_index", stdout=self.stdout, stderr=self.stderr)
        found = counts()
        media_root = Path(settings.MEDIA_ROOT)
        missing = [name for name in manifest["files"] if not (media_root / name).is_file()]
        lost = {name: (n, found[name]) for name, n in manifest["counts"].items() if found[name] < n}
        if lost or len(missing) > len(manifest["missing_files"]):
            raise CommandError(f"restored incompletely: {lost or ''} {len(missing)} files missing")
        summary = ", ".join(f"{count} {name}" for name, count in found.items())
        self.stdout.write(f"Restored {summary} and {len(manifest['files'])} files from {archive}")
