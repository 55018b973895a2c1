"""What the benchmarks that serve the site share: a fresh database, the production settings'
environment on loopback, a free port, and an HTTP client that keeps cookies by hand."""

import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie


def fresh_database(server_url, name):
    """The URL of an empty database `name` beside the one `server_url` names (dropped first
    if a run left it)."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(server_url)._replace(path=f"/{name}"))


def production_environment(database_url, work, behind_proxy=False):
    """The production settings as a deployment sets them on loopback, static and media files
    under `work`: speaking http, or (`behind_proxy`) reached through a TLS-terminating proxy
    whose `X-Forwarded-Proto: https` the client sends itself."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iopd_site.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
    }
    if not behind_proxy:
        environment["SECURE_SSL_REDIRECT"] = "false"
    return environment


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url, data=None, cookies=None, timeout=30, headers=None, answer_headers=None):
    """(status, body, seconds); status 0 when the server could not be reached. Cookies are
    kept by hand in `cookies`: production marks them Secure, and the benchmarks speak http.
    `answer_headers`, a dict, receives the response's headers."""
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    started = time.monotonic()
    try:
        with OPENER.open(urllib.request.Request(url, data, headers), timeout=timeout) as response:
            body, status, headers = response.read(), response.status, response.headers
    except urllib.error.HTTPError as error:
        body, status, headers = error.read(), error.code, error.headers
    except OSError:
        return 0, b"", time.monotonic() - started
    if answer_headers is not None:
        answer_headers.update(headers.items())
    if cookies is not None:
        for header in headers.get_all("Set-Cookie") or []:
            cookies.update({name: m.value for name, m in SimpleCookie(header).items()})
    return status, body, time.monotonic() - started
