import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the first administrator once. The password comes from IOPD_ADMIN_PASSWORD or is "
        "generated and printed this one time; an existing account is never changed."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("IOPD_ADMIN_USERNAME", "admin")
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin account '{username}' exists; its password is unchanged.")
            return
        password = os.environ.get("IOPD_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username, email=os.environ.get("IOPD_ADMIN_EMAIL", ""), password=password
        )
        if os.environ.get("IOPD_ADMIN_PASSWORD"):
            self.stdout.write(f"Admin account '{username}' created with IOPD_ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin account '{username}' created. Password (shown only now): {password}"
                )
            )
