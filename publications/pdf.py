"""The text of the PDF files attached to reports: checked when an editor attaches them, read
once per version of the file in the background, and kept (`PdfText`) for the site search.

The report form only looks at the file's size, header and page count (a bounded look: the
declared count, or at most ~1,200 entries of the page tree). Reading the text, the slow part,
is queued on the "documents" queue of the background worker, and done in a child process
that is killed when it passes its time or memory: a hostile file costs a bounded amount, and
never the worker itself. Until then the edit form says the PDF is being read.

Limits, each a setting so a deployment can move it:
- `REPORT_PDF_MAX_BYTES` (40 MB): a larger file is refused on the report form.
- `REPORT_PDF_MAX_PAGES` (600): a longer file is refused on the report form.
- `REPORT_PDF_MAX_CHARS` (300,000): reading stops there; the rest of the text is not searched.
- `REPORT_PDF_MAX_SECONDS` (60) and `REPORT_PDF_MAX_MEMORY` (512 MB): what reading one file
  may take; beyond, it is reported as damaged.

A file that is a PDF but cannot be read (damaged, encrypted, only scanned images) is accepted:
the page saves, the editor gets a warning and the edit form shows the status. Reading never
raises: whatever pypdf does with a hostile file ends as a status and an error text."""

import contextlib
import io
import logging
import multiprocessing
import resource
import signal
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError

logger = logging.getLogger(__name__)

MAX_BYTES = 40 * 1024 * 1024
MAX_PAGES = 600
MAX_CHARS = 300_000
MAX_SECONDS = 60
MAX_MEMORY = 512 * 1024 * 1024
# A PDF's header may follow a little junk; readers look in the first kilobyte.
HEADER_WINDOW = 1024


def max_bytes():
    return getattr(settings, "REPORT_PDF_MAX_BYTES", MAX_BYTES)


def max_pages():
    return getattr(settings, "REPORT_PDF_MAX_PAGES", MAX_PAGES)


def max_chars():
    return getattr(settings, "REPORT_PDF_MAX_CHARS", MAX_CHARS)


def max_seconds():
    return getattr(settings, "REPORT_PDF_MAX_SECONDS", MAX_SECONDS)


def max_memory():
    return getattr(settings, "REPORT_PDF_MAX_MEMORY", MAX_MEMORY)


@dataclass
class Reading:
    status: str
    text: str = ""
    page_count: int | None = None
    truncated: bool = False
    error: str = ""


def _open_reader(stream):
    """(reader, None), or (None, status) when the file is encrypted with a real password."""
    reader = PdfReader(stream)
    if reader.is_encrypted:
        # Many PDFs are encrypted with an empty user password, only to forbid printing.
        try:
            opened = reader.decrypt("")
        except Exception:  # an unsupported cipher is as closed as a password
            opened = 0
        if not opened:
            return None, "encrypted"
    return reader, None


def validate_document(document):
    """Raise ValidationError when `document` cannot be a report's PDF (not a PDF, too large or
    too long). A damaged or encrypted PDF passes: it is reported after saving, not refused."""
    name = document.filename
    if not name.lower().endswith(".pdf"):
        raise ValidationError(
            _("“%(name)s” is not a PDF file; attach the report as a PDF."), params={"name": name}
        )
    size = document.get_file_size()
    if size is None:
        raise ValidationError(_("The file of “%(name)s” cannot be found."), params={"name": name})
    if size > max_bytes():
        raise ValidationError(
            _("“%(name)s” is %(size)s; a report's PDF may be at most %(limit)s."),
            params={
                "name": name,
                "size": filesizeformat(size),
                "limit": filesizeformat(max_bytes()),
            },
        )
    try:
        with document.open_file() as stream:
            is_pdf = b"%PDF-" in stream.read(HEADER_WINDOW)
            stream.seek(0)
            pages = _page_count(document, stream) if is_pdf else None
    except TooManyPages:
        raise ValidationError(
            _(
                "“%(name)s” has more than %(limit)s pages; a report's PDF may have at most "
                "%(limit)s."
            ),
            params={"name": name, "limit": max_pages()},
        ) from None
    except Exception:  # whatever the storage raises, the editor gets a message, not a 500
        raise ValidationError(
            _("The file of “%(name)s” cannot be read."), params={"name": name}
        ) from None
    if not is_pdf:
        raise ValidationError(
            _("“%(name)s” is named .pdf but does not contain a PDF."), params={"name": name}
        )
    if pages is not None and pages > max_pages():
        raise ValidationError(
            _("“%(name)s” has %(pages)s pages; a report's PDF may have at most %(limit)s."),
            params={"name": name, "pages": pages, "limit": max_pages()},
        )


class TooManyPages(Exception):
    """The page tree holds more pages than a report may have (or lies about how many)."""


def _bounded():
    """pypdf with a page tree budget a little above the page limit: a file of 100,000 pages
    stops being read after ~1,200 entries instead of 15 s later."""
    return apply_configuration(page_tree_maximum_entries=max_pages() * 2 + 64)


def _count_pages(reader):
    """Pages of an open reader, reading the declared count first (no walk of the tree)."""
    try:
        declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except Exception:  # no usable count: walk the tree, within the budget
        declared = None
    if declared is not None and declared > max_pages():
        return declared
    try:
        with _bounded():
            return len(reader.pages)
    except LimitReachedError as error:
        raise TooManyPages from error


def _page_count(document, stream):
    """The number of pages, or None when the file cannot tell (damaged or encrypted).
    Raises TooManyPages when the tree is larger than any report may be.

    A file already read is not parsed again: every save of a report checks its PDFs."""
    from .models import PdfText

    known = (
        PdfText.objects.filter(document=document, file_hash=document.file_hash)
        .exclude(file_hash="")
        .values_list("page_count", flat=True)
    )
    for count in known:
        return count  # None too: a file that could not tell is not asked again
    try:
        reader, _status = _open_reader(stream)
        return _count_pages(reader) if reader else None
    except TooManyPages:
        raise
    except Exception:  # reported after saving, see read()
        return None


def read(stream, limit=None):
    """The text of a PDF as a Reading; never raises."""
    limit = max_chars() if limit is None else limit
    try:
        reader, status = _open_reader(stream)
        if reader is None:
            return Reading(status, error="The file is protected by a password.")
        page_count = _count_pages(reader)
        if page_count > max_pages():
            raise TooManyPages
        parts, length, truncated = [], 0, False
        for page in reader.pages:  # walked once already, within the budget, by _count_pages
            text = (page.extract_text() or "").strip()
            if text:
                parts.append(text)
                length += len(text) + 2
            if length >= limit:
                truncated = True
                break
        text = "\n\n".join(parts)[:limit]
        return Reading("ok" if text.strip() else "empty", text, page_count, truncated)
    except TooManyPages:
        return Reading("broken", error=f"The file has more than {max_pages()} pages.")
    except Exception as error:  # a hostile file must not break a save
        return Reading("broken", error=f"{type(error).__name__}: {error}"[:500])


def read_within_limits(data):
    """`read(data)` in a child process limited to `max_seconds()` and `max_memory()` more than
    this process holds; never raises."""
    context = multiprocessing.get_context("fork")  # no new interpreter: pypdf is loaded
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_read_in_child, args=(data, sender), daemon=True)
    child.start()
    sender.close()
    reading = None
    try:
        if receiver.poll(max_seconds()):
            reading = receiver.recv()
    except (EOFError, OSError):  # the child died: the kernel refused it memory, say
        pass
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if reading is not None:
        return reading
    if child.exitcode == -signal.SIGKILL:
        return Reading("broken", error=f"Reading took longer than {max_seconds()} s.")
    return Reading("broken", error=f"Reading stopped (exit code {child.exitcode}).")


def _read_in_child(data, sender):
    with contextlib.suppress(ValueError, OSError):  # no /proc or no limit: time still holds
        held = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
        limit = held + max_memory()
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        sender.send(read(io.BytesIO(data)))
    except MemoryError:
        sender.send(Reading("broken", error="Reading needed more memory than allowed."))
    finally:
        sender.close()


def extract(document):
    """Read `document` and store its text; returns the PdfText row (unsaved if storing failed)."""
    from .models import PdfText

    try:
        file_hash = document.get_file_hash()
        with document.open_file() as stream:
            reading = read_within_limits(stream.read())
    except Exception as error:  # a missing file is a broken one
        file_hash = document.file_hash
        reading = Reading("broken", error=f"{type(error).__name__}: {error}"[:500])
    row = PdfText(
        document=document,
        file_hash=file_hash,
        status=reading.status,
        text=reading.text.replace("\x00", ""),  # PostgreSQL text cannot hold NUL
        page_count=reading.page_count,
        truncated=reading.truncated,
        error=reading.error,
    )
    try:
        with transaction.atomic():  # a failure must not break the editor's transaction
            row.save()
    except Exception:
        logger.exception("Could not store the text of document %s", document.pk)
    return row


def _needs_reading(document, row):
    return (
        row is None
        or row.status == row.Status.PENDING
        or not document.file_hash
        or row.file_hash != document.file_hash
    )


def ensure_extracted(documents):
    """{document id: PdfText} for `documents`, reading now only those new, changed or queued."""
    from .models import PdfText

    documents = [document for document in documents if document is not None]
    stored = PdfText.objects.in_bulk([document.pk for document in documents])
    rows = {}
    for document in documents:
        row = stored.get(document.pk)
        rows[document.pk] = extract(document) if _needs_reading(document, row) else row
    return rows


def schedule(documents):
    """Queue the reading of the documents new or changed since they were read; returns
    {document id: PdfText} as known now ("pending" for those queued). Never raises: the
    search goes without the text, the save goes on."""
    from .models import PdfText

    try:
        documents = [document for document in documents if document is not None]
        rows = PdfText.objects.in_bulk([document.pk for document in documents])
        queued = []
        for document in documents:
            if _needs_reading(document, rows.get(document.pk)):
                rows[document.pk], _created = PdfText.objects.update_or_create(
                    document=document,
                    defaults={
                        "file_hash": document.file_hash,
                        "status": PdfText.Status.PENDING,
                        "text": "",
                        "page_count": None,
                        "truncated": False,
                        "error": "",
                    },
                )
                queued.append(document.pk)
        if queued:
            # In the save's transaction: the worker sees the task when the save commits, and
            # never one whose save was rolled back.
            read_documents.enqueue(queued)
            rows.update(PdfText.objects.in_bulk(queued))  # read already by an immediate queue
        return rows
    except Exception:
        logger.exception("Could not queue the reading of PDFs")
        return {}


@task(backend="background", queue_name="documents")
def read_documents(document_ids):
    """Read the queued PDFs and search the reports that carry them by their text."""
    from wagtail.documents import get_document_model

    from search.indexing import record

    from .models import ReportPdf

    rows = ensure_extracted(get_document_model().objects.filter(pk__in=document_ids))
    record(ReportPdf.objects.filter(document_id__in=document_ids).values_list("page_id", flat=True))
    return {str(pk): row.status for pk, row in rows.items()}


# --- keeping the text in step ---------------------------------------------------------------


def report_documents(page):
    return [pdf.document for pdf in page.pdfs.select_related("document")]


def _report_published(sender, instance, **kwargs):
    # Pages created by code (imports, the demo, workflows) are read here too.
    schedule(report_documents(instance))


def _document_saved(sender, instance, created, **kwargs):
    """A replaced file is read again, and the reports that carry it are searched by it."""
    from .models import PdfText

    if created:
        return
    stored = PdfText.objects.filter(document=instance).values_list("file_hash", flat=True).first()
    if stored is None or stored == instance.file_hash:
        return
    schedule([instance])


def connect():
    from wagtail.documents import get_document_model
    from wagtail.signals import page_published

    from .models import ReportPage

    page_published.connect(_report_published, sender=ReportPage, dispatch_uid="report-pdf-text")
    post_save.connect(
        _document_saved, sender=get_document_model(), dispatch_uid="report-pdf-text-document"
    )
