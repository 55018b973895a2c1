"""A request body too large for any upload is refused before a byte of it is read.

The forms' own limits (`WAGTAILDOCS_MAX_UPLOAD_SIZE`, `WAGTAILIMAGES_MAX_UPLOAD_SIZE`,
`REPORT_PDF_MAX_BYTES`) say which file was too large, but Django has read the whole body by
then: a 200 MB file cost 200 MB of disk and a worker's time before the form refused it. This
check reads only the declared length."""

from django.conf import settings


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
