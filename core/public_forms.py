"""Protection shared by the public forms (joining the network, proposing an experience).

- A honeypot field that people never see and robots fill in.
- A rate limit per client address, counted in the database so every web worker sees the
  same count, from the same address the sign-in throttle reads (`client_ip`, behind
  `TRUSTED_PROXIES`).
- Files checked while they stream in: a file over the size limit, of a type not offered, or
  whose first bytes are not what its type claims is skipped chunk by chunk, never held in
  memory or on disk, and its field gets an error. The other fields of the request are still
  read, so the form comes back with everything the visitor typed.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import FormRateCount

HONEYPOT = "homepage"

# The first bytes of each type a visitor may send: a file is what it starts with, not what
# its name or its browser claims.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),  # followed by the size, then WEBP (checked below)
}
EXTENSIONS = {
    "pdf": "pdf",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "gif": "gif",
    "webp": "webp",
}


def client_ip(request, unknown="unknown"):
    """The visitor's address: behind `TRUSTED_PROXIES` proxies, the address the nearest
    trusted one saw (the right end of X-Forwarded-For, which a client cannot forge)."""
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or unknown


def over_rate_limit(request, scope):
    """Count this submission from the visitor's address; True once it is over the limit.

    Each step is one UPDATE or INSERT, atomic on every database, and the row stays locked until
    the count is read: two workers never both read "4" and write "5" (the database cache's
    `incr` is a read then a write)."""
    limit, window = settings.PUBLIC_FORM_RATE_LIMIT, settings.PUBLIC_FORM_RATE_WINDOW
    key = f"{scope}:{client_ip(request)}"[:255]
    now = timezone.now()
    counts = FormRateCount.objects.filter(key=key)
    with transaction.atomic():
        for _attempt in range(3):
            if counts.filter(window_ends__gt=now).update(count=F("count") + 1):
                break
            # A window that ended starts again; only one worker restarts it.
            if counts.filter(window_ends__lte=now).update(
                count=1, window_ends=now + timedelta(seconds=window)
            ):
                break
            try:
                with transaction.atomic():
                    FormRateCount.objects.create(
                        key=key, count=1, window_ends=now + timedelta(seconds=window)
                    )
            except IntegrityError:  # another worker counted this address first
                continue
            FormRateCount.objects.filter(window_ends__lt=now - timedelta(days=1)).delete()
            break
        count = counts.values_list("count", flat=True).first() or 0
    return count > limit


def rate_limit_message():
    return gettext(
        "Too many forms were sent from your address in the last hour. Nothing you typed is "
        "lost: please send it again later."
    )


class HoneypotForm(forms.Form):
    """A form with a field hidden from people (and from assistive technology) that robots fill."""

    homepage = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get(HONEYPOT):
            raise forms.ValidationError(
                _(
                    "This form was filled in a way people do not fill it. If you are a person, "
                    "please leave the hidden field empty and send it again."
                ),
                code="honeypot",
            )
        return cleaned


def file_type(name):
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return EXTENSIONS.get(extension)


def starts_like(kind, head):
    if not any(head.startswith(signature) for signature in SIGNATURES[kind]):
        return False
    return kind != "webp" or head[8:12] == b"WEBP"


class CheckedUploadHandler(FileUploadHandler):
    """Sits before Django's own handlers: refuses a file by its declared size, its name and its
    first bytes, and stops one that grows past the limit, before the chunk is stored.

    The refusal is kept in `errors` (field name → message) for the view to give to its form;
    `SkipFile` lets the parser carry on with the request's other fields."""

    def __init__(self, request=None):
        super().__init__(request)
        self.errors = {}
        self.files = 0

    def new_file(self, field_name, file_name, content_type, content_length, charset=None, *a):
        super().new_file(field_name, file_name, content_type, content_length, charset, *a)
        self.size = 0
        self.kind = file_type(file_name)
        self.head_checked = False
        if not file_name:
            return  # an empty file input
        self.files += 1
        if self.files > settings.PUBLIC_FORM_MAX_FILES:
            self.refuse(
                _("Send at most %(count)s files.") % {"count": settings.PUBLIC_FORM_MAX_FILES}
            )
        if self.kind is None:
            self.refuse(
                _("“%(name)s” is not a PDF, JPEG, PNG, GIF or WebP file.") % {"name": file_name}
            )
        if content_length and content_length > settings.PUBLIC_FORM_MAX_FILE_BYTES:
            self.refuse_size()

    def refuse(self, message):
        self.errors.setdefault(self.field_name, []).append(str(message))
        raise SkipFile

    def refuse_size(self):
        self.refuse(
            _("“%(name)s” is larger than %(limit)s.")
            % {
                "name": self.file_name,
                "limit": filesizeformat(settings.PUBLIC_FORM_MAX_FILE_BYTES),
            }
        )

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        if self.size > settings.PUBLIC_FORM_MAX_FILE_BYTES:
            self.refuse_size()
        if not self.head_checked and self.kind:
            self.head_checked = True
            if not starts_like(self.kind, raw_data[:16]):
                self.refuse(
                    _("“%(name)s” is not really a %(type)s file.")
                    % {"name": self.file_name, "type": self.kind.upper()}
                )
        return raw_data  # on to the handler that stores it

    def file_complete(self, file_size):
        return None  # the next handler builds the file


def install_upload_check(request):
    """Put the check in front of Django's handlers. Call before request.POST or FILES is read
    (the view is then csrf_exempt and checks the token itself, as Django documents)."""
    handler = CheckedUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    return handler


def add_upload_errors(form, handler):
    for field, messages in handler.errors.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
