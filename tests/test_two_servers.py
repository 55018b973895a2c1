"""Two app servers behind one address, as docs/deploy.md lays them out: gunicorn processes with
the production settings sharing PostgreSQL and the database cache, reached through a proxy that
gives both the same host. What a process keeps in memory (the site cache's copies, the site of
each host, the database search's postings, the page cache's entries) must never hide a change
made through the other: an editor works on one server, a visitor reads from the other."""

import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

import pytest
from django.conf import settings

from home.models import NavigationMenuItem
from repository.models import ExperiencePage
from tests.fixtures import admin_form_fields
from tests.test_admin_and_settings import ROOT
from tests.test_production import production_environment, serving

HOST = "observatory.example"
PASSWORD = "a-long-two-server-passphrase"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Person:
    """Someone's browser behind the TLS-terminating proxy: the proxy's headers on every request,
    cookies kept by hand (production marks them Secure; the proxy speaks https to the browser)."""

    opener = urllib.request.build_opener(_NoRedirects)

    def __init__(self, address):
        self.address = address
        self.cookies = {}

    def request(self, port, path, data=None):
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            headers["Referer"] = f"https://{HOST}{path}"
            data = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data, headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                status, answer, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, answer, body = error.code, error.headers, error.read()
        for header in answer.get_all("Set-Cookie") or []:
            self.cookies.update({name: m.value for name, m in SimpleCookie(header).items()})
        return status, answer, body.decode()

    def get(self, port, path):
        return self.request(port, path)

    def post(self, port, path, data):
        return self.request(port, path, {"csrfmiddlewaretoken": self.cookies["csrftoken"], **data})

    def sign_in(self, port, username, password):
        self.get(port, "/admin/login/")
        return self.post(port, "/admin/login/", {"username": username, "password": password})

    def post_form(self, port, path, changes, action=None):
        """Opens the admin form at `path` and posts it back with `changes`, as a browser does."""
        data = admin_form_fields(self.get(port, path)[2])
        data.update({name: [value] for name, value in changes.items()})
        if action:
            data[action] = [action]
        status, _headers, body = self.request(port, path, data)
        assert status == 302, (path, status, body[:2000])


def shows(port, path, text):
    status, _headers, body = Person("198.51.100.20").get(port, path)
    return status == 200 and text in body


@pytest.fixture
def two_servers(demo_live, tmp_path, static_root):
    environment = production_environment(
        ALLOWED_HOSTS=HOST,
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(tmp_path / "media"),  # one folder, as a shared volume would be
        CACHE_BACKEND="django.core.cache.backends.db.DatabaseCache",  # production's default
        SECURE_SSL_REDIRECT="false",
        # Each server reads the search postings again before answering after any change: the
        # background reading of a large site has its own test (search/tests/test_postings.py).
        SEARCH_POSTINGS_BACKGROUND_AFTER="3600",
    )
    # The cache table, and an administrator made as a deployment makes one (with production's
    # password hasher, which the tests' fast one is not).
    superuser = {"DJANGO_SUPERUSER_PASSWORD": PASSWORD}
    for command in (
        ["createcachetable"],
        ["createsuperuser", "--noinput", "--username", "two-servers", "--email", "a@example.org"],
    ):
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env={**environment, **superuser},
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    with serving(environment) as one, serving(environment) as other:
        yield one, other


def test_a_change_made_through_one_server_shows_on_the_other(two_servers, subtests):
    one, other = two_servers
    experience = ExperiencePage.objects.get(
        slug="porto-alegre-participatory-budgeting", locale__language_code="en"
    )
    french = experience.get_translations().get(locale__language_code="fr")
    path, french_path = experience.url, french.url
    topic = experience.topics.first()
    menu = NavigationMenuItem.objects.filter(locale=experience.locale).order_by("sort_order")[0]

    # The other server has answered everything once: its memory and the shared cache hold it.
    visitor = Person("198.51.100.20")
    for page in (path, path, french_path, "/en/", "/en/experiences/", "/en/search/?q=porto"):
        assert visitor.get(other, page)[0] == 200, page
    assert visitor.get(other, path)[1]["X-Page-Cache"] == "hit"

    editor = Person("198.51.100.30")
    status, headers, _body = editor.sign_in(one, "two-servers", PASSWORD)
    assert (status, headers["Location"]) == (302, "/admin/")

    with subtests.test("the session is valid on the other server"):
        assert editor.get(other, "/admin/")[0] == 200

    with subtests.test("a page published"):
        title = "Porto Alegre, the Quillwort edition"
        edit = f"/admin/pages/{experience.pk}/edit/"
        editor.post_form(one, edit, {"title": title}, "action-publish")
        assert shows(other, path, title)
        assert shows(other, "/en/experiences/", title)
        assert shows(other, "/en/search/?q=quillwort", title)

    with subtests.test("a term renamed"):
        name = "Budgets decided next door"
        editor.post_form(one, f"/admin/snippets/taxonomy/topic/edit/{topic.pk}/", {"name": name})
        assert shows(other, path, name)
        assert shows(other, "/en/experiences/", name)

    with subtests.test("the menu edited"):
        menu_path = f"/admin/snippets/home/navigationmenu/edit/{menu.menu_id}/"
        editor.post_form(one, menu_path, {"items-0-label": "Who we are, next door"})
        assert shows(other, "/en/", "Who we are, next door")

    with subtests.test("a page made private, with its translation"):
        status, _headers, _body = editor.post(
            one, f"/admin/pages/{experience.pk}/privacy/", {"restriction_type": "login"}
        )
        assert status == 200
        for page in (path, french_path):
            status, headers, _body = visitor.get(other, page)
            assert status == 302 and "/login/" in headers["Location"], (page, status)
        assert not shows(other, "/en/search/?q=quillwort", "Porto Alegre")

    with subtests.test("failed sign-ins counted across servers"):
        attacker = Person("203.0.113.66")
        for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
            server = (one, other)[attempt % 2]
            status, _headers, body = attacker.sign_in(server, "two-servers", "wrong guess")
            if attempt < settings.AXES_FAILURE_LIMIT:
                assert status == 200 and "didn&#x27;t match" in body, attempt
        # The last failure locked the account on both servers, the right password included.
        assert status == 429
        for server in (one, other):
            status, headers, _body = attacker.sign_in(server, "two-servers", PASSWORD)
            assert status == 429 and headers["Retry-After"], server
