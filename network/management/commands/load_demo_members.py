from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from network import demo


class Command(BaseCommand):
    help = (
        "Load the demo member directory and members, and link the experiences that name "
        "them (idempotent; load_demo runs it, run after load_demo_experiences to link those)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        home = Site.objects.get(is_default_site=True).root_page.specific
        demo.load(home)
        self.stdout.write("Demo members ready.")
