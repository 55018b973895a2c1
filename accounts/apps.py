from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Accounts"


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the Users section of `accounts.views`."""

    user_viewset = "accounts.views.UserViewSet"
