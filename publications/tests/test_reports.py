"""Reports: PDF text, citations, structured data, the filtered index, privacy and budgets."""

import datetime
import io
import json
import re
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import RequestFactory, override_settings
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from publications import citations, pdf
from publications.demo.reports import REPORTS
from publications.factories import ReportPageFactory
from publications.models import (
    PdfText,
    ReportAuthor,
    ReportIndexPage,
    ReportPage,
    ReportPdf,
)
from publications.models.reports import isbn_is_valid, validate_doi, validate_isbn
from search.indexing import deliver
from search.models import IndexedDocument
from taxonomy.models import Topic
from tests.fixtures import DURABLE_TASKS, run_background_worker, sign_in

pytestmark = pytest.mark.django_db

Document = get_document_model()
ENGLISH = "Participatory budgeting lets residents decide how to spend part of the municipal budget."
FRENCH = "La démocratie participative associe les habitants aux décisions de leur ville."


def pdf_bytes(*pages):
    document = FPDF()
    document.set_font("Helvetica", size=12)
    for text in pages:
        document.add_page()
        document.multi_cell(0, 7, text)
    return bytes(document.output())


def encrypted_bytes(user_password="secret"):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(ENGLISH))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


BROKEN = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF body\n%%EOF"


def document(data, name="report.pdf", title=None):
    doc = Document(title=title or name)
    doc.file.save(name, ContentFile(data), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def english_index():
    return ReportIndexPage.objects.get(locale__language_code="en")


def new_report(pdfs=(), authors=None, publish=True, **fields):
    """A report under the English index, with (language, document) PDFs and authors."""
    fields.setdefault("abstract", "An abstract.")
    page = ReportPageFactory.build(**fields)
    page.pdfs = [
        ReportPdf(language=language, document=doc, sort_order=order)
        for order, (language, doc) in enumerate(pdfs)
    ]
    if authors is None:
        authors = [ReportAuthor(kind="person", name="Ana Ruiz", sort_order=0)]
    page.authors = authors
    page.live = publish
    english_index().add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


# --- PDF text ---------------------------------------------------------------------------


def test_text_is_read_from_pdfs_in_two_languages():
    for language, text in (("en", ENGLISH), ("fr", FRENCH)):
        reading = pdf.read(io.BytesIO(pdf_bytes(text, "Second page.")))
        assert reading.status == "ok", language
        assert reading.page_count == 2
        assert " ".join(text.split()) in " ".join(reading.text.split()), language
        assert "Second page." in reading.text


def test_a_damaged_pdf_is_reported_never_raised():
    reading = pdf.read(io.BytesIO(BROKEN))
    assert reading.status == "broken"
    assert reading.error and reading.text == ""


def test_an_encrypted_pdf_is_reported_and_one_without_a_user_password_is_read():
    assert pdf.read(io.BytesIO(encrypted_bytes())).status == "encrypted"
    reading = pdf.read(io.BytesIO(encrypted_bytes(user_password="")))
    assert reading.status == "ok"
    assert "Participatory budgeting" in reading.text


@override_settings(REPORT_PDF_MAX_CHARS=120)
def test_reading_stops_at_the_character_cap():
    reading = pdf.read(io.BytesIO(pdf_bytes(ENGLISH * 3, ENGLISH * 3)))
    assert reading.truncated
    assert len(reading.text) <= 120


def test_a_file_that_is_not_a_pdf_is_refused_with_a_clear_message():
    cases = {
        "notes.txt": (b"plain text", "“{}” is not a PDF file; attach the report as a PDF."),
        "fake.pdf": (b"<html>not a pdf</html>", "“{}” is named .pdf but does not contain a PDF."),
    }
    for name, (data, message) in cases.items():
        doc = document(data, name)
        with pytest.raises(ValidationError) as raised:
            pdf.validate_document(doc)
        assert raised.value.messages == [message.format(doc.filename)], name


def test_a_too_large_or_too_long_pdf_is_refused():
    big = document(pdf_bytes(ENGLISH, ENGLISH, ENGLISH), "big.pdf")
    with override_settings(REPORT_PDF_MAX_BYTES=500), pytest.raises(ValidationError) as raised:
        pdf.validate_document(big)
    assert "a report's PDF may be at most 500" in raised.value.messages[0]
    with override_settings(REPORT_PDF_MAX_PAGES=2), pytest.raises(ValidationError) as raised:
        pdf.validate_document(big)
    assert raised.value.messages == [
        f"“{big.filename}” has 3 pages; a report's PDF may have at most 2."
    ]
    # Damaged and encrypted files pass: they are reported after saving instead.
    pdf.validate_document(document(BROKEN, "broken.pdf"))
    pdf.validate_document(document(encrypted_bytes(), "locked.pdf"))


def many_pages(count, declared=None, per_node=1000):
    """A valid PDF of `count` empty pages in a two-level page tree, written by hand (as a
    hostile file would be); its root may declare another count."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    nodes = (count + per_node - 1) // per_node
    first_page = 3 + nodes
    kids = b" ".join(b"%d 0 R" % (3 + n) for n in range(nodes))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, declared or count)
    for n in range(nodes):
        pages = range(first_page + n * per_node, first_page + min(count, (n + 1) * per_node))
        kids = b" ".join(b"%d 0 R" % page for page in pages)
        objects[3 + n] = b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (
            kids,
            len(pages),
        )
        for page in pages:
            objects[page] = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 10 10] >>" % (3 + n)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    xref, size = out.tell(), max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    out.writelines(b"%010d 00000 n \n" % offsets[number] for number in range(1, size))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def test_a_pdf_of_a_hundred_thousand_pages_is_refused_not_passed_as_damaged():
    huge = document(many_pages(100_000), "huge.pdf")
    with pytest.raises(ValidationError) as raised:
        pdf.validate_document(huge)
    assert raised.value.messages == [
        "“huge.pdf” has 100000 pages; a report's PDF may have at most 600."
    ]
    # A file that declares 5 pages and holds 5,000 is stopped within the page budget.
    liar = document(many_pages(5_000, declared=5), "liar.pdf")
    with pytest.raises(ValidationError) as raised:
        pdf.validate_document(liar)
    assert raised.value.messages == [
        "“liar.pdf” has more than 600 pages; a report's PDF may have at most 600."
    ]
    reading = pdf.read(io.BytesIO(many_pages(5_000, declared=5)))
    assert reading.status == "broken" and "more than 600 pages" in reading.error
    # An honest file under the limit is counted and read as before.
    assert pdf.read(io.BytesIO(many_pages(40))).page_count == 40


def test_the_text_is_stored_once_and_read_again_when_the_file_changes():
    doc = document(pdf_bytes("First version about sortition."), "v.pdf")
    [row] = pdf.ensure_extracted([doc]).values()
    assert row.status == "ok" and "sortition" in row.text
    first_read = PdfText.objects.get(pk=doc.pk).extracted_at
    pdf.ensure_extracted([doc])
    assert PdfText.objects.get(pk=doc.pk).extracted_at == first_read  # unchanged file
    doc.file.save("v2.pdf", ContentFile(pdf_bytes("Second version about climate.")), save=False)
    doc._set_document_file_metadata()
    doc.save()
    row = PdfText.objects.get(pk=doc.pk)
    assert "climate" in row.text and "sortition" not in row.text


def pdf_with_content(content):
    """A one-page PDF whose page draws `content` (PDF operators), stored compressed."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = StreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_reading_a_hostile_pdf_stops_at_its_time_and_memory_limits(settings):
    # 20 KB that take seconds to read: a word drawn 50,000 times.
    slow = pdf_with_content(b"BT /F1 12 Tf 10 10 Td (word) Tj ET\n" * 50_000)
    # 40 KB that unpack to 40 MB.
    bomb = pdf_with_content(b"BT /F1 12 Tf 10 10 Td (" + b"a" * 40_000_000 + b") Tj ET\n")
    settings.REPORT_PDF_MAX_SECONDS = 1
    started = time.monotonic()
    reading = pdf.read_within_limits(slow)
    assert time.monotonic() - started < 3
    assert (reading.status, reading.error) == ("broken", "Reading took longer than 1 s.")
    # Time enough even on a busy machine: it is the memory that stops this one.
    settings.REPORT_PDF_MAX_SECONDS = 60
    settings.REPORT_PDF_MAX_MEMORY = 16 * 1024 * 1024
    reading = pdf.read_within_limits(bomb)
    assert reading.status == "broken" and "MemoryError" in reading.error
    # Within the limits, the child reads as well as this process does.
    settings.REPORT_PDF_MAX_MEMORY = pdf.MAX_MEMORY
    reading = pdf.read_within_limits(pdf_bytes(ENGLISH))
    assert reading.status == "ok" and "Participatory budgeting" in reading.text


def test_the_form_answers_at_once_and_the_worker_reads_the_pdf_after(
    settings, monkeypatch, django_capture_on_commit_callbacks, client
):
    settings.TASKS = DURABLE_TASKS
    page = new_report()
    annex = document(
        pdf_bytes("Sortition panels in Mongolia chose the constitutional changes."),
        "annex.pdf",
        "Mongolian annex",
    )
    editor = sign_in("reader", superuser=True)
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/", {**form_data(page, [("en", annex)]), "action-publish": "1"}
    )
    assert response.status_code == 302
    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("“Mongolian annex” is being read in the background" in note for note in notes)
    assert PdfText.objects.get(pk=annex.pk).status == "pending"
    content = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Being read; the status shows here when done" in content
    assert page.title not in client.get("/en/search/", {"q": "Mongolia"}).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        run_background_worker(monkeypatch)
    text = PdfText.objects.get(pk=annex.pk)
    assert text.status == "ok" and "Sortition panels" in text.text and text.page_count == 1
    content = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Text read (1 page)" in content
    found = client.get("/en/search/", {"q": "Mongolia"}).content.decode()
    assert page.title in found


def test_a_file_read_once_is_not_counted_again_when_it_could_not_tell(monkeypatch):
    damaged = document(BROKEN, "damaged.pdf")
    pdf.ensure_extracted([damaged])
    assert PdfText.objects.get(pk=damaged.pk).page_count is None
    opened = []
    monkeypatch.setattr(pdf, "_open_reader", lambda stream: opened.append(1) or (None, "x"))
    pdf.validate_document(damaged)
    assert opened == []


# --- identifiers --------------------------------------------------------------------------


def test_isbn_and_doi_are_validated():
    for value in ("0-306-40615-2", "978-0-306-40615-7", "979 10 90636 07 1", "0-8044-2957-X"):
        assert isbn_is_valid(value), value
        validate_isbn(value)
    for value in ("0-306-40615-3", "978-0-306-40615-8", "12345", "978030640615X"):
        assert not isbn_is_valid(value), value
        with pytest.raises(ValidationError):
            validate_isbn(value)
    for value in ("10.1234/iopd.2021.1", "https://doi.org/10.5555/abc(1)", "doi:10.12345/x"):
        validate_doi(value)
    for value in ("10.12/short", "iopd-2021", "10.1234/with space"):
        with pytest.raises(ValidationError):
            validate_doi(value)


def test_a_doi_link_is_stored_as_the_bare_doi():
    page = ReportPage(doi="https://doi.org/10.5555/IOPD.1", isbn=" 978-0-306-40615-7 ")
    page.clean()
    assert page.doi == "10.5555/IOPD.1"
    assert page.doi_url == "https://doi.org/10.5555/IOPD.1"


# --- the editor's form --------------------------------------------------------------------


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return client


def form_data(page, pdfs, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "report_type": page.report_type,
        "publication_date": page.publication_date.isoformat(),
        "abstract": page.abstract,
        "licence": page.licence,
        "isbn": page.isbn,
        "doi": page.doi,
        "keywords": "",
        "authors": inline_formset([{"kind": "person", "name": "Ana Ruiz"}]),
        "pdfs": inline_formset(
            [{"language": language, "document": doc.pk} for language, doc in pdfs]
        ),
        "related": inline_formset([]),
        "members": inline_formset([]),
        "body": streamfield([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_unreadable_pdf_saves_the_page_and_warns_the_editor(editor):
    page = new_report()
    broken = document(BROKEN, "damaged.pdf", "Damaged annex")
    locked = document(encrypted_bytes(), "locked.pdf", "Locked annex")
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/", form_data(page, [("en", broken), ("fr", locked)])
    )
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert (
        "The English PDF “Damaged annex” was saved, but its text cannot be searched: "
        "Damaged: the file cannot be read." in warnings
    )
    assert any("“Locked annex”" in text and "Protected by a password" in text for text in warnings)
    page = ReportPage.objects.get(pk=page.pk)
    saved = page.get_latest_revision_as_object()
    assert {pdf.language for pdf in saved.pdfs.all()} == {"en", "fr"}
    # The edit form shows the status of each saved PDF.
    page.get_latest_revision().publish()
    content = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Damaged: the file cannot be read" in content
    assert "Protected by a password: its text cannot be read" in content


def test_a_non_pdf_or_a_second_pdf_in_one_language_is_refused_and_nothing_is_lost(editor):
    good = document(pdf_bytes(ENGLISH), "good.pdf")
    page = new_report(pdfs=[("en", good)])
    before = page.get_latest_revision().pk
    notes = document(b"just words", "notes.txt")
    cases = {
        "not a PDF": (
            [("en", notes)],
            f"“{notes.filename}” is not a PDF file; attach the report as a PDF.",
        ),
        "one language twice": (
            [("en", good), ("en", document(pdf_bytes(FRENCH), "other.pdf"))],
            "There is already a PDF in this language; remove one of the two.",
        ),
    }
    for case, (pdfs, message) in cases.items():
        response = editor.post(f"/admin/pages/{page.pk}/edit/", form_data(page, pdfs))
        assert response.status_code == 200, case
        assert message in response.content.decode(), case
        assert ReportPage.objects.get(pk=page.pk).get_latest_revision().pk == before, case
    assert [pdf.document for pdf in ReportPage.objects.get(pk=page.pk).pdfs.all()] == [good]


def test_a_wrong_isbn_is_refused_on_the_form(editor):
    page = new_report()
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/", form_data(page, [], isbn="978-0-306-40615-8")
    )
    assert "Enter a valid ISBN-10 or ISBN-13" in response.content.decode()


# --- citations ----------------------------------------------------------------------------

SPECIAL_TITLE = "Budgets & juries: 100% {local} #democracy_now ~ $5 ^ \\ d’été"


def parse_bibtex(text):
    """(entry type, key, {field: value}) of one entry, with braces balanced inside values."""
    head = re.match(r"@(\w+)\{([^,]+),\n", text)
    fields, position = {}, head.end()
    for match in re.finditer(r"  (\w+) = \{", text[position:]):
        start = position + match.end()
        depth, index = 1, start
        while depth:
            char = text[index]
            if char == "\\":
                index += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            index += 1
        fields[match.group(1)] = text[start : index - 1]
    return head.group(1), head.group(2), fields


@pytest.fixture
def special_report():
    topic = Topic.objects.get(slug="sortition", locale__language_code="en")
    page = new_report(
        title=SPECIAL_TITLE,
        slug="special-characters",
        report_type="special",
        publication_date=datetime.date(2021, 6, 30),
        abstract="Line one\nline two & more.",
        isbn="978-0-306-40615-7",
        doi="10.5555/iopd.2021.7",
        authors=[
            ReportAuthor(kind="person", name="García Ruiz, Tomás", sort_order=0),
            ReportAuthor(kind="organisation", name="Ville de Paris & Co", sort_order=1),
            ReportAuthor(kind="person", name="Jean-Pierre Diallo", sort_order=2),
        ],
    )
    page.topics = [topic]
    page.keywords.add("juries", "sortition")
    page.save_revision().publish()
    return ReportPage.objects.get(pk=page.pk)


def request_for(page):
    return RequestFactory().get(page.url)


def test_bibtex_escapes_special_characters_and_braces_organisations(special_report):
    text = citations.bibtex(special_report, request_for(special_report))
    entry_type, key, fields = parse_bibtex(text)
    assert entry_type == "techreport"
    assert key == "garciaruiz2021budgets"
    assert fields["title"] == (
        r"{Budgets \& juries: 100\% \{local\} \#democracy\_now \textasciitilde{} \$5 "
        r"\textasciicircum{} \textbackslash{} d’été}"
    )
    assert fields["author"] == (
        r"García Ruiz, Tomás and {Ville de Paris \& Co} and Diallo, Jean-Pierre"
    )
    assert fields["year"] == "2021"
    assert fields["date"] == "2021-06-30"
    assert fields["type"] == "Special report"
    assert fields["institution"] == "International Observatory on Participatory Democracy"
    assert fields["doi"] == "10.5555/iopd.2021.7"
    assert fields["isbn"] == "9780306406157"
    assert fields["url"] == "http://testserver/en/reports/special-characters/"
    assert fields["abstract"] == r"Line one line two \& more."
    assert fields["keywords"] == "juries, sortition"
    assert fields["langid"] == "en"


def test_ris_follows_the_line_rules(special_report):
    text = citations.ris(special_report, request_for(special_report))
    assert text.endswith("ER  - \r\n")
    lines = text.split("\r\n")[:-1]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), lines
    assert "\n" not in text.replace("\r\n", "")
    tags = [(line[:2], line[6:]) for line in lines]
    assert tags[0] == ("TY", "RPRT")
    assert [value for tag, value in tags if tag == "AU"] == [
        "García Ruiz, Tomás",
        "Ville de Paris & Co,",
        "Diallo, Jean-Pierre",
    ]
    values = dict(tags)
    assert values["TI"] == SPECIAL_TITLE
    assert values["PY"] == "2021"
    assert values["DA"] == "2021/06/30"
    assert values["DO"] == "10.5555/iopd.2021.7"
    assert values["SN"] == "9780306406157"
    assert values["AB"] == "Line one line two & more."
    assert values["M3"] == "Special report"
    assert [value for tag, value in tags if tag == "KW"] == ["juries", "sortition"]


def test_csl_json_names_people_and_organisations(special_report):
    [item] = json.loads(citations.csl_json(special_report, request_for(special_report)))
    assert item["type"] == "report"
    assert item["title"] == SPECIAL_TITLE
    assert item["author"] == [
        {"family": "García Ruiz", "given": "Tomás"},
        {"literal": "Ville de Paris & Co"},
        {"family": "Diallo", "given": "Jean-Pierre"},
    ]
    assert item["issued"] == {"date-parts": [[2021, 6, 30]]}
    assert item["DOI"] == "10.5555/iopd.2021.7"
    assert item["ISBN"] == "9780306406157"
    assert item["URL"] == "http://testserver/en/reports/special-characters/"
    assert item["publisher"] == "International Observatory on Participatory Democracy"
    assert item["language"] == "en"
    assert item["keyword"] == "juries, sortition"


def test_citation_downloads_have_their_content_types_and_file_names(client, special_report):
    expected = {
        "bibtex": ("application/x-bibtex; charset=utf-8", "special-characters.bib"),
        "ris": ("application/x-research-info-systems; charset=utf-8", "special-characters.ris"),
        "csl-json": (
            "application/vnd.citationstyles.csl+json; charset=utf-8",
            "special-characters.json",
        ),
    }
    for fmt, (content_type, filename) in expected.items():
        response = client.get(f"{special_report.url}cite/{fmt}/")
        assert response.status_code == 200, fmt
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
        assert response["X-Robots-Tag"] == "noindex"
    assert client.get(f"{special_report.url}cite/endnote/").status_code == 404


def test_the_cite_box_gives_a_reference_in_the_visitors_language(client):
    content = client.get("/fr/rapports/rapport-annuel-2021/").content.decode()
    assert "Citer ce rapport" in content
    assert (
        # The organisation's name is written once, in English, and marked as such.
        '<span lang="en">IOPD Technical Secretariat</span>, &amp; Martínez Soler, L. (2022). '
        "<em>Rapport annuel 2021</em> (Rapport annuel). "
        "Observatoire international de la démocratie participative. "
        "https://doi.org/10.5555/iopd.2022.1"
    ) in content
    assert 'href="/fr/rapports/rapport-annuel-2021/cite/bibtex/"' in content


def test_a_report_signed_by_nobody_is_cited_as_the_observatorys():
    page = new_report(authors=[], title="Unsigned", publication_date=datetime.date(2020, 1, 2))
    reference = str(citations.apa_reference(page, request_for(page)))
    assert reference.startswith(
        "International Observatory on Participatory Democracy (2020). <em>Unsigned</em> (Study). "
        "http://testserver/en/reports/"
    )


# --- structured data and sharing -----------------------------------------------------------


def json_ld(content):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return [json.loads(block) for block in blocks]


def test_the_report_page_describes_itself_as_a_schema_org_report(client):
    content = client.get("/en/reports/annual-report-2021/").content.decode()
    [data] = json_ld(content)
    assert data["@type"] == "Report"
    assert data["name"] == "Annual report 2021"
    assert data["datePublished"] == "2022-02-10"
    assert data["inLanguage"] == "en"
    assert [author["@type"] for author in data["author"]] == ["Organization", "Person"]
    assert data["author"][1]["name"] == "Laura Martínez Soler"
    assert data["isbn"] == "9788412345612"
    assert data["identifier"]["propertyID"] == "DOI"
    assert data["identifier"]["value"] == "10.5555/iopd.2022.1"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert {node["name"] for node in data["about"]} == {
        "Participation and climate change",
        "Gender perspective",
    }
    assert [(m["@type"], m["inLanguage"]) for m in data["encoding"]] == [
        ("MediaObject", "en"),
        ("MediaObject", "fr"),
        ("MediaObject", "es"),
    ]
    assert all(m["contentUrl"].startswith("http://testserver/documents/") for m in data["encoding"])
    assert data["image"].startswith("http://testserver/")
    assert '<meta property="og:type" content="article">' in content
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+"', content)


# --- the index ----------------------------------------------------------------------------


def expected_slugs(**wanted):
    """English slugs of the demo reports matching the filters, from the demo data itself."""
    children = {topic.slug for topic in Topic.objects.filter(parent__slug=wanted.get("topic"))}
    slugs = set()
    for item in REPORTS:
        if "type" in wanted and item["type"] != wanted["type"]:
            continue
        if "year" in wanted and item["date"].year != int(wanted["year"]):
            continue
        if "topic" in wanted and not ({wanted["topic"], *children} & set(item["topics"])):
            continue
        if "language" in wanted and wanted["language"] not in item["pdfs"]:
            continue
        slugs.add(item["slug"][0])
    return slugs


def listed_slugs(content):
    return set(re.findall(r'<h3 class="card__title"><a href="/en/reports/([^/"]+)/"', content))


def test_each_filter_and_their_combinations_narrow_the_list(client, subtests):
    cases = [
        {"type": "annual"},
        {"type": "study"},
        {"year": "2021"},
        {"topic": "youth"},  # a broader topic includes its narrower ones
        {"topic": "climate"},
        {"language": "fr"},
        {"language": "es"},
        {"type": "special", "year": "2021"},
        {"type": "guide", "language": "fr"},
        {"type": "special", "topic": "gender", "language": "es"},
        {"year": "2022", "language": "en", "type": "annual"},
    ]
    for params in cases:
        with subtests.test(**params):
            response = client.get("/en/reports/", params)
            content = response.content.decode()
            expected = expected_slugs(**params)
            assert expected  # every case has results in the demo
            assert listed_slugs(content) == expected
            assert response["X-Robots-Tag"] == "noindex"
            assert 'class="notice"' not in content
    response = client.get("/en/reports/")
    assert listed_slugs(response.content.decode()) == expected_slugs()
    assert not response.has_header("X-Robots-Tag")


def test_unknown_filter_values_give_a_note_not_an_error(client, subtests):
    cases = {
        "type": ("memoir", "No report matches the type “memoir”; that filter was ignored."),
        "year": ("20x1", "“20x1” is not a year; it was ignored."),
        "topic": ("<b>x</b>", "No report matches the topic “&lt;b&gt;x&lt;/b&gt;”"),
        "language": ("de", "No report matches the pdf language “de”"),
    }
    for param, (value, note) in cases.items():
        with subtests.test(param=param):
            response = client.get("/en/reports/", {param: value})
            assert response.status_code == 200
            content = response.content.decode()
            assert note in content
            assert listed_slugs(content) == expected_slugs()
            assert response["X-Robots-Tag"] == "noindex"


def test_cards_show_cover_type_year_and_authors(client):
    content = client.get("/en/reports/", {"type": "annual", "year": "2022"}).content.decode()
    card = content[content.index('<article class="card report-card">') :]
    card = card[: card.index("</article>")]
    assert '<img alt="" class="report-card__cover"' in card
    assert 'Annual report · <time datetime="2022-02-10">2022</time>' in card
    assert "IOPD Technical Secretariat, Laura Martínez Soler" in card


def test_the_index_paginates_and_keeps_the_filters_in_its_links(client):
    for number in range(12):
        new_report(title=f"Study {number}", report_type="study")
    first = client.get("/en/reports/", {"type": "study"}).content.decode()
    assert len(listed_slugs(first)) == 12
    assert 'href="?type=study&amp;page=2"' in first
    second = client.get("/en/reports/", {"type": "study", "page": "2"}).content.decode()
    assert len(listed_slugs(second)) == len(expected_slugs(type="study"))


# --- privacy ------------------------------------------------------------------------------


def test_drafts_and_restricted_reports_never_show(client):
    secret = document(pdf_bytes("Zyxwombat secret findings."), "secret.pdf")
    draft = new_report(title="Draft report zyxwombat", publish=False, pdfs=[("en", secret)])
    restricted = new_report(title="Members-only report zyxwombat", pdfs=[("en", secret)])
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    deliver()
    index = client.get("/en/reports/").content.decode()
    assert "zyxwombat" not in index
    assert not IndexedDocument.objects.filter(page_id__in=[draft.pk, restricted.pk]).exists()
    search = client.get("/en/search/", {"q": "zyxwombat"}).content.decode()
    assert "Draft report" not in search and "Members-only" not in search
    for fmt in ("bibtex", "ris", "csl-json"):
        assert client.get(f"/en/reports/{draft.slug}/cite/{fmt}/").status_code == 404
        response = client.get(f"/en/reports/{restricted.slug}/cite/{fmt}/")
        assert response.status_code == 302 and "/login" in response["Location"]


def login(username, *groups, superuser=False):
    from django.contrib.auth.models import Group
    from django.test import Client

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-12345678")
    user.is_superuser = superuser
    user.save()
    user.groups.set(Group.objects.filter(name__in=groups))
    client = Client()
    client.post("/admin/login/", {"username": username, "password": "pw-12345678"})
    return client


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """Documents also written to disk under a temporary MEDIA_ROOT, as production stores
    them, so the document view can send them. (Swapping the storage itself would empty the
    in-memory storage that holds the demo's images for the rest of the session.)"""
    from django.db.models.signals import post_save

    settings.MEDIA_ROOT = tmp_path

    def write(sender, instance, **kwargs):
        path = Path(instance.file.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with instance.file.open("rb") as source:
            path.write_bytes(source.read())

    model = get_document_model()
    post_save.connect(write, sender=model, dispatch_uid="files-on-disk")
    yield tmp_path
    post_save.disconnect(sender=model, dispatch_uid="files-on-disk")


def test_the_pdf_of_a_private_report_is_served_only_to_those_who_may_read_it(
    client, django_capture_on_commit_callbacks, files_on_disk
):
    from editorial.roles import COORDINATORS, JURY, OFFICERS, translators_group

    secret = document(pdf_bytes("Members only."), "members.pdf")
    shared = document(pdf_bytes("For everyone."), "everyone.pdf")
    draft_only = document(pdf_bytes("Not yet."), "draft.pdf")
    restricted = new_report(title="Members-only report", pdfs=[("en", secret)])
    new_report(title="Public report", pdfs=[("en", shared)])
    new_report(title="Draft report", pdfs=[("en", draft_only)], publish=False)
    coordinator = login("coordinator", COORDINATORS)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            f"/admin/pages/{restricted.pk}/privacy/",
            {"restriction_type": "password", "password": "open-sesame"},
        )
    readers = {
        "visitor": client,
        "jury": login("jury", JURY),
        "translator": login("translator", translators_group("fr")),
        "officer": login("officer", OFFICERS),
        "coordinator": coordinator,
    }
    # Who may edit the report may read its file; a signed-in account alone is not enough.
    may_read = {"officer", "coordinator"}
    for name, reader in readers.items():
        for doc, allowed in ((secret, name in may_read), (draft_only, name in may_read)):
            response = reader.get(doc.url)
            assert (response.status_code == 200) == allowed, (name, doc.title)
        assert reader.get(shared.url).status_code == 200, name
    # A visitor without the password is sent to the report, which asks for it; with it, the
    # file is theirs. A draft's file is as missing as the draft.
    response = client.get(secret.url)
    assert response.status_code == 302 and response["Location"] == restricted.url
    assert client.get(draft_only.url).status_code == 404
    form = client.get(restricted.url).content.decode()
    action = re.search(r'<form[^>]+action="([^"]+)"', form).group(1)
    client.post(action, {"password": "open-sesame", "return_url": restricted.url})
    assert client.get(secret.url).status_code == 200


def test_document_files_have_no_public_address(settings, files_on_disk):
    """In development /media/ serves images only; documents go through /documents/."""
    import importlib

    from django.urls import clear_url_caches

    from iopd_site import urls

    secret = document(pdf_bytes("Members only."), "members-only.pdf")
    (files_on_disk / "original_images").mkdir()
    (files_on_disk / "original_images" / "photo.jpg").write_bytes(b"not really a jpeg")
    settings.DEBUG = True
    try:
        importlib.reload(urls)
        clear_url_caches()
        from django.test import Client

        client = Client()
        assert client.get(f"/media/{secret.file.name}").status_code == 404
        assert client.get("/media/original_images/photo.jpg").status_code == 200
    finally:
        settings.DEBUG = False
        importlib.reload(urls)
        clear_url_caches()


@override_settings(SENDFILE_BACKEND="core.sendfile", SENDFILE_URL="/protected/")
def test_behind_a_proxy_the_file_is_handed_over_by_an_internal_redirect(client, files_on_disk):
    from wagtail.utils.sendfile import _get_sendfile

    _get_sendfile.clear()
    shared = document(pdf_bytes("For everyone."), "handed-over.pdf")
    new_report(title="Public report", pdfs=[("en", shared)])
    try:
        response = client.get(shared.url)
    finally:
        _get_sendfile.clear()
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/{shared.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"


# --- search -------------------------------------------------------------------------------


def test_a_report_is_found_by_the_words_of_its_pdf(client):
    topic = Topic.objects.get(slug="youth-participatory-budgeting", locale__language_code="en")
    english = document(pdf_bytes("Quokkaballot appears only in this PDF."), "en.pdf")
    french = document(pdf_bytes("Le mot ornithorynque n'est que dans le PDF français."), "fr.pdf")
    page = new_report(
        title="Schools that vote",
        pdfs=[("fr", french), ("en", english)],
        publication_date=datetime.date(2019, 5, 1),
    )
    page.topics = [topic]
    page.keywords.add("school ballots")
    page.save_revision().publish()
    deliver()
    doc = IndexedDocument.objects.get(page_id=page.pk).data
    assert doc["type"] == "report"
    assert doc["topic"] == ["youth", "youth-participatory-budgeting"]
    assert doc["keyword"] == ["school ballots"]
    assert doc["year"] == 2019
    assert "Quokkaballot" in doc["body"] and "ornithorynque" not in doc["body"]
    content = client.get("/en/search/", {"q": "quokkaballot"}).content.decode()
    assert "Schools that vote" in content
    assert "Report" in content  # the type facet


# --- query budgets ------------------------------------------------------------------------


def test_report_page_and_index_render_within_their_query_budgets(
    client, django_assert_max_num_queries
):
    client.get("/en/reports/annual-report-2021/")  # warm the site cache and renditions
    client.get("/en/reports/")
    with django_assert_max_num_queries(21):
        response = client.get("/en/reports/annual-report-2021/")
    assert response.status_code == 200
    with django_assert_max_num_queries(20):
        response = client.get("/en/reports/", {"type": "special", "language": "en"})
    assert response.status_code == 200


@pytest.mark.engine
def test_the_engine_finds_a_report_by_its_pdf_and_facets_it_as_a_report(search_engine):
    from django.utils import translation

    from search.params import SearchParams
    from search.query import EngineSearch

    english = document(pdf_bytes("Numbatcouncil appears only in this PDF."), "numbat.pdf")
    page = new_report(title="Councils of many voices", pdfs=[("en", english)])
    deliver()
    search_engine.refresh()
    results = EngineSearch(search_engine).search(
        SearchParams.from_query({"q": "numbatcouncil"}, "en"), "en"
    )
    assert [hit.page_id for hit in results.hits] == [page.pk]
    with translation.override("fr"):
        everything = EngineSearch(search_engine).search(
            SearchParams.from_query({"type": "report"}, "fr"), "fr"
        )
        [types] = [facet for facet in everything.facets if facet.name == "type"]
        labels = {bucket.value: str(bucket.label) for bucket in types.buckets}
    assert labels["report"] == "Rapport"
    # The French demo reports: those with a French PDF, and the index of none.
    assert everything.total == sum("fr" in item["pdfs"] for item in REPORTS)


def test_a_report_studies_experiences_and_events_only():
    from publications.models import ReportRelatedPage
    from repository.models import ExperiencePage

    experience = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    ReportRelatedPage(page=experience).clean()
    with pytest.raises(ValidationError) as raised:
        ReportRelatedPage(page=english_index()).clean()
    assert raised.value.message_dict["page"] == ["Choose an experience or an event."]


def test_a_translated_report_cites_and_links_in_its_own_language(client):
    [item] = json.loads(client.get("/fr/rapports/rapport-annuel-2020/cite/csl-json/").content)
    assert item["title"] == "Rapport annuel 2020"
    assert item["genre"] == "Rapport annuel"
    assert item["language"] == "fr"
    assert item["publisher"] == "Observatoire international de la démocratie participative"
    assert item["URL"] == "http://testserver/fr/rapports/rapport-annuel-2020/"
    content = client.get("/fr/rapports/rapport-annuel-2020/").content.decode()
    # The experience studied, in the visitor's language.
    assert 'href="/fr/experiences/budget-participatif-porto-alegre/"' in content


def test_an_experience_knows_the_reports_that_study_it(client):
    from django.utils import translation

    from publications.models.reports import reports_studying
    from repository.models import ExperiencePage

    porto_alegre = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    french = ExperiencePage.objects.get(slug="budget-participatif-porto-alegre")
    with translation.override("fr"):
        titles = [report.title for report in reports_studying(french)]
    # Two demo reports study it; the gender report has no French page, so it stays English.
    assert titles == ["The gender perspective in citizen participation", "Rapport annuel 2020"]
    # The experience page lists them for its readers, in their language where translated.
    content = client.get(french.url).content.decode()
    assert "Rapports sur cette expérience" in content
    assert 'href="/fr/rapports/rapport-annuel-2020/"' in content
    hidden = next(r for r in reports_studying(porto_alegre) if r.slug == "gender-perspective")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    assert "gender-perspective" not in [r.slug for r in reports_studying(porto_alegre)]
    assert hidden.url not in client.get(porto_alegre.url).content.decode()
