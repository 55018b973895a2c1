"""The SQLite demo (`make run`), where some failures happen only: coordinators search the
member list, the member types and the topics in the admin (Wagtail's database search there is
SQLite's full-text index, which answers "no such column" when a listing names the fields to
search, wagtail#10217), and an address with a number too large for SQLite is a 404."""

import json

import pytest

from tests.test_admin_and_settings import run_django

# Signs in through the login form and reads each listing as a coordinator's browser would.
SEARCHES = """
import json
from django.contrib.auth import get_user_model
from django.test import Client
get_user_model().objects.create_superuser("carla", "carla@example.org", "a-long-pass-phrase")
client = Client()
signed = client.post("/admin/login/", {"username": "carla", "password": "a-long-pass-phrase"})
answers = {"sign in": [signed.status_code, ""]}
for url in (
    "/admin/snippets/network/memberorganisation/?q=Porto",
    "/admin/snippets/network/membertype/?q=movement",
    "/admin/snippets/taxonomy/topic/?q=budget",
):
    response = client.get(url)
    answers[url] = [response.status_code, response.content.decode()]
print(json.dumps(answers))
"""

HUGE_NUMBER = """
from django.test import Client
client = Client(raise_request_exception=False)
print(client.get("/en/propose-an-update/99999999999999999999999/").status_code)
"""


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlite-demo")
    env = {
        "DATABASE_URL": f"sqlite:///{path / 'db.sqlite3'}",
        "SEARCH_ENGINE_URL": "",
        "MEDIA_ROOT": str(path / "media"),
        "ALLOWED_HOSTS": "testserver",
    }
    for command in (("migrate", "--noinput"), ("createcachetable",), ("load_demo",)):
        result = run_django("iopd_site.settings.dev", env, *command)
        assert result.returncode == 0, result.stderr[-2000:]
    return env


def last_line(env, script):
    result = run_django("iopd_site.settings.dev", env, "shell", "-c", script)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def test_coordinators_search_members_types_and_topics_on_the_sqlite_demo(sqlite_demo):
    answers = json.loads(last_line(sqlite_demo, SEARCHES))
    assert answers.pop("sign in")[0] == 302
    found = {
        "memberorganisation": "Porto Alegre",
        "membertype": "Social movement",
        "topic": "Participatory budgeting",
    }
    for url, (status, content) in answers.items():
        assert status == 200, url
        expected = next(text for model, text in found.items() if f"/{model}/" in url)
        assert expected in content, url


def test_a_number_too_large_for_sqlite_in_an_address_is_not_found(sqlite_demo):
    assert last_line(sqlite_demo, HUGE_NUMBER) == "404"
