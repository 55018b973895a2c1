"""Editors hear about a report's PDFs right after saving: which ones the site cannot read."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import ReportPage
from .pdf import extract_quietly


def warn_about_pdfs(request, page):
    if not isinstance(page, ReportPage):
        return
    pdfs = [pdf for pdf in page.pdfs.all() if pdf.document_id]
    texts = extract_quietly([pdf.document for pdf in pdfs])
    for pdf in pdfs:
        text = texts.get(pdf.document_id)
        if text is None or text.readable:
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


@hooks.register("after_create_page")
def after_create_report(request, page):
    warn_about_pdfs(request, page)


@hooks.register("after_edit_page")
def after_edit_report(request, page):
    warn_about_pdfs(request, page)
