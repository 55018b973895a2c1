"""The site as production runs it: gunicorn with the production settings, no DEBUG helpers."""

import contextlib
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest
from django.db import connection

from tests.test_admin_and_settings import ROOT, django_environment

SECRET = "a8f!2kq9-z7x3v0w5u1t6s4r8p2o9n3m7l5k1j0h6g4f2e8d9c7b"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"X-Forwarded-Proto": "https"},  # as the TLS-terminating proxy says
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def database_url():
    """The test database, as a deployment's DATABASE_URL names it."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def production_environment(**overrides):
    """The production settings on the test database, as a deployment sets them. No engine: the
    test command's node has no index of this database (its default index is nobody's)."""
    env = {
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "SEARCH_ENGINE_URL": "",
    }
    return django_environment("iopd_site.settings.production", {**env, **overrides})


@contextlib.contextmanager
def serving(environment, workers=1):
    """A gunicorn server with `environment` on a free loopback port, stopped on leaving. Its
    log goes to a file (a pipe nobody reads would stall it once full), printed at the end so
    that pytest shows it with a failure."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "iopd_site.wsgi", "-b", f"127.0.0.1:{port}"]
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(
            [*command, "-w", str(workers)],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert server.poll() is None, log.seek(0) or log.read()
                    time.sleep(0.2)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.seek(0)
            print(f"--- gunicorn on port {port}:\n{log.read()[-20000:]}")


@pytest.fixture
def gunicorn(tmp_path, static_root):
    """gunicorn with the production settings on the test database."""
    environment = production_environment(
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(tmp_path / "media"),
        CACHE_BACKEND="django.core.cache.backends.locmem.LocMemCache",
    )
    with serving(environment) as port:
        yield port


@pytest.mark.django_db
def test_production_pages_have_their_css_and_scripts(gunicorn):
    status, _headers, body = get(gunicorn, "/en/")
    assert status == 200
    assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', body.decode())
    assert any(asset.endswith(".css") for asset in assets), assets
    for asset in assets:
        status, headers, content = get(gunicorn, asset)
        assert status == 200 and content, asset
        # Hashed names are cached for a year; a new deployment changes the name.
        assert "max-age=315360000" in headers["Cache-Control"], asset
