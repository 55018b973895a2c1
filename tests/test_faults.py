"""Database faults, made for real, give visitors a styled 503 with Retry-After."""

import json

import pytest
from django.db import connection

from tests.test_admin_and_settings import run_django
from tests.test_production import SECRET, free_port

# Requests made from inside a process running the production settings (DEBUG off).
REQUESTS = """
import json
from django.test import Client
client = Client(HTTP_X_FORWARDED_PROTO="https", raise_request_exception=False)
answers = {}
for method, path, data in %s:
    response = getattr(client, method)(path, data, secure=True)
    answers[f"{method} {path}"] = [
        response.status_code, response.get("Retry-After"), response.content.decode()
    ]
print("ANSWERS " + json.dumps(answers))
"""


def ask(static_root, database_url, requests):
    env = {
        "STATIC_ROOT": str(static_root),
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
    result = run_django(
        "iopd_site.settings.production", env, "shell", "-c", REQUESTS % repr(requests)
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("ANSWERS ")]
    assert lines, result.stderr[-3000:]
    return json.loads(lines[-1].removeprefix("ANSWERS "))


def assert_unavailable(answer):
    status, retry_after, body = answer
    assert status == 503 and retry_after == "30"
    assert "The site is briefly unavailable" in body
    assert 'rel="stylesheet"' in body and "Traceback" not in body


def test_an_unreachable_database_gives_the_unavailable_page(static_root):
    url = f"postgres://nobody@127.0.0.1:{free_port()}/iopd"
    answers = ask(static_root, url, [("get", "/en/", {}), ("get", "/admin/login/", {})])
    for answer in answers.values():
        assert_unavailable(answer)


@pytest.mark.django_db
def test_a_read_only_database_still_serves_pages_and_refuses_writes_politely(static_root):
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        "?options=-c%20default_transaction_read_only%3Don"
    )
    answers = ask(
        static_root,
        url,
        [
            ("get", "/en/", {}),
            ("get", "/en/experiences/", {}),
            ("post", "/admin/login/", {"username": "someone", "password": "wrong"}),
        ],
    )
    assert answers["get /en/"][0] == 200
    assert answers["get /en/experiences/"][0] == 200
    assert_unavailable(answers["post /admin/login/"])
