from django.core.management.base import BaseCommand

from editorial.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or repair the editorial groups (communication officers, coordinators, "
        "translators per language, jury, administrators), their permissions and workflows."
    )

    def handle(self, *args, **options):
        groups = setup_roles()
        self.stdout.write(f"Roles ready: {', '.join(sorted(groups))}.")
