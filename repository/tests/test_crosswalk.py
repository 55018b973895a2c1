"""The crosswalk: identifiers of a case in other databases, entered by editors as rows checked
against each database's pattern, shown as "Also documented in" with links, exported and
imported back, and searchable on the engine and the fallback."""

import csv
import io
import json
from html import unescape

import pytest

from editorial.roles import COORDINATORS
from repository.crosswalk import DATABASES_FILE, CaseDatabase
from repository.models import ExperiencePage
from search.indexing import deliver
from search.tests.test_engine import database_search, engine_search
from tests.fixtures import post_form, sign_in

from .test_exchange import export, import_file

pytestmark = pytest.mark.django_db

PORTO_ALEGRE = "porto-alegre-participatory-budgeting"
# A made-up identifier of the right shape: the tests never claim a real record.
IDENTIFIER = "987654"


def crosswalk_form(rows):
    data = {
        "crosswalk-TOTAL_FORMS": str(len(rows)),
        "crosswalk-INITIAL_FORMS": "0",
        "crosswalk-MIN_NUM_FORMS": "0",
        "crosswalk-MAX_NUM_FORMS": "1000",
    }
    for number, (slug, identifier) in enumerate(rows):
        data.update(
            {
                f"crosswalk-{number}-id": "",
                f"crosswalk-{number}-ORDER": str(number + 1),
                f"crosswalk-{number}-DELETE": "",
                f"crosswalk-{number}-database": str(CaseDatabase.objects.get(slug=slug).pk),
                f"crosswalk-{number}-identifier": identifier,
            }
        )
    return data


def test_the_databases_ship_as_data_with_their_names_in_three_languages():
    rows = json.loads(DATABASES_FILE.read_text(encoding="utf-8"))
    assert {row["slug"] for row in rows} == set(CaseDatabase.objects.values_list("slug", flat=True))
    assert {"participedia", "latinno", "oecd-deliberative", "pb-atlas"} <= {
        row["slug"] for row in rows
    }
    for row in rows:
        assert all(row[f"name_{code}"] for code in ("en", "fr", "es"))
    participedia = CaseDatabase.objects.get(slug="participedia")
    assert participedia.link("5") == "https://participedia.net/case/5"


def test_an_editor_records_an_identifier_shown_with_its_link_and_found_by_search(
    client, search_engine
):
    page = ExperiencePage.objects.get(slug=PORTO_ALEGRE, locale__language_code="en")
    coordinator = sign_in("carla-test", COORDINATORS)
    url = f"/admin/pages/{page.pk}/edit/"

    # An identifier of the wrong shape is refused beside the row, with the reason.
    with pytest.raises(AssertionError, match="is not an identifier of Participedia"):
        post_form(coordinator, url, crosswalk_form([("participedia", "case five")]))

    post_form(
        coordinator,
        url,
        crosswalk_form([("participedia", IDENTIFIER), ("latinno", "BRA-PB-01")]),
        action="action-publish",
    )
    deliver()
    search_engine.refresh()
    content = unescape(client.get(page.url).content.decode())
    section = content.split('id="crosswalk-heading"')[1].split("</section>")[0]
    assert "Also documented in" in content
    assert f'href="https://participedia.net/case/{IDENTIFIER}"' in section
    assert "LATINNO" in section and "BRA-PB-01" in section  # no address known: no link made up

    for search in (engine_search, database_search):
        found = (
            search(search_engine, q=IDENTIFIER) if search is engine_search else search(q=IDENTIFIER)
        )
        assert page.title in {hit.title for hit in found.hits}, search.__name__


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_crosswalk_round_trips_through_the_export(tmp_path, fmt):
    page = ExperiencePage.objects.get(slug=PORTO_ALEGRE, locale__language_code="en")
    coordinator = sign_in("carla-test", COORDINATORS)
    post_form(
        coordinator,
        f"/admin/pages/{page.pk}/edit/",
        crosswalk_form([("participedia", IDENTIFIER), ("pb-atlas", "BR-RS-1989")]),
        action="action-publish",
    )
    first = export(fmt)
    ExperiencePage.objects.filter(locale__language_code="en").delete()
    failed, _out, err = import_file(tmp_path, first, f"export.{fmt}")
    assert not failed, err
    second = export(fmt)

    def rows(data):
        if fmt == "json":
            return {row["title"]: row["crosswalk"] for row in json.loads(data)["experiences"]}
        return {row["title"]: row["crosswalk"] for row in csv.DictReader(io.StringIO(data))}

    assert rows(first) == rows(second)
    expected = [f"participedia:{IDENTIFIER}", "pb-atlas:BR-RS-1989"]
    found = rows(second)[page.title]
    assert found == (expected if fmt == "json" else "; ".join(expected))


def test_bad_identifiers_are_refused_with_the_row_and_the_reason(tmp_path):
    text = "external_id,title,summary,crosswalk\n" + (
        f"x-1,Good,A case found elsewhere.,participedia:{IDENTIFIER}; latinno:MEX-01\n"
        "x-2,Unknown database,Where?,wikipedia:Porto_Alegre\n"
        "x-3,Bad shape,Which?,participedia:five\n"
        "x-4,No database,Which?,12345\n"
    )
    failed, out, err = import_file(tmp_path, text)
    assert failed
    assert "1 were created, 0 updated, 0 unchanged; 3 row(s) with errors." in out
    assert "line 3: crosswalk: unknown database “wikipedia”" in err
    assert "line 4: crosswalk: “five” is not an identifier of Participedia (e.g. 1234)." in err
    assert "line 5: crosswalk: “12345” is not database:identifier" in err
    good = ExperiencePage.objects.get(external_id="x-1")
    assert [str(row) for row in good.crosswalk.all()] == [
        f"participedia:{IDENTIFIER}",
        "latinno:MEX-01",
    ]
