from django.core.management.base import BaseCommand, CommandError

from opendata.releases import ReleaseError, make_release


class Command(BaseCommand):
    help = (
        "Write a dated, versioned snapshot of the live public experiences (CSV, JSON, the "
        "codebook and a data card per language) to the media storage, with SHA-256 checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("--release-version", help="default: today's date (YYYY-MM-DD)")

    def handle(self, *args, **options):
        try:
            release = make_release(options["release_version"])
        except ReleaseError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Release {release.version}: {release.experiences} experiences ({release.rows} rows), "
            f"{len(release.countries)} countries; added {release.added}, updated "
            f"{release.updated}, withdrawn {release.withdrawn}."
        )
        for file in release.files:
            self.stdout.write(f"  {file['name']}  {file['size']} B  sha256 {file['sha256']}")
