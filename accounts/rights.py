"""What one person may grant another: never more than they hold themselves.

An account's rights are its model permissions and the page and collection permissions of its
groups. A group is grantable by someone who holds each of its rights (a page or collection
permission is held when granted on the same node or an ancestor). Superuser status is held by
superusers only, so only they grant it, or touch an account that has it."""

from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission


def _tree_rights(model, node_field, groups):
    return {
        (path, codename)
        for path, codename in model.objects.filter(group__in=groups).values_list(
            f"{node_field}__path", "permission__codename"
        )
    }


def _holds(held, needed):
    """Every (path, codename) needed is held on that node or one of its ancestors."""
    return all(
        any(
            path.startswith(held_path) and codename == held_codename
            for held_path, held_codename in held
        )
        for path, codename in needed
    )


def _names(permissions):
    """ "app_label.codename" of each permission, as `user.get_all_permissions()` names them."""
    return {
        f"{app}.{codename}"
        for app, codename in permissions.values_list("content_type__app_label", "codename")
    }


class Rights:
    """The rights `user` holds, read once, for the checks of one request."""

    def __init__(self, user):
        self.user = user
        self.superuser = user.is_active and user.is_superuser
        if self.superuser:
            return
        groups = list(user.groups.all())
        self.permissions = user.get_all_permissions()
        self.pages = _tree_rights(GroupPagePermission, "page", groups)
        self.collections = _tree_rights(GroupCollectionPermission, "collection", groups)

    def covers_group(self, group):
        if self.superuser:
            return True
        return (
            _names(group.permissions) <= self.permissions
            and _holds(self.pages, _tree_rights(GroupPagePermission, "page", [group]))
            and _holds(
                self.collections, _tree_rights(GroupCollectionPermission, "collection", [group])
            )
        )

    def grantable_groups(self):
        """The groups this person may give to, or take from, an account."""
        groups = Group.objects.order_by("name")
        if self.superuser:
            return groups
        return groups.filter(pk__in=[group.pk for group in groups if self.covers_group(group)])

    def covers_user(self, other):
        """`other` holds nothing this person lacks (so managing them raises nobody's rights)."""
        if self.superuser:
            return True
        if other.is_superuser:
            return False
        return _names(other.user_permissions) <= self.permissions and all(
            self.covers_group(group) for group in other.groups.all()
        )
