from django.core.management.base import BaseCommand

from network.linking import link_organisations


class Command(BaseCommand):
    help = (
        "Link the organisations of experiences to the members they name (ignoring case and "
        "accents) and report what was matched and what was left."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report the matches without linking."
        )

    def handle(self, *args, dry_run=False, **options):
        report = link_organisations(dry_run=dry_run)
        verb = "Would link" if dry_run else "Linked"
        for page, name, member in report.matched:
            self.stdout.write(
                f"{verb}: “{name}” on {page.title} [{page.locale.language_code}] "
                f"→ {member.name} (member {member.pk})"
            )
        for page, name, reason in report.left:
            self.stdout.write(
                f"Left: “{name}” on {page.title} [{page.locale.language_code}]: {reason}"
            )
        self.stdout.write(f"{len(report.matched)} matched, {len(report.left)} left.")
