"""Editors hear about a report's PDFs right after saving: which ones are being read, which
ones the site cannot read."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import PdfText, ReportPage
from .pdf import schedule


def warn_about_pdfs(request, page):
    if not isinstance(page, ReportPage):
        return
    pdfs = [pdf for pdf in page.pdfs.all() if pdf.document_id]
    texts = schedule([pdf.document for pdf in pdfs])
    pending = [pdf for pdf in pdfs if _status(texts, pdf) == PdfText.Status.PENDING]
    if pending:
        messages.info(
            request,
            _(
                "The text of %(titles)s is being read in the background so that the site "
                "search finds it; the report's edit form shows when it is done."
            )
            % {"titles": ", ".join(f"“{pdf.document.title}”" for pdf in pending)},
        )
    for pdf in pdfs:
        text = texts.get(pdf.document_id)
        if text is None or text.readable or text.status == PdfText.Status.PENDING:
            continue
        messages.warning(
            request,
            _(
                "The %(language)s PDF “%(title)s” was saved, but its text cannot be searched: "
                "%(status)s."
            )
            % {
                "language": pdf.language_name,
                "title": pdf.document.title,
                "status": text.get_status_display(),
            },
        )


def _status(texts, pdf):
    text = texts.get(pdf.document_id)
    return text.status if text else None


@hooks.register("after_create_page")
def after_create_report(request, page):
    warn_about_pdfs(request, page)


@hooks.register("after_edit_page")
def after_edit_report(request, page):
    warn_about_pdfs(request, page)


def _may_view(page, request):
    """The visitor passes every view restriction of the page (a password entered in this
    session, a login, a group), as Wagtail asks before serving the page itself."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


@hooks.register("before_serve_document")
def keep_pdfs_of_private_reports_private(document, request):
    """A report's PDF is served to whoever may read one of its live reports, and to those
    who may edit one of them; otherwise it is as missing as the report. (Wagtail itself
    knows only the privacy of collections, not of the pages a document belongs to.)"""
    from django.http import Http404
    from django.shortcuts import redirect

    from .models import ReportPdf

    reports = [
        pdf.page for pdf in ReportPdf.objects.filter(document=document).select_related("page")
    ]
    if not reports:
        return None
    live = [page for page in reports if page.live]
    if any(_may_view(page, request) for page in live):
        return None
    user = request.user
    if user.is_authenticated and any(
        page.permissions_for_user(user).can_edit() for page in reports
    ):
        return None
    address = next((page.url for page in live if page.url), None)
    if address:
        return redirect(address)  # where the password or the login is asked for
    raise Http404
