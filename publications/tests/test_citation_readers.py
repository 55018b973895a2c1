"""Every report's citation downloads, as reference managers read them: BibTeX through
bibtexparser (the parser behind many Python reference tools), CSL-JSON through citeproc-py
rendering a bibliography with a real citation style. In every language the site publishes."""

import json

import bibtexparser
import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from publications.factories import ReportPageFactory
from publications.models import ReportAuthor, ReportIndexPage, ReportPage

pytestmark = pytest.mark.django_db

# What a reference manager needs of a report (BibTeX's @techreport; CSL's report).
BIBTEX_REQUIRED = {"author", "title", "institution", "year", "url"}


def reports():
    pages = ReportPage.objects.live().public().specific().order_by("locale__language_code", "pk")
    assert {page.locale.language_code for page in pages} == {"en", "fr", "es"}
    return pages


def test_bibtexparser_reads_every_reports_bibtex(client):
    for page in reports():
        response = client.get(f"{page.url}cite/bibtex/")
        assert response.status_code == 200, page.url
        library = bibtexparser.parse_string(response.content.decode())
        assert not library.failed_blocks, (page.url, library.failed_blocks)
        [entry] = library.entries
        assert entry.entry_type == "techreport"
        assert set(entry.fields_dict) >= BIBTEX_REQUIRED, (page.url, entry.fields_dict.keys())
        assert entry.fields_dict["year"].value.strip("{}") == str(page.year)
        assert entry.fields_dict["langid"].value.strip("{}") == page.locale.language_code


def bibliography(items):
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    rendered = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        rendered.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in rendered.bibliography()]


def test_citeproc_renders_every_reports_csl_json(client):
    for page in reports():
        response = client.get(f"{page.url}cite/csl-json/")
        items = json.loads(response.content)
        [entry] = bibliography(items)
        assert page.title.split(":")[0] in entry, (page.url, entry)
        assert str(page.year) in entry, (page.url, entry)
        # Authors come out as names, never as the "Anon." of an unreadable author list.
        assert "Anon" not in entry, (page.url, entry)


def test_an_organisation_author_is_cited_whole_by_both_readers(client):
    index = ReportIndexPage.objects.get(locale__language_code="en")
    page = ReportPageFactory(
        parent=index,
        title="Juries & budgets",
        slug="juries-and-budgets",
        authors=[
            ReportAuthor(kind="organisation", name="Ville de Paris & Co", sort_order=0),
            ReportAuthor(kind="person", name="Jean-Pierre Diallo", sort_order=1),
        ],
    )

    [entry] = bibtexparser.parse_string(
        client.get(f"{page.url}cite/bibtex/").content.decode()
    ).entries
    splitter = bibtexparser.middlewares.SeparateCoAuthors()
    names = splitter.transform_entry(entry, None).fields_dict["author"].value
    assert names == [r"{Ville de Paris \& Co}", "Diallo, Jean-Pierre"]

    [text] = bibliography(json.loads(client.get(f"{page.url}cite/csl-json/").content))
    assert text.startswith("Ville de Paris & Co and Diallo, J.-P.")
