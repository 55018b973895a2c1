from wagtail.users.forms import UserCreationForm, UserEditForm


class _LimitedByEditor:
    """The account form as the editing person may fill it: groups they may grant, and the
    superuser flag and another person's password only for superusers."""

    def __init__(self, *args, rights, **kwargs):
        super().__init__(*args, **kwargs)
        if not rights.superuser:
            self.fields.pop("is_superuser", None)
            if self.instance.pk and self.instance.pk != rights.user.pk:
                # A new password is set by its owner (here, or by the reset email).
                self.fields.pop("password1", None)
                self.fields.pop("password2", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = rights.grantable_groups()

    @property
    def password_enabled(self):
        return "password1" in self.fields and super().password_enabled


class AccountCreationForm(_LimitedByEditor, UserCreationForm):
    pass


class AccountEditForm(_LimitedByEditor, UserEditForm):
    pass
