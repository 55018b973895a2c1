"""Import and export: the open-data format and the migration path from the old database."""

import csv
import io
import json
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, ReferenceIndex

from repository.exchange import codebook
from repository.models import ExperiencePage
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db

HEADER = "external_id,title,summary,country,start_year,end_year,ongoing,topics,mechanisms\n"


def import_file(tmp_path, text, name="experiences.csv", *args):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_experiences", str(path), *args, stdout=out, stderr=err)
        failed = False
    except CommandError as error:
        failed = True
        err.write(str(error))
    return failed, out.getvalue(), err.getvalue()


def export(fmt="csv", language="en"):
    out = io.StringIO()
    call_command("export_experiences", "--format", fmt, "--language", language, stdout=out)
    return out.getvalue()


def test_good_rows_are_saved_and_bad_rows_reported_with_their_line(tmp_path):
    text = HEADER + (
        "old-1,Climate jury of Brest,Residents drawn by lot advised the city.,FR,2021,2021,false,"
        "climate; Tirage au sort et diversité,citizens' assembly or jury\n"
        "old-2,Backwards,Years in the wrong order.,FR,2015,2010,false,,\n"
        "old-3,,A row without title.,ES,,,,,\n"
        'old-4,"Multi, quoted","Line one\nline two",ZZ,2001,,true,astrology,\n'
        "old-5,Plain,Only required columns and a few more.,,,,,,\n"
    )
    failed, out, err = import_file(tmp_path, text)
    assert failed  # the exit status says that some rows were refused
    assert "2 were created, 0 updated, 0 unchanged; 3 row(s) with errors." in out
    assert "line 3: end_year: The end year cannot be before the start year." in err
    assert "line 4: title: is required" in err
    assert "line 6: country: “ZZ” is not an ISO 3166-1 alpha-2 code" in err  # after a 2-line cell
    assert "line 6: topics: unknown values: astrology" in err

    brest = ExperiencePage.objects.get(external_id="old-1")
    assert brest.live and brest.country.code == "FR" and not brest.ongoing
    assert sorted(t.slug for t in brest.topics.all()) == ["climate", "sortition"]
    assert [m.slug for m in brest.mechanisms.all()] == ["citizens-assembly"]
    for refused in ("old-2", "old-3", "old-4"):
        assert not ExperiencePage.objects.filter(external_id=refused).exists()

    # Importing the same file again changes nothing.
    revisions = brest.revisions.count()
    failed, out, _err = import_file(tmp_path, text)
    assert "0 were created, 0 updated, 2 unchanged" in out
    assert brest.revisions.count() == revisions


def test_a_changed_row_updates_its_experience(tmp_path):
    import_file(tmp_path, HEADER + "old-9,Assembly,First text.,PT,2019,,true,,\n")
    failed, out, _err = import_file(
        tmp_path, HEADER + "old-9,Assembly,Second text.,PT,2019,2020,,,\n"
    )
    assert not failed
    assert "0 were created, 1 updated" in out
    page = ExperiencePage.objects.get(external_id="old-9")
    assert (page.summary, page.end_year, page.ongoing) == ("Second text.", 2020, False)


def test_dry_run_checks_everything_and_saves_nothing(tmp_path):
    pages = Page.objects.count()
    failed, out, _err = import_file(
        tmp_path, HEADER + "new-1,Dry,Nothing saved.,BR,2000,,true,,\n", "x.csv", "--dry-run"
    )
    assert not failed
    assert "1 would be created" in out
    assert Page.objects.count() == pages


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", "{not json", "not valid JSON"),
        ("bad.json", '{"experiences": 3}', "expected a list of experiences"),
        ("bad.csv", "title,summary\nA,B\n", "must name the columns, including external_id"),
    ],
)
def test_unreadable_files_are_refused_with_one_clear_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_experiences", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "x,Café,Résumé,,,,,,\n").encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_experiences", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_json_import_accepts_lists_and_names_in_any_language(tmp_path):
    records = [
        {
            "external_id": "j-1",
            "title": "Presupuesto joven",
            "summary": "Jóvenes deciden.",
            "topics": ["Presupuesto participativo joven"],
            "government_level": "Municipal",
            "budget_amount": "1500.50",
            "budget_currency": "eur",
            "keywords": ["schools", "votes"],
        }
    ]
    failed, _out, err = import_file(tmp_path, json.dumps(records), "records.json")
    assert not failed, err
    page = ExperiencePage.objects.get(external_id="j-1")
    assert [t.slug for t in page.topics.all()] == ["youth-participatory-budgeting"]
    assert str(page.budget_amount) == "1500.50" and page.budget_currency == "EUR"
    assert sorted(page.keywords.names()) == ["schools", "votes"]


def test_export_round_trip_gives_the_same_data(tmp_path):
    """Export, wipe the repository, import the file: the export is identical."""
    first = export("json")
    ExperiencePage.objects.filter(locale__language_code="en").delete()
    failed, _out, err = import_file(tmp_path, first, "export.json")
    assert not failed, err
    second = export("json")
    ignored = {"url", "last_published_at"}  # new pages get new addresses and dates
    rows = [
        [
            {k: v for k, v in row.items() if k not in ignored}
            for row in json.loads(data)["experiences"]
        ]
        for data in (first, second)
    ]
    assert len(rows[0]) == 3
    assert rows[0] == rows[1]


def test_csv_export_follows_the_codebook_and_leaves_out_drafts(client):
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    page.unpublish()
    data = list(csv.DictReader(io.StringIO(export("csv"))))
    assert list(data[0]) == [column.name for column in codebook()]
    assert {row["title"] for row in data} == {
        "Participatory budgeting in Porto Alegre",
        "Permanent citizens' dialogue in East Belgium",
    }


def test_visitors_download_the_filtered_view_without_logging_in(client):
    response = client.get("/es/experiencias/export/csv/", {"region": "europe"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row["country"] for row in rows} == {"BE", "PT"}
    assert {row["language"] for row in rows} == {"es"}
    json_response = client.get("/es/experiencias/export/json/", {"topic": "sortition"})
    records = json.loads(b"".join(json_response.streaming_content))["experiences"]
    assert [record["country"] for record in records] == ["BE"]
    codebook_response = client.get("/en/experiences/codebook/csv/")
    assert "external_id,text" in codebook_response.content.decode()
    assert client.get("/en/experiences/export/xml/").status_code == 404


def test_the_json_export_has_the_types_its_codebook_gives(client):
    """A data user reads the codebook, then the JSON: numbers are numbers, empty is null."""
    codebook_csv = client.get("/en/experiences/codebook/csv/").content.decode()
    kinds = {row["field"]: row["type"] for row in csv.DictReader(io.StringIO(codebook_csv))}
    types = {
        "decimal": (int, float),
        "integer": (int,),
        "boolean": (bool,),
        "list": (list,),
        "text": (str,),
        "code": (str,),
    }
    records = download(client, "/en/experiences/export/json/")["experiences"]
    csv_rows = {
        row["external_id"]: row
        for row in csv.DictReader(io.StringIO(download(client, "/en/experiences/export/csv/")))
    }
    assert len(records) == 3
    wrong = []
    for record in records:
        assert set(record) == set(kinds)
        for field, kind in kinds.items():
            value = record[field]
            # A bool is an int to Python, but not a number to a JSON reader.
            typed = isinstance(value, types[kind]) and (kind == "boolean") == (
                value is True or value is False
            )
            if not (value is None or (typed and value != "")):
                wrong.append((record["external_id"], field, kind, value))
            elif kind == "decimal" and value is not None:
                # The same number as the CSV's text, not a float's approximation of it.
                assert Decimal(str(value)) == Decimal(csv_rows[record["external_id"]][field])
    assert wrong == []
    by_slug = {
        urlsplit(record["url"]).path.rstrip("/").rsplit("/", 1)[-1]: record for record in records
    }
    assert by_slug["youth-participatory-budget"]["budget_amount"] == 150000
    assert by_slug["porto-alegre-participatory-budgeting"]["budget_amount"] is None
    assert by_slug["porto-alegre-participatory-budgeting"]["budget_currency"] is None
    assert all(isinstance(record["latitude"], float) for record in records)


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    return json.loads(content) if url.endswith("json/") else content


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path):
    title = '=HYPERLINK("http://example.org","click")'
    import_file(
        tmp_path, HEADER + f'f-1,"{title.replace(chr(34), chr(34) * 2)}",-Summary.,AR,,,,,\n'
    )
    rows = list(csv.DictReader(io.StringIO(export("csv"))))
    row = next(row for row in rows if row["external_id"] == "f-1")
    assert row["title"] == "'" + title
    assert row["summary"] == "'-Summary."
    porto = next(row for row in rows if row["country"] == "BR")
    assert porto["latitude"] == "-30.03465"  # numbers stay numbers
    # Importing the export gives the original text back.
    import_file(tmp_path, export("csv"), "again.csv")
    assert ExperiencePage.objects.get(external_id="f-1").title == title


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("d-1,Huge,Big number.,,,,,,\n", None),  # a valid row, for contrast
        ("d-2,Short row,Only three cells\n", "the number of cells does not match the header"),
        ("d-3,Long,Row,,,,,,,extra\n", "the number of cells does not match the header"),
    ],
)
def test_rows_with_the_wrong_number_of_cells_are_refused(tmp_path, row, message):
    failed, _out, err = import_file(tmp_path, HEADER + row)
    assert failed == (message is not None)
    if message:
        assert f"line 2: {message}" in err


def test_unknown_columns_and_absurd_numbers_are_refused(tmp_path):
    failed, _out, err = import_file(tmp_path, "external_id,title,summary,topic\nx,T,S,climate\n")
    assert failed and "unknown columns: topic" in err
    text = "external_id,title,summary,latitude,longitude\nx,T,S,1e999999999,5\ny,T,S,sNaN,5\n"
    _failed, _out, err = import_file(tmp_path, text)
    assert "line 2: latitude: “1e999999999” is not a number" in err
    assert "line 3: latitude: “sNaN” is not a number" in err


def test_a_row_in_another_language_never_overwrites_the_default_language(tmp_path):
    french = export("csv", language="fr")
    french_rows = french.count("\n") - 1
    failed, out, err = import_file(tmp_path, french, "fr.csv")
    assert not failed, err
    # Translations of the English experiences, already as they are.
    assert f"0 were created, 0 updated, {french_rows} unchanged" in out
    english = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    assert english.title == "Participatory budgeting in Porto Alegre"


def test_import_never_publishes_over_a_withdrawal_or_a_draft(tmp_path):
    import_file(tmp_path, HEADER + "w-1,Withdrawn,First.,BR,2019,,true,,\n")
    page = ExperiencePage.objects.get(external_id="w-1")
    page.unpublish()
    failed, _out, err = import_file(tmp_path, HEADER + "w-1,Withdrawn,Second.,BR,2019,,true,,\n")
    assert failed and "unpublished or has a draft in progress" in err
    page.refresh_from_db()
    assert not page.live and page.summary == "First."


def test_values_that_are_not_text_and_control_characters_are_refused(tmp_path):
    records = [
        {"external_id": "n-1", "title": {"en": "Nested"}, "summary": "S."},
        {"external_id": "n-2", "title": "T", "summary": "S.", "keywords": [{"a": 1}, "fine"]},
        {"external_id": "n-3", "title": True, "summary": "S."},
        {"external_id": "n-4", "title": "Null\x00byte", "summary": "S."},
        {"external_id": "n-5", "title": "Bell\x07", "summary": "Line one\nline two\tand a tab."},
    ]
    failed, _out, err = import_file(tmp_path, json.dumps(records), "records.json")
    assert failed
    assert "line 1: title: must be text, not an object" in err
    assert "line 2: keywords: must be text, not an object" in err
    assert "line 3: title: must be text, not true or false" in err
    assert "line 4: title: contains a control character (U+0000)" in err
    assert "line 5: title: contains a control character (U+0007)" in err
    assert not ExperiencePage.objects.filter(external_id__startswith="n-").exists()
    # Line breaks and tabs are text.
    records = [{"external_id": "n-6", "title": "T", "summary": "Line one\nline two\tand a tab."}]
    failed, _out, err = import_file(tmp_path, json.dumps(records), "records.json")
    assert not failed, err


def test_imported_experiences_are_published_as_the_admin_publishes(
    tmp_path, client, django_capture_on_commit_callbacks
):
    taken = ExperiencePage.objects.filter(locale__language_code="en").first()
    text = HEADER + (
        f'new-1,"{taken.title}",Sharing a title with a page already there.,PT,2019,,true,'
        "youth,\n"
        f'new-2,"{taken.title}",Sharing it with the row above too.,PT,2020,,true,,\n'
    )
    with django_capture_on_commit_callbacks(execute=True):
        failed, _out, err = import_file(tmp_path, text)
    assert not failed, err
    first, second = ExperiencePage.objects.filter(external_id__in=["new-1", "new-2"]).order_by(
        "external_id"
    )
    assert len({taken.slug, first.slug, second.slug}) == 3

    for page in (first, second):
        assert page.live and not page.has_unpublished_changes and page.first_published_at
        assert page.latest_revision == page.live_revision
        assert page.live_revision.as_object().summary == page.summary
        assert sorted(
            ExperiencePage.objects.get(pk=page.pk)
            .get_parent()
            .get_children()
            .values_list("path", flat=True)
        ) == sorted(
            Page.objects.filter(
                path__startswith=page.get_parent().path, depth=page.depth
            ).values_list("path", flat=True)
        )
        # The reference index holds what Wagtail itself computes for the page.
        before = sorted(
            ReferenceIndex.objects.filter(object_id=page.pk).values_list(
                "to_content_type", "to_object_id", "model_path", "content_path"
            )
        )
        ReferenceIndex.create_or_update_for_object(page)
        assert before == sorted(
            ReferenceIndex.objects.filter(object_id=page.pk).values_list(
                "to_content_type", "to_object_id", "model_path", "content_path"
            )
        )
        assert client.get(page.url).status_code == 200
    assert [topic.slug for topic in first.live_revision.as_object().topics.all()] == ["youth"]
    assert first.get_parent().numchild == first.get_parent().get_children().count()

    editor = sign_in("importer", superuser=True)
    history = editor.get(f"/admin/pages/{first.pk}/history/").content.decode()
    assert "Published" in history and "Created" in history
    found = editor.get("/admin/pages/search/", {"q": taken.title}).content.decode()
    assert f"/admin/pages/{first.pk}/edit/" in found and f"/admin/pages/{second.pk}/edit/" in found
    results = client.get("/en/search/", {"q": "Sharing a title"}).content.decode()
    assert first.url in results


def test_an_updated_experience_is_published_as_the_admin_publishes(
    tmp_path, client, django_capture_on_commit_callbacks
):
    page = ExperiencePage.objects.filter(
        locale__language_code="en",
        translation_key__in=ExperiencePage.objects.filter(locale__language_code="fr").values(
            "translation_key"
        ),
    ).first()
    before = page.live_revision_id

    def reimport(title):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["external_id", "title", "summary", "population", "topics"])
        writer.writerow([f"iopd:{page.translation_key}", title, page.summary, 123456, "youth"])
        with django_capture_on_commit_callbacks(execute=True):
            failed, out, err = import_file(tmp_path, buffer.getvalue())
        assert not failed, err
        assert "0 were created, 1 updated" in out
        return ExperiencePage.objects.get(pk=page.pk)

    # New facts: the page and, as after a publish in the admin, its French translation.
    updated = reimport(page.title)
    assert updated.population == 123456 and updated.live and not updated.has_unpublished_changes
    assert updated.live_revision_id == updated.latest_revision_id != before
    live = updated.live_revision.as_object()
    assert live.population == 123456 and [t.slug for t in live.topics.all()] == ["youth"]
    french = ExperiencePage.objects.get(
        translation_key=page.translation_key, locale__language_code="fr"
    )
    assert french.population == 123456

    # A new title: the history says it was renamed, and the search finds the new one.
    renamed = reimport("Renamed by an import")
    editor = sign_in("reimporter", superuser=True)
    history = editor.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Renamed by an import" in history and "Published" in history and "Renamed" in history
    found = client.get("/en/search/", {"q": "Renamed by an import"}).content.decode()
    assert renamed.url in found
