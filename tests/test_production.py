"""The site as production runs it: gunicorn with the production settings, no DEBUG helpers."""

import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.db import connection

from tests.test_admin_and_settings import ROOT

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


@pytest.fixture
def gunicorn(tmp_path, static_root):
    """gunicorn with the production settings on the test database."""
    db = connection.settings_dict
    env = {
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
    port = free_port()
    import os

    environment = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "iopd_site.settings.production"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "iopd_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


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
