"""A long import on the SQLite demo leaves the site answering: visitors read pages and sign in
(a write) while `import_experiences` runs in another process, as on `make run`.

SQLite has one writer. An import held it from its first row to its last, so a sign-in waited
for the busy timeout and got "database is locked"; the import now commits in short batches."""

import csv
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest

from tests.test_admin_and_settings import ROOT, django_environment, run_django
from tests.test_production import free_port

PASSWORD = "a-long-test-passphrase"
# Shorter than any import below, longer than a batch: a visitor who waits for the whole
# import fails, one who waits for a batch does not.
BUSY_TIMEOUT = "3"


def write_rows(path, count):
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["external_id", "title", "summary", "country", "topics", "keywords"])
        for number in range(count):
            writer.writerow(
                [
                    f"serving-{number}",
                    f"Neighbourhood budget {number}",
                    "Residents chose the projects of their district.",
                    "PT",
                    "participatory-budgeting; youth",
                    "budget; district",
                ]
            )


class Visitor(threading.Thread):
    def __init__(self, base):
        super().__init__(daemon=True)
        self.base = base
        self.answers = []  # (what, status)
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            for path in ("/en/", "/en/experiences/"):
                self.answers.append((path, self.fetch(urllib.request.build_opener(), path)[0]))
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
            status, page, _url = self.fetch(opener, "/admin/login/")
            self.answers.append(("sign-in form", status))
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            if token:
                form = {
                    "csrfmiddlewaretoken": token[1],
                    "username": "visitor",
                    "password": PASSWORD,
                }
                data = urllib.parse.urlencode(form).encode()
                status, page, url = self.fetch(opener, "/admin/login/", data)
                # Signed in: the form sends the visitor on to the dashboard.
                landed = urllib.parse.urlsplit(url).path == "/admin/"
                self.answers.append(("sign-in", status if landed else f"{status} at {url}"))

    def fetch(self, opener, path, data=None):
        try:
            with opener.open(self.base + path, data=data, timeout=60) as response:
                return response.status, response.read().decode(), response.url
        except urllib.error.HTTPError as error:
            return error.code, "", path
        except OSError as error:
            return type(error).__name__, "", path


@pytest.fixture
def demo(tmp_path):
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SEARCH_ENGINE_URL": "",
        "SQLITE_TIMEOUT": BUSY_TIMEOUT,
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    for command in (("migrate", "--noinput"), ("createcachetable",), ("load_demo",)):
        result = run_django("iopd_site.settings.dev", env, *command)
        assert result.returncode == 0, result.stderr[-2000:]
    script = (
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser('visitor', 'v@example.org', '{PASSWORD}')"
    )
    assert run_django("iopd_site.settings.dev", env, "shell", "-c", script).returncode == 0
    return env


def test_visitors_read_and_sign_in_while_an_import_runs(demo, tmp_path):
    rows = tmp_path / "rows.csv"
    write_rows(rows, 1000)
    port = free_port()
    environment = django_environment("iopd_site.settings.dev", demo)
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    visitor = Visitor(f"http://127.0.0.1:{port}")
    try:
        wait_for(f"http://127.0.0.1:{port}/en/")
        visitor.start()
        started = time.monotonic()
        result = run_django("iopd_site.settings.dev", demo, "import_experiences", str(rows))
        took = time.monotonic() - started
        assert result.returncode == 0, result.stderr[-2000:]
        assert "1000 were created" in result.stdout
    finally:
        visitor.stopping.set()
        visitor.join(timeout=90)
        server.terminate()
        server.wait(timeout=30)
    assert took > float(BUSY_TIMEOUT), "the import must outlast the busy timeout to prove anything"
    sign_ins = [status for what, status in visitor.answers if what == "sign-in"]
    assert sign_ins, "the visitor signed in at least once during the import"
    failures = [(what, status) for what, status in visitor.answers if status != 200]
    assert failures == [], failures


def wait_for(url):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")
