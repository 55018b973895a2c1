import datetime

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one archive (see core/backup.py)."

    def add_arguments(self, parser):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        parser.add_argument("--output", default=f"iopd-backup-{stamp}.tar.gz")

    def handle(self, *args, output, **options):
        try:
            manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        found = ", ".join(f"{count} {name}" for name, count in manifest["counts"].items())
        self.stdout.write(f"Backed up {found} and {len(manifest['files'])} files to {output}")
        if manifest["missing_files"]:
            self.stderr.write(
                f"warning: {len(manifest['missing_files'])} files named by images or documents "
                f"were missing from MEDIA_ROOT, e.g. {manifest['missing_files'][0]}"
            )
