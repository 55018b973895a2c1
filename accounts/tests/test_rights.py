"""No one raises their own or another's rights through the Users and Groups sections.

Each case is what the browser sends: a member of Administrators logs in through the login
form and posts the account forms."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from editorial.roles import ADMINISTRATORS, COORDINATORS, JURY, setup_roles

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "a-long-enough-password-1"


def login(username):
    client = Client()
    response = client.post(
        "/admin/login/", {"username": username, "password": PASSWORD}, follow=True
    )
    assert response.wsgi_request.user.username == username
    return client


def make(username, *groups, superuser=False):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.is_superuser = superuser
    user.first_name, user.last_name = username.title(), "Tester"
    user.save()
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def people():
    return {
        "root": make("root", superuser=True),
        "admin": make("admin", ADMINISTRATORS),
        "jury": make("jury", JURY),
        "coordinator": make("coordinator", COORDINATORS),
    }


def form(user, **changes):
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
    }
    if "groups" not in changes:
        data["groups"] = [group.pk for group in user.groups.all()]
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_an_administrator_cannot_touch_a_superuser(people):
    root = people["root"]
    client = login("admin")
    url = f"/admin/users/edit/{root.pk}/"
    assert refused(client.get(url))
    response = client.post(
        url,
        form(root, email="mine@example.org", password1="taken-over-1", password2="taken-over-1"),
    )
    assert refused(response)
    root.refresh_from_db()
    assert root.email == "root@example.org" and root.check_password(PASSWORD)
    assert refused(client.get(f"/admin/users/history/{root.pk}/"))
    assert refused(client.get(f"/admin/users/delete/{root.pk}/"))
    assert refused(client.post(f"/admin/users/delete/{root.pk}/"))
    assert User.objects.filter(pk=root.pk, is_superuser=True).exists()


def test_an_administrator_cannot_make_a_superuser(people):
    jury = people["jury"]
    client = login("admin")
    page = client.get(f"/admin/users/edit/{jury.pk}/").content.decode()
    assert 'name="is_superuser"' not in page and 'name="password1"' not in page
    response = client.post(
        f"/admin/users/edit/{jury.pk}/",
        form(jury, is_superuser="on", password1="new-password-99", password2="new-password-99"),
    )
    assert response.status_code == 302
    jury.refresh_from_db()
    assert not jury.is_superuser
    assert jury.check_password(PASSWORD)  # another person's password is theirs to change

    response = client.post(
        reverse("wagtailusers_users:add"),
        form(
            User(username="newcomer", email="n@example.org", first_name="N", last_name="C"),
            is_superuser="on",
            password1=PASSWORD,
            password2=PASSWORD,
            groups=[],
        ),
    )
    assert response.status_code == 302
    assert not User.objects.get(username="newcomer").is_superuser


def test_groups_are_granted_only_by_those_who_hold_their_rights(people):
    managers = Group.objects.create(name="Site managers")
    managers.permissions.add(Permission.objects.get(codename="change_site"))
    client = login("admin")
    jury = people["jury"]
    response = client.post(f"/admin/users/edit/{jury.pk}/", form(jury, groups=[managers.pk]))
    assert response.status_code == 200  # the form again, with the choice refused
    assert not jury.groups.filter(pk=managers.pk).exists()
    # Roles the administrator holds can be given.
    coordinators = Group.objects.get(name=COORDINATORS)
    response = client.post(f"/admin/users/edit/{jury.pk}/", form(jury, groups=[coordinators.pk]))
    assert response.status_code == 302
    assert set(jury.groups.values_list("name", flat=True)) == {COORDINATORS}
    # An account holding more than the administrator is not theirs to manage.
    holder = make("holder", "Site managers")
    assert refused(client.get(f"/admin/users/edit/{holder.pk}/"))
    assert refused(client.post(f"/admin/users/edit/{holder.pk}/", form(holder, groups=[])))
    assert holder.groups.filter(pk=managers.pk).exists()


def test_only_superusers_edit_groups(people):
    administrators = Group.objects.get(name=ADMINISTRATORS)
    before = set(administrators.permissions.values_list("pk", flat=True))
    client = login("admin")
    for url in (
        "/admin/groups/",
        reverse("wagtailusers_groups:add"),
        f"/admin/groups/edit/{administrators.pk}/",
    ):
        assert refused(client.get(url)), url
    add_site = Permission.objects.get(codename="add_site")
    response = client.post(
        f"/admin/groups/edit/{administrators.pk}/",
        {"name": ADMINISTRATORS, "permissions": [*before, add_site.pk]},
    )
    assert refused(response)
    assert set(administrators.permissions.values_list("pk", flat=True)) == before
    assert login("root").get(f"/admin/groups/edit/{administrators.pk}/").status_code == 200


def test_an_administrator_deletes_an_account_within_their_rights(people):
    client = login("admin")
    jury = people["jury"]
    assert client.get(f"/admin/users/delete/{jury.pk}/").status_code == 200
    assert client.post(f"/admin/users/delete/{jury.pk}/").status_code == 302
    assert not User.objects.filter(pk=jury.pk).exists()


def test_every_change_of_rights_is_in_the_accounts_history(people):
    jury = people["jury"]
    client = login("admin")
    client.post(
        f"/admin/users/edit/{jury.pk}/",
        form(jury, groups=[Group.objects.get(name=COORDINATORS).pk], is_active=None),
    )
    entry = ModelLogEntry.objects.filter(action="accounts.rights").get()
    assert entry.user == people["admin"]
    assert entry.data["added"] == [COORDINATORS] and entry.data["removed"] == [JURY]
    history = client.get(f"/admin/users/history/{jury.pk}/").content.decode()
    assert "added to Coordinators; removed from Jury; deactivated" in history


def test_an_administrator_changes_their_own_password(people):
    admin = people["admin"]
    client = login("admin")
    response = client.post(
        f"/admin/users/edit/{admin.pk}/",
        form(admin, password1="my-new-password-7", password2="my-new-password-7", is_active=None),
    )
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.check_password("my-new-password-7")


def test_the_roles_are_those_defined_in_code():
    """A right added to a role by hand is drift: setting up the roles again removes it."""
    administrators = Group.objects.get(name=ADMINISTRATORS)
    add_site = Permission.objects.get(codename="add_site")
    administrators.permissions.add(add_site)
    setup_roles()
    codenames = set(administrators.permissions.values_list("codename", flat=True))
    assert "add_site" not in codenames
    assert {"add_user", "change_user", "delete_user"} <= codenames
    assert not codenames & {"add_group", "change_group", "delete_group", "add_permission"}
