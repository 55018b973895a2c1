"""Importing translations: rows in French or Spanish beside their English source, written
through wagtail-localize, drafts for review unless the import publishes them; and the export
of every language that imports back unchanged."""

import csv
import html
import io
import json

import pytest
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from editorial.roles import COORDINATORS
from repository.models import ExperiencePage
from repository.tests.test_exchange import export, import_file
from tests.fixtures import DURABLE_TASKS, run_background_worker, sign_in

pytestmark = pytest.mark.django_db

NOTICE_FR = "Cette page n’est pas encore disponible en français"
COLUMNS = ["external_id", "language", "title", "summary", "place", "country", "start_year"]


def csv_text(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


FR, EN = "Assemblées de quartier de Lyonesse", "Neighbourhood assemblies of Lyonesse"
FILE = csv_text(
    [
        # Translations may come before their source: sources are imported first.
        ["lyo-1", "fr", FR, "Les quartiers décident.", "", "", ""],
        ["lyo-1", "en", EN, "Districts decide.", "", "PT", 2019],
        ["lyo-1", "es", "Asambleas vecinales de Lyonesse", "Los barrios deciden.", "", "PT", ""],
        # One bad row of each kind.
        ["lyo-1", "de", "Nachbarschaftsversammlungen", "Die Viertel entscheiden.", "", "", ""],
        ["nowhere-9", "fr", "Assemblées de nulle part", "Personne ne décide.", "", "", ""],
        ["lyo-1", "es", "Asambleas otra vez", "Dos veces.", "", "", ""],
        ["lyo-1", "fr", "", "Sans titre.", "", "", ""],
    ]
)
# The same row with a country other than its source's, alone: its pair (lyo-1, fr) is good.
MISMATCH = csv_text([["lyo-1", "fr", "Assemblées", "Les quartiers.", "", "DK", ""]])


def pages(language):
    return ExperiencePage.objects.get(external_id="lyo-1", locale__language_code=language)


def test_translation_rows_become_drafts_for_review_through_wagtail_localize(
    tmp_path, django_capture_on_commit_callbacks, settings, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        failed, out, err = import_file(tmp_path, FILE)
    assert failed
    assert "3 were created, 0 updated, 0 unchanged; 4 row(s) with errors." in out
    assert "line 5: language: “de” is not a language of this site (en, es, fr)" in err
    assert "line 6: external_id: no experience in English has this id" in err
    assert "line 7: external_id: appears twice in this file in this language" in err
    assert "line 8: title: " in err

    english, french, spanish = pages("en"), pages("fr"), pages("es")
    assert english.live
    # A draft, as wagtail-localize makes it: strings a translator can take up in the editor.
    assert not french.live and not spanish.live
    assert french.title == "Assemblées de quartier de Lyonesse"
    assert french.slug == "assemblees-de-quartier-de-lyonesse"
    assert french.country.code == "PT" and french.start_year == 2019
    assert Translation.objects.filter(
        source__object_id=english.translation_key, target_locale__language_code="fr"
    ).exists()
    assert StringTranslation.objects.filter(
        locale__language_code="fr", data="Les quartiers décident.", tool_name="import"
    ).exists()
    editor = sign_in("carla", COORDINATORS)
    editor_props = html.unescape(editor.get(f"/admin/pages/{french.pk}/edit/").content.decode())
    assert json.dumps("Les quartiers décident.") in editor_props
    # Until a reviewer publishes, the French words are not online: the French tree shows the
    # English source with the notice, at the English slug and at the French one.
    visitor = Client()
    for address in (french.get_url(), f"{french.get_parent().url}{english.slug}/"):
        content = visitor.get(address).content.decode()
        assert NOTICE_FR in content and EN in content and FR not in content, address

    # Importing the same file again changes nothing and says so.
    failed, out, err = import_file(tmp_path, FILE)
    assert "0 were created, 0 updated, 3 unchanged; 4 row(s) with errors." in out

    # A synchronised cell that contradicts the source is refused, with the reason.
    failed, out, err = import_file(tmp_path, MISMATCH)
    assert failed and "0 were created, 0 updated, 0 unchanged" in out
    assert "country: a translation takes this from the experience in English" in err

    # The source's summary changes later: the sync keeps the imported French title and
    # offers the new summary for translation.
    settings.TASKS = DURABLE_TASKS
    changed = FILE.replace("Districts decide.", "Districts decide together.")
    with django_capture_on_commit_callbacks(execute=True):
        failed, out, err = import_file(tmp_path, changed)
    assert "0 were created, 1 updated, 2 unchanged" in out
    run_background_worker(monkeypatch)
    latest = pages("fr").get_latest_revision_as_object()
    assert latest.title == "Assemblées de quartier de Lyonesse"
    assert latest.summary == "Districts decide together."


def test_with_publish_translations_go_live_in_their_language(
    tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _failed, out, _err = import_file(tmp_path, FILE, "experiences.csv", "--publish")
    assert "3 were created" in out
    french = pages("fr")
    assert french.live and not french.has_unpublished_changes
    visitor = Client()
    content = visitor.get(french.get_url()).content.decode()
    assert "Assemblées de quartier de Lyonesse" in content and NOTICE_FR not in content
    english = visitor.get(pages("en").get_url()).content.decode()
    assert f'hreflang="fr" href="http://testserver{french.get_url()}"' in english
    _failed, out, _err = import_file(tmp_path, FILE, "experiences.csv", "--publish")
    assert "0 were created, 0 updated, 3 unchanged" in out


def test_an_imported_change_to_a_live_translation_waits_for_review(
    tmp_path, django_capture_on_commit_callbacks
):
    rows = list(csv.DictReader(io.StringIO(export("csv", language="fr"))))
    row = rows[0]
    french = ExperiencePage.objects.get(locale__language_code="fr", title=row["title"])
    url = french.get_url()
    row["title"] = "Un titre que personne n’a relu"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    with django_capture_on_commit_callbacks(execute=True):
        failed, out, err = import_file(tmp_path, buffer.getvalue())
    assert not failed, err
    assert "0 were created, 1 updated" in out
    assert "Un titre que personne" not in Client().get(url).content.decode()
    french.refresh_from_db()
    assert french.live and french.has_unpublished_changes
    assert french.get_latest_revision_as_object().title == "Un titre que personne n’a relu"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_export_of_every_language_imports_back_unchanged(tmp_path, fmt):
    everything = export(fmt, language="all")
    count = sum(
        ExperiencePage.objects.live().filter(locale=locale).public().count()
        for locale in Locale.objects.all()
    )
    failed, out, err = import_file(tmp_path, everything, f"all.{fmt}")
    assert not failed, err
    assert f"0 were created, 0 updated, {count} unchanged" in out
    if fmt == "json":
        languages = {row["language"] for row in json.loads(everything)["experiences"]}
        assert languages == {"en", "fr", "es"}


def test_an_empty_repository_rebuilt_from_the_export_exports_the_same(
    tmp_path, django_capture_on_commit_callbacks
):
    before = export("json", language="all")
    for page in ExperiencePage.objects.filter(locale__language_code="en"):
        for translation in page.get_translations():
            translation.delete()
        page.delete()
    with django_capture_on_commit_callbacks(execute=True):
        failed, _out, err = import_file(tmp_path, before, "all.json", "--publish")
    assert not failed, err
    after = export("json", language="all")

    def comparable(text):
        rows = json.loads(text)["experiences"]
        for row in rows:
            del row["url"], row["last_published_at"]
        return sorted(rows, key=lambda row: (row["language"], row["external_id"]))

    assert comparable(after) == comparable(before)
