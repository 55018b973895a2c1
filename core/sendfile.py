"""A sendfile backend for Wagtail's document view behind nginx (`SENDFILE_BACKEND`).

The application decides who may read a file; nginx then sends it from an `internal`
location that no outside request can reach (docs/deployment.md). The same header works with
other proxies that honour X-Accel-Redirect."""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = HttpResponse()
    response["X-Accel-Redirect"] = quote(
        f"{settings.SENDFILE_URL.rstrip('/')}/{relative.as_posix()}"
    )
    return response
