"""One account per editorial role for trying the site (`make run`): the people of the README's
journeys, all with one password, printed once or taken from IOPD_DEMO_PASSWORD. Never on a
production site (DEBUG off), and an existing account is never changed."""

import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from editorial.roles import translators_group

ACCOUNTS = Path(__file__).resolve().parents[2] / "data" / "demo_accounts.json"


class Command(BaseCommand):
    help = "Create the demo's accounts, one or two per editorial role (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for development sites only (DEBUG is off).")
        User = get_user_model()
        people = json.loads(ACCOUNTS.read_text())
        missing = [p for p in people if not User.objects.filter(username=p["username"]).exists()]
        if not missing:
            self.stdout.write("Demo accounts exist; their passwords are unchanged.")
            return
        password = os.environ.get("IOPD_DEMO_PASSWORD") or secrets.token_urlsafe(9)
        for person in missing:
            groups = person.get("groups", [])
            if "translates" in person:
                groups = [translators_group(person["translates"])]
            user = User.objects.create_user(
                username=person["username"],
                email=person["email"],
                first_name=person["first_name"],
                last_name=person["last_name"],
                password=password,
            )
            # setup_roles (run by load_demo) has made every group; a missing one is a bug here.
            user.groups.set([Group.objects.get(name=name) for name in groups])
        names = ", ".join(p["username"] for p in missing)
        shown = "IOPD_DEMO_PASSWORD" if os.environ.get("IOPD_DEMO_PASSWORD") else password
        self.stdout.write(
            self.style.WARNING(f"Demo accounts {names} created. Password (shown only now): {shown}")
        )
