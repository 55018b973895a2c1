"""Fixtures shared by every app's tests: the demo site, the search engine node, a real browser."""

import io
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.core.management import call_command

PASSWORD = "a-long-test-passphrase"


def editorial_roles():
    """Each editorial role and the groups of a person holding it (editorial/roles.py)."""
    from editorial.roles import COORDINATORS, JURY, MEMBER_CONTACTS, OFFICERS, translators_group

    return {
        "officer": [OFFICERS],
        "coordinator": [COORDINATORS],
        "translator_fr": [translators_group("fr")],
        "translator_es": [translators_group("es")],
        "jury": [JURY],
        "member": [MEMBER_CONTACTS],
    }


def admin_form_fields(html):
    """{name: [values]} a browser would post from the admin editor's form in `html` (a page's, a
    snippet's or the settings' editor)."""
    import sys
    from pathlib import Path

    bench = str(Path(__file__).resolve().parents[1] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    from load import EditForm  # the benchmark's reading of the editor's form

    class AdminForm(EditForm):
        def handle_starttag(self, tag, attrs):
            if tag == "form" and dict(attrs).get("id") == "w-editor-form":
                attrs = [("id", "page-edit-form")]
            super().handle_starttag(tag, attrs)

    parser = AdminForm()
    parser.feed(html)
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    return data


def post_form(client, url, changes, action=None):
    """Opens the admin form at `url` (a page's, a snippet's or the settings' editor) and posts
    it back with `changes`, as a browser does."""
    data = admin_form_fields(client.get(url).content.decode())
    data.update(
        {name: value if isinstance(value, list) else [value] for name, value in changes.items()}
    )
    if action:
        data[action] = [action]
    response = client.post(url, data)
    if response.status_code != 302:
        form = response.context and response.context.get("form")
        formsets = getattr(form, "formsets", {})
        errors = form and [form.errors, {name: f.errors for name, f in formsets.items()}]
        raise AssertionError(f"{url} was not saved: {errors or response.status_code}")
    return response


def give_picture(client, page, title):
    """As an editor does: uploads a picture to the image library and publishes `page` with it as
    its lead image (its translations take it when they follow the source). The image's id."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    png = SimpleUploadedFile("picture.png", get_test_image_file().file.getvalue(), "image/png")
    response = client.post("/admin/images/add/", {"title": title, "file": png})
    assert response.status_code == 302, f"the picture was not uploaded: {response.status_code}"
    image = get_image_model().objects.get(title=title)
    post_form(
        client, f"/admin/pages/{page.pk}/edit/", {"hero_image": str(image.pk)}, "action-publish"
    )
    return image.pk


def submit_for_review(client, page, changes=None):
    """The editor's "Submit to …" (or "Resubmit to …") button, with the form as the editor
    shows it plus `changes`: Wagtail starts, or resumes, the page's workflow."""
    return post_form(client, f"/admin/pages/{page.pk}/edit/", changes or {}, "action-submit")


def review(client, page, action, comment=""):
    """A reviewer's "Approve" or "Request changes" ("reject") from their dashboard, whose
    script posts to the workflow action address the dashboard gives each page."""
    import re

    dashboard = client.get("/admin/").content.decode()
    found = re.search(
        rf'data-workflow-action-url="(/admin/pages/workflow/action/{page.pk}/{action}/\d+/)"',
        dashboard,
    )
    assert found, f"{action} is not offered for {page} on the dashboard"
    response = client.post(found.group(1), {"comment": comment})
    assert response.status_code in (200, 302), response.status_code
    return response


def sign_in(username, *groups, superuser=False):
    """A client signed in as a new account in these groups, through the login form as a person
    signs in (so throttling, the session and the login signals all run)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.is_superuser = superuser
    user.save()
    user.groups.set(Group.objects.filter(name__in=groups))
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, f"{username} could not sign in"
    client.user = user
    return client


# The background queue as production has it: tasks wait in a table for the worker.
DURABLE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["translations", "documents"],
    },
}


def run_background_worker(monkeypatch):
    """The real worker command, run once over every queue. Between tasks it closes connections
    that are not in autocommit, which inside a test's transaction is the test's own."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command(
        "db_worker",
        "--batch",
        "--backend",
        "background",
        "--queue-name",
        "*",
        "--no-startup-delay",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def pytest_collection_modifyitems(config, items):
    """Every test that reaches the node, through `search_engine` directly or through a fixture
    built on it, is marked `engine`: `-m engine` is then the whole set of engine calls, which
    `make test` runs on the second engine too.

    The `cluster` tests kill nodes of the three-node cluster and need it as their engine: they
    run only when asked for by name (`-m cluster`), as `make test`'s second lane does."""
    for item in items:
        if "search_engine" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.engine)
    if "cluster" not in (config.option.markexpr or ""):
        cluster = [item for item in items if item.get_closest_marker("cluster")]
        if cluster:
            config.hook.pytest_deselected(items=cluster)
            items[:] = [item for item in items if not item.get_closest_marker("cluster")]


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_report_header(config):
    lines = []
    url = os.environ.get("SEARCH_ENGINE_URL")
    if url:
        from search.engine import EngineUnavailable, detect

        try:
            kind, version = detect(url)
            lines.append(f"search engine: {kind} {version} at {url}")
        except EngineUnavailable as error:
            lines.append(f"search engine: {url} unreachable ({error})")
    else:
        lines.append("search engine: none (SEARCH_ENGINE_URL is not set)")
    cluster = os.path.join(os.environ.get("IOPD_CLUSTER_RUN_DIR", ""), "env")
    if "cluster" in (config.option.markexpr or "") and os.path.isfile(cluster):
        from search.tests.cluster import read_env

        found = read_env(cluster)
        version, nodes = found.get("SEARCH_ENGINE_VERSION"), found.get("SEARCH_ENGINE_URL")
        lines.append(f"search cluster: OpenSearch {version} at {nodes}")
    database = os.environ.get("DATABASE_URL", "sqlite (DATABASE_URL is not set)")
    lines.append(f"database: {database.split('@')[-1]}")
    return lines


@pytest.fixture(autouse=True)
def empty_cache():
    """A test's rolled-back data must not survive in the cache for the next test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def database_cache(settings, monkeypatch):
    """The caches production configures from its environment, on the database backend."""
    from django.core.cache import cache

    from iopd_site.settings.base import caches_from_env

    monkeypatch.setenv("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache")
    monkeypatch.setenv("CACHE_LOCATION", "iopd_test_cache")
    settings.CACHES = caches_from_env()
    call_command("createcachetable")
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Requests activate their language in the thread; each test starts from the default."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# A copy of every table once the demo is loaded, in a schema of the test database beside it.
DEMO_SNAPSHOT = "demo_snapshot"


def _tables(cursor, schema):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema])
    return sorted(row[0] for row in cursor.fetchall())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo content, loaded once per test database, is the fixture every test starts from."""
    from django.db import connection

    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {DEMO_SNAPSHOT} CASCADE")
            cursor.execute(f"CREATE SCHEMA {DEMO_SNAPSHOT}")
            for table in _tables(cursor, "public"):
                cursor.execute(f'CREATE TABLE {DEMO_SNAPSHOT}."{table}" AS TABLE public."{table}"')


@pytest.fixture
def demo_live(transactional_db):
    """Demo content for tests that need committed data (a live server in another thread).

    Copied back from the snapshot taken after the session's load_demo: loading the demo again
    took 20-40 s a test on a busy CI machine, a tenth of the whole run. The rows are the same,
    content types and permissions included (the flush between tests made new ones), and the
    files are still in the session's storage."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches
    from django.core.management.color import no_style
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        tables = _tables(cursor, DEMO_SNAPSHOT)
        cursor.execute("TRUNCATE " + ", ".join(f'public."{t}"' for t in tables) + " CASCADE")
        for table in tables:  # foreign keys are checked at commit (Django makes them deferred)
            cursor.execute(f'INSERT INTO public."{table}" SELECT * FROM {DEMO_SNAPSHOT}."{table}"')
        models = apps.get_models(include_auto_created=True)  # the many-to-many tables too
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def search_engine(settings):
    """The real search engine node with a fresh index of the demo content.

    Its absence fails in CI, and skips (saying why) elsewhere. Each test worker has its own
    index name; the index is dropped afterwards."""
    from search.engine import get_engine

    config = settings.SEARCH_ENGINE_FOR_TESTS
    if not config:
        message = (
            "SEARCH_ENGINE_URL is not set: run the suite with `make test`, which starts a node"
        )
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    settings.SEARCH_ENGINE = config
    engine = get_engine()
    engine.drop_all()
    call_command("rebuild_search_index", stdout=io.StringIO(), stderr=io.StringIO())
    engine.refresh()
    yield engine
    engine.drop_all()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (which cannot download its own browser here)."""
    executable = os.environ.get("CHROMIUM_PATH")
    if not executable:
        message = "CHROMIUM_PATH is not set: `make test` finds or installs Chromium"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM stays usable in tests.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield _PatientBrowser(chromium)
        chromium.close()


class _PatientBrowser:
    """Chromium whose contexts wait 60 s, not Playwright's 30 s, before a step counts as hung:
    on CI's two shared CPUs four test workers, the Elasticsearch suite and Chromium compete,
    and a navigation once took longer than 30 s there."""

    TIMEOUT_MS = 60_000

    def __init__(self, chromium):
        self._chromium = chromium

    def new_context(self, **options):
        context = self._chromium.new_context(**options)
        context.set_default_timeout(self.TIMEOUT_MS)
        context.set_default_navigation_timeout(self.TIMEOUT_MS)
        return context

    def __getattr__(self, name):
        return getattr(self._chromium, name)


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected with the production settings, as the README says."""
    from tests.test_admin_and_settings import run_django
    from tests.test_production import SECRET

    root = tmp_path_factory.mktemp("static")
    env = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "127.0.0.1", "STATIC_ROOT": str(root)}
    result = run_django("iopd_site.settings.production", env, "collectstatic", "--noinput")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def proxy(settings):
    """A front-end cache: an HTTP server answering PURGE, as Varnish or nginx would; its
    `purged` set holds (Host, path) of every request, and `everything` the Host of each
    purge of everything (the X-Purge-All header the docs' configurations ban on)."""
    purged = set()
    everything = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            if self.headers.get("X-Purge-All"):
                everything.append((self.headers["Host"], self.path))
            else:
                purged.add((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    server.purged = purged
    server.everything = everything
    yield server
    server.shutdown()
    server.server_close()
