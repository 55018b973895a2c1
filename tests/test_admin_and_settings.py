import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_an_editor_logs_into_the_admin(client):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a-long-passphrase"}, follow=True
    )
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/admin/"
    assert response.context["user"].username == "editor"


@pytest.mark.django_db
def test_a_wrong_password_is_refused_with_a_message(client):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")
    response = client.post("/admin/login/", {"username": "editor", "password": "nope"})
    assert response.status_code == 200
    assert "Your username and password didn&#x27;t match" in response.content.decode()


@pytest.mark.django_db
def test_ensure_admin_prints_the_password_once_and_never_changes_it(capsys, monkeypatch):
    monkeypatch.delenv("IOPD_ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    first = capsys.readouterr().out
    password = first.rsplit(": ", 1)[1].strip()
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("ensure_admin")
    assert password not in capsys.readouterr().out
    assert get_user_model().objects.get(username="admin").check_password(password)


@pytest.mark.django_db
def test_loading_the_demo_again_keeps_what_editors_changed():
    about = Page.objects.get(locale__language_code="en", slug="about").specific
    about.title = "About us, as edited"
    about.save_revision().publish()
    pages_before = Page.objects.count()
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert Page.objects.count() == pages_before
    about.refresh_from_db()
    assert about.title == "About us, as edited"


def django_environment(settings_module, env):
    """This process's environment for a Django process of its own: these settings, `env`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return environment


def run_django(settings_module, env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=django_environment(settings_module, env),
        capture_output=True,
        text=True,
        # A guard against a hang, not a measure: loading the whole demo on a CI machine busy
        # with four test workers and the second engine's run can take minutes.
        timeout=600,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "oidp.net"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "oidp.net"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "k" * 20 + "-random-enough-for-the-length-check-0123"}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_secret_key_and_hosts(env, message):
    result = run_django("iopd_site.settings.production", env, "check")
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    env = {
        "SECRET_KEY": "a8f!2kq9-z7x3v0w5u1t6s4r8p2o9n3m7l5k1j0h6g4f2e8d9c7b",
        "ALLOWED_HOSTS": "oidp.net,www.oidp.net",
    }
    result = run_django(
        "iopd_site.settings.production", env, "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_editors_reach_site_settings_menus_and_footer_in_the_admin(client):
    from home.models import FooterText, NavigationMenu

    user = get_user_model().objects.create_superuser("editor", "e@example.org", "a-long-passphrase")
    client.force_login(user)
    menu = NavigationMenu.objects.get(location="main", locale__language_code="en")
    footer = FooterText.objects.get(locale__language_code="es")
    pages = {
        "/admin/settings/home/sitesettings/": "info@oidp.net",
        "/admin/snippets/home/navigationmenu/": "Main navigation",
        f"/admin/snippets/home/navigationmenu/edit/{menu.pk}/": "Links",
        f"/admin/snippets/home/footertext/edit/{footer.pk}/": "Ciudades y Gobiernos Locales Unidos",
    }
    for url, text in pages.items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


@pytest.mark.parametrize(
    "settings_module", ["iopd_site.settings.dev", "iopd_site.settings.production"]
)
def test_every_process_sees_the_same_cache(tmp_path, settings_module):
    """A privacy change or a publish made by the worker or a shell reaches the running
    server at once: the site cache is shared, not one per process."""
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECRET_KEY": "k" * 20 + "-random-enough-for-the-length-check-0123",
        "ALLOWED_HOSTS": "oidp.net",
    }
    assert run_django(settings_module, env, "createcachetable").returncode == 0
    code = "from django.core.cache import cache; cache.set('probe', 'seen by another process', 60)"
    assert run_django(settings_module, env, "shell", "-c", code).returncode == 0
    code = "from django.core.cache import cache; print(cache.get('probe'))"
    result = run_django(settings_module, env, "shell", "-c", code)
    assert result.stdout.strip().splitlines()[-1] == "seen by another process", result.stderr


@pytest.mark.parametrize(
    ("url", "replicas", "expected"),
    [
        ("http://search:9200", None, ("http://search:9200", 0)),
        (
            "http://a:9200, http://b:9200,,http://c:9200 ",
            None,
            ("http://a:9200,http://b:9200,http://c:9200", 1),
        ),
        ("http://a:9200,http://b:9200", "2", ("http://a:9200,http://b:9200", 2)),
        ("http://a:9200,http://b:9200", "0", ("http://a:9200,http://b:9200", 0)),
    ],
)
def test_the_engine_is_one_node_or_several_with_one_replica_by_default(
    monkeypatch, url, replicas, expected
):
    from iopd_site.settings.base import search_engine_from_env

    monkeypatch.setenv("SEARCH_ENGINE_URL", url)
    if replicas is None:
        monkeypatch.delenv("SEARCH_REPLICAS", raising=False)
    else:
        monkeypatch.setenv("SEARCH_REPLICAS", replicas)
    config = search_engine_from_env("pages")
    assert (config["URL"], config["REPLICAS"]) == expected


@pytest.mark.parametrize("replicas", ["one", "-1", "1.5"])
def test_a_replica_count_that_is_no_whole_number_is_refused(monkeypatch, replicas):
    from django.core.exceptions import ImproperlyConfigured

    from iopd_site.settings.base import search_engine_from_env

    monkeypatch.setenv("SEARCH_ENGINE_URL", "http://a:9200,http://b:9200")
    monkeypatch.setenv("SEARCH_REPLICAS", replicas)
    with pytest.raises(ImproperlyConfigured, match="SEARCH_REPLICAS"):
        search_engine_from_env("pages")
