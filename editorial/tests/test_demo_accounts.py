"""The demo's accounts: one per editorial role, signed in through the login form, each seeing
what its role sees; never created on a production site."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

pytestmark = pytest.mark.django_db


def sign_in(username, password):
    client = Client()
    page = client.get("/admin/login/")
    assert page.status_code == 200
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302, f"{username} could not sign in"
    return client


def test_each_role_has_an_account_to_try(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("IOPD_DEMO_PASSWORD", "try-the-observatory")
    out = io.StringIO()
    call_command("load_demo_accounts", stdout=out)
    assert "carla" in out.getvalue() and "try-the-observatory" not in out.getvalue()
    carla = sign_in("carla", "try-the-observatory")
    assert carla.get("/admin/users/").status_code != 200  # a coordinator, not an administrator
    assert carla.get("/admin/award/candidacies/").status_code == 200
    francoise = sign_in("francoise", "try-the-observatory")
    assert francoise.get("/admin/award/candidacies/").status_code != 200
    ana = sign_in("ana", "try-the-observatory")
    assert ana.get("/admin/award/apply/").status_code == 200  # Porto Alegre's contact

    # The demo's jurors sit on the finished edition (make run seats them): they have work.
    call_command("load_demo_jury", stdout=io.StringIO())
    for juror in ("ines", "jan"):
        jury = sign_in(juror, "try-the-observatory").get("/admin/award/jury/")
        assert jury.status_code == 200, juror
        assert "Best Practice Award 2021" in jury.content.decode(), juror

    call_command("load_demo_accounts", stdout=(again := io.StringIO()))
    assert "unchanged" in again.getvalue()
    call_command("load_demo_jury", stdout=(again := io.StringIO()))
    assert "nobody new" in again.getvalue()


def test_no_demo_account_on_a_production_site(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo_accounts", stdout=io.StringIO())
