"""A request body too large for any upload is refused before a byte of it is read.

The forms' own limits (`WAGTAILDOCS_MAX_UPLOAD_SIZE`, `WAGTAILIMAGES_MAX_UPLOAD_SIZE`,
`REPORT_PDF_MAX_BYTES`) say which file was too large, but Django has read the whole body by
then: a 200 MB file cost 200 MB of disk and a worker's time before the form refused it. This
check reads only the declared length."""

import contextlib
import logging
from contextvars import ContextVar

from django.conf import settings
from django.db.models import FileField
from django.db.models.signals import post_save, pre_save

logger = logging.getLogger(__name__)


def too_large(request):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > settings.UPLOAD_MAX_BYTES


class UploadLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("POST", "PUT", "PATCH") and too_large(request):
            from .views import bare_response

            # Nothing of the request body is read.
            referer = request.META.get("HTTP_REFERER", "")
            same_site = referer.startswith(request.build_absolute_uri("/"))
            response = bare_response(
                request,
                "413.html",
                413,
                limit_mb=settings.UPLOAD_MAX_BYTES // (1024 * 1024),
                back_url=referer if same_site else None,
            )
            response["Connection"] = "close"  # the rest of the body is not wanted
            return response
        return self.get_response(request)


# Files written by a save that never reached its row --------------------------------------------
#
# A FileField writes its file to storage just before the row's INSERT or UPDATE; when that fails
# (a locked or read-only database), the file stays with nothing pointing at it. During a
# request, each save that writes a new file is noted before and struck off after; what is left
# when the request ends is deleted.

_unfinished = ContextVar("unfinished_file_saves", default=None)


def _before_save(sender, instance, raw=False, **kwargs):
    pending = _unfinished.get()
    if pending is None or raw:
        return
    fields = [
        field
        for field in instance._meta.concrete_fields
        if isinstance(field, FileField)
        and (value := getattr(instance, field.attname))
        and not value._committed  # a new file, written by this save
    ]
    if fields:
        pending[id(instance)] = (instance, fields)


def _after_save(sender, instance, **kwargs):
    pending = _unfinished.get()
    if pending:
        pending.pop(id(instance), None)


def connect():
    pre_save.connect(_before_save, dispatch_uid="uploads-before-save")
    post_save.connect(_after_save, dispatch_uid="uploads-after-save")


class UnfinishedUploadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pending = {}
        token = _unfinished.set(pending)
        try:
            return self.get_response(request)
        finally:
            _unfinished.reset(token)
            for instance, fields in pending.values():
                for field in fields:
                    value = getattr(instance, field.attname)
                    if value and value._committed:  # written, but its row never saved
                        logger.warning("Deleting %s: its row was never saved", value.name)
                        with contextlib.suppress(Exception):
                            value.storage.delete(value.name)
