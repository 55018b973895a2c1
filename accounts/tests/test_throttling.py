"""Wrong passwords pause signing in, per account and per address, until the cool-off ends or
an administrator unlocks it. Each attempt is the login form's own POST."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from editorial.roles import ADMINISTRATORS, JURY

pytestmark = pytest.mark.django_db
PASSWORD = "the-right-password-1"


def make(username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(username, password, address):
    client = Client(REMOTE_ADDR=address)
    response = client.post("/admin/login/", {"username": username, "password": password})
    return client, response


def signed_in(client):
    return client.get("/admin/").status_code == 200


@pytest.fixture
def accounts(settings):
    settings.AXES_FAILURE_LIMIT = 5
    return {name: make(name, JURY) for name in ("target", "neighbour", "elsewhere")} | {
        "admin": make("admin", ADMINISTRATORS)
    }


def test_wrong_passwords_pause_the_account_and_the_address(accounts):
    for _attempt in range(4):
        client, response = sign_in("target", "guess", "203.0.113.7")
        assert response.status_code == 200 and not signed_in(client)
        assert "Your username and password didn&#x27;t match" in response.content.decode()
    # The fifth wrong password is the last one tried.
    _client, response = sign_in("target", "guess", "203.0.113.7")
    assert response.status_code == 429
    # The right password no longer opens it, from that address or any other.
    for address in ("203.0.113.7", "198.51.100.9"):
        client, response = sign_in("target", PASSWORD, address)
        assert response.status_code == 429
        assert "Too many failed sign-ins" in response.content.decode()
        assert "Try again in 15 minutes" in response.content.decode()
        assert response["Retry-After"] == "900"
        assert not signed_in(client)
    # The address is paused for other accounts too; other people elsewhere are not.
    client, response = sign_in("neighbour", PASSWORD, "203.0.113.7")
    assert response.status_code == 429
    client, response = sign_in("elsewhere", PASSWORD, "192.0.2.44")
    assert response.status_code == 302 and signed_in(client)

    # The pause ends by itself after the cool-off.
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=16)
    with freeze_time(later):
        client, _response = sign_in("target", PASSWORD, "203.0.113.7")
        assert signed_in(client)


def test_an_administrator_unlocks_a_sign_in(accounts):
    for _attempt in range(5):
        sign_in("target", "guess", "203.0.113.7")
    admin, _response = sign_in("admin", PASSWORD, "192.0.2.1")
    page = admin.get("/admin/locked-sign-ins/").content.decode()
    assert "<h1" in page and "Locked sign-ins</h1>" in page.replace("\n", "").replace("  ", "")
    assert "<code>target</code>" in page and "<code>203.0.113.7</code>" in page
    admin.post("/admin/locked-sign-ins/", {"username": "target"})
    admin.post("/admin/locked-sign-ins/", {"ip_address": "203.0.113.7"})
    page = admin.get("/admin/locked-sign-ins/").content.decode()
    assert "No account or address is locked." in page
    client, _response = sign_in("target", PASSWORD, "203.0.113.7")
    assert signed_in(client)
    entry = ModelLogEntry.objects.get(action="accounts.unlocked")
    assert entry.user == accounts["admin"] and entry.object_id == str(accounts["target"].pk)

    # Unlocking is the administrators' (and superusers') only.
    jury, _response = sign_in("neighbour", PASSWORD, "192.0.2.2")
    assert jury.get("/admin/locked-sign-ins/").status_code in (302, 403)
    assert jury.post("/admin/locked-sign-ins/", {"username": "x"}).status_code in (302, 403)


def test_behind_a_proxy_the_visitors_address_is_counted(rf, settings):
    from accounts.throttle import client_ip

    settings.TRUSTED_PROXIES = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    # The client may write anything on the left; the proxy's own entry is the last one.
    assert client_ip(request) == "203.0.113.7"
    settings.TRUSTED_PROXIES = 0
    assert client_ip(request) == "127.0.0.1"
