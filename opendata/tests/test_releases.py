"""Releases as a researcher meets them: the command writes the snapshot, the open-data page
lists it in every language with sizes and checksums, the downloads are those bytes, the
citations read in reference managers, and a release imports back into an empty site."""

import csv
import hashlib
import io
import json
import re
from html.parser import HTMLParser

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
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from freezegun import freeze_time

from opendata.models import OpenDataPage, Release
from repository.models import ExperiencePage

pytestmark = pytest.mark.django_db

PAGES = {"en": "/en/open-data/", "fr": "/fr/donnees-ouvertes/", "es": "/es/datos-abiertos/"}


def release(*args):
    out = io.StringIO()
    call_command("make_release", *args, stdout=out)
    return out.getvalue()


class FilesTable(HTMLParser):
    """The rows of each release's files table: (link, name, size shown, checksum shown)."""

    def __init__(self):
        super().__init__()
        self.rows, self._cells, self._href, self._in_row = [], [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self._in_row, self._cells, self._href = True, [], None
        elif tag in ("td", "th") and self._in_row:
            self._cells.append("")
        elif tag == "a" and self._in_row and "download" in attrs:
            self._href = attrs["href"]

    def handle_data(self, data):
        if self._in_row and self._cells:
            self._cells[-1] += data

    def handle_endtag(self, tag):
        if tag == "tr" and self._in_row:
            self._in_row = False
            if self._href:
                self.rows.append((self._href, *[cell.strip() for cell in self._cells]))


def files_on(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parser = FilesTable()
    parser.feed(response.content.decode())
    return response, parser.rows


def downloaded(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content)


def protect(experience):
    """An editor makes an experience private in the admin's privacy dialog."""
    editor = get_user_model().objects.create_superuser("keeper", "keeper@example.org", "pw-1234")
    admin = Client()
    admin.force_login(editor)
    response = admin.post(
        f"/admin/pages/{experience.pk}/privacy/",
        {"restriction_type": "password", "password": "open-sesame"},
    )
    assert response.status_code == 200


def test_the_page_lists_each_release_with_downloads_matching_the_checksums_shown(client):
    with freeze_time("2026-11-02"):
        out = release()
    assert "Release 2026-11-02: 3 experiences" in out
    for code, path in PAGES.items():
        response, rows = files_on(client, path)
        assert response.context["page"].locale.language_code == code
        # Data, then the codebook and the data card in each language.
        assert len(rows) == 8, rows
        for url, name, _size, checksum in rows:
            content = downloaded(client, url)
            assert hashlib.sha256(content).hexdigest() == checksum, (path, name)
            assert re.fullmatch(r"[0-9a-f]{64}", checksum)
        assert "2026" in response.content.decode()
    record = Release.objects.get()
    assert record.version == "2026-11-02" and record.experiences == 3 and record.added == 3


def test_the_data_card_speaks_each_language_and_counts_the_changes(client):
    with freeze_time("2026-11-02"):
        release()
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    page.title = "Youth participatory budget, revised"
    page.save_revision().publish()
    with freeze_time("2026-12-01"):
        release()
    newest = Release.objects.get(version="2026-12-01")
    assert (newest.added, newest.updated, newest.withdrawn) == (0, 1, 0)
    cards = {file["language"]: file for file in newest.files if file["key"].startswith("card-")}
    expected = {
        "en": ("Changes since the last release", "Since release 2026-11-02", "Updated: 1"),
        "fr": ("Changements depuis la dernière version", "Depuis la version 2026-11-02"),
        "es": ("Cambios desde la última versión", "Desde la versión 2026-11-02"),
    }
    for code, phrases in expected.items():
        url = f"{PAGES[code]}releases/2026-12-01/card-{code}/"
        text = downloaded(client, url).decode()
        assert hashlib.sha256(text.encode()).hexdigest() == cards[code]["sha256"]
        for phrase in phrases:
            assert phrase in text, (code, phrase)
        assert "CC BY 4.0" in text


def test_a_release_leaves_out_drafts_private_pages_and_unpublished_translations(client):
    private = ExperiencePage.objects.get(
        slug="youth-participatory-budget", locale__language_code="en"
    )
    protect(private)
    draft = ExperiencePage.objects.get(
        slug="porto-alegre-participatory-budgeting", locale__language_code="en"
    )
    draft.title = "A title still in draft"
    draft.save_revision()
    translation = ExperiencePage.objects.filter(locale__language_code="fr").first()
    translation.unpublish()
    release("--release-version", "private-check")
    record = Release.objects.get(version="private-check")
    data = downloaded(client, f"{PAGES['en']}releases/private-check/json/")
    rows = json.loads(data)["experiences"]
    titles = {row["title"] for row in rows}
    assert private.title not in titles
    assert "A title still in draft" not in titles
    assert translation.title not in titles
    assert record.experiences == 2
    assert record.rows == len(rows)


def test_a_bad_or_taken_version_is_refused_with_the_reason():
    release("--release-version", "v1")
    with pytest.raises(CommandError, match="exists already"):
        release("--release-version", "v1")
    with pytest.raises(CommandError, match="letters, digits"):
        release("--release-version", "../etc")


def test_unknown_releases_files_and_citation_formats_are_404(client):
    release("--release-version", "v1")
    for path in ("releases/v2/csv/", "releases/v1/pdf/", "releases/v1/cite/endnote/"):
        assert client.get(PAGES["en"] + path).status_code == 404, path


def test_a_release_imports_back_into_an_empty_site(client, tmp_path):
    release("--release-version", "before")
    first = Release.objects.get(version="before")
    data = downloaded(client, f"{PAGES['en']}releases/before/csv/")
    ExperiencePage.objects.all().delete()
    path = tmp_path / "release.csv"
    path.write_bytes(data)
    call_command("import_experiences", str(path), "--publish", stdout=io.StringIO())
    release("--release-version", "after")
    second = Release.objects.get(version="after")
    assert len(list(csv.DictReader(io.StringIO(data.decode())))) == first.rows
    # The same rows, language by language (addresses and publication times aside).
    assert second.fingerprints == first.fingerprints
    assert (second.added, second.updated, second.withdrawn) == (0, 0, 0)


def bibliography(items):
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    rendered = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        rendered.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in rendered.bibliography()]


def test_each_release_is_citable_in_every_language(client):
    with freeze_time("2026-11-02"):
        release()
    for code, path in PAGES.items():
        page_html = client.get(path).content.decode()
        assert "cite__reference" in page_html
        bib = client.get(f"{path}releases/2026-11-02/cite/bibtex/").content.decode()
        library = bibtexparser.parse_string(bib)
        assert not library.failed_blocks
        [entry] = library.entries
        assert entry.entry_type == "dataset"
        fields = {name: field.value for name, field in entry.fields_dict.items()}
        assert fields["version"] == "2026-11-02" and fields["year"] == "2026"
        assert fields["langid"] == code
        assert fields["url"].startswith("http://testserver" + path)
        items = json.loads(client.get(f"{path}releases/2026-11-02/cite/csl-json/").content)
        [entry] = bibliography(items)
        assert "2026" in entry and "Anon" not in entry, entry
        ris = client.get(f"{path}releases/2026-11-02/cite/ris/").content.decode()
        assert ris.startswith("TY  - DATA\r\n") and "ET  - 2026-11-02" in ris


def test_the_open_data_page_is_in_the_footer_of_every_language(client):
    for code, path in PAGES.items():
        page = OpenDataPage.objects.get(locale__language_code=code)
        assert page.url == path
        home = client.get(f"/{code}/").content.decode()
        assert f'href="{path}"' in home, code
