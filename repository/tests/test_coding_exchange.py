"""The coded variables travel through the open data: exported, imported back unchanged,
refused with the row and the reason when a value is wrong, and documented in the codebook
page of each language."""

import csv
import io
import json
from html import unescape

import pytest

from repository.coding import CODED_VARIABLES
from repository.exchange import codebook
from repository.models import ExperiencePage

from .test_coding import EAST_BELGIUM, PORTO_ALEGRE, code
from .test_exchange import export, import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def coded():
    east_belgium = code(
        EAST_BELGIUM,
        purposes=["inclusion", "responsiveness"],
        means=["deliberation"],
        recruitment=["random-stratified"],
        decision_power=["co-decides"],
        commissioner=["legislature"],
        evaluation=["independent"],
        funding_sources=["own-budget"],
        frequency=["permanent"],
    )
    east_belgium.participants = 24
    east_belgium.duration_days = 540
    east_belgium.evaluated_by = "Research team, Université de Liège"
    east_belgium.evaluation_url = "https://example.org/ostbelgien-evaluation"
    east_belgium.save_revision().publish()
    code(PORTO_ALEGRE, decision_power=["decides"], frequency=["periodic"])


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_every_coded_field_round_trips_through_the_export(tmp_path, coded, fmt):
    first = export(fmt)
    ExperiencePage.objects.filter(locale__language_code="en").delete()
    failed, _out, err = import_file(tmp_path, first, f"export.{fmt}")
    assert not failed, err
    second = export(fmt)
    ignored = {"url", "last_published_at"}  # new pages get new addresses and dates

    def rows(data):
        if fmt == "json":
            records = json.loads(data)["experiences"]
        else:
            records = list(csv.DictReader(io.StringIO(data)))
        return sorted(
            ({k: v for k, v in row.items() if k not in ignored} for row in records),
            key=lambda row: row["external_id"],
        )

    assert rows(first) == rows(second)
    by_title = {row["title"]: row for row in rows(second)}
    belgium = by_title["Permanent citizens' dialogue in East Belgium"]
    porto_alegre = by_title["Participatory budgeting in Porto Alegre"]
    if fmt == "json":
        assert belgium["purposes"] == ["inclusion", "responsiveness"]
        assert belgium["decision_power"] == "co-decides"
        assert (belgium["participants"], belgium["duration_days"]) == (24, 540)
        # Unknown stays unknown: nothing coded is null or an empty list, never a guess.
        assert porto_alegre["evaluation"] is None and porto_alegre["purposes"] == []
    else:
        assert belgium["purposes"] == "inclusion; responsiveness"
        assert belgium["evaluation_url"] == "https://example.org/ostbelgien-evaluation"
        assert porto_alegre["evaluation"] == ""


def test_bad_coded_values_are_refused_with_the_row_and_the_reason(tmp_path):
    header = (
        "external_id,title,summary,decision_power,means,participants,duration_days,"
        "evaluation_url,frequency\n"
    )
    text = header + (
        "new-1,Good,A well coded case.,decides,deliberation; direct vote,300,90,"
        "https://example.org/report,Cycle périodique\n"
        "new-2,Bad power,Decides how much?,often,,,,,\n"
        "new-3,Bad means,Which means?,,deliberation; telepathy,,,,\n"
        "new-4,Bad figure,How many?,,,-3,,,\n"
        "new-5,Bad link,Where?,,,,,javascript:alert(1),\n"
        "new-6,Bad duration,How long?,,,,0,,\n"
    )
    failed, out, err = import_file(tmp_path, text)
    assert failed
    assert "1 were created, 0 updated, 0 unchanged; 5 row(s) with errors." in out
    assert "line 3: decision_power: unknown value “often”" in err
    assert "line 4: means: unknown values: telepathy" in err
    assert "line 5: participants: cannot be negative" in err
    assert "line 6: evaluation_url: “javascript:alert(1)” is not a web address" in err
    assert "line 7: duration_days: Ensure this value is greater than or equal to 1." in err
    good = ExperiencePage.objects.get(external_id="new-1")
    # Values are found by slug or by their name in any language.
    assert sorted(term.slug for term in good.means.all()) == ["deliberation", "direct-vote"]
    assert good.frequency.slug == "periodic" and good.participants == 300
    for refused in ("new-2", "new-3", "new-4", "new-5", "new-6"):
        assert not ExperiencePage.objects.filter(external_id=refused).exists()


@pytest.mark.parametrize(
    ("url", "definition", "heading"),
    [
        (
            "/en/experiences/codebook/",
            "The participants' decision is binding: the authority carries it out.",
            "Decision power",
        ),
        (
            "/fr/experiences/codebook/",
            "La décision des participants est contraignante : l'autorité l'exécute.",
            "Pouvoir de décision",
        ),
        (
            "/es/experiencias/codebook/",
            "La decisión de las personas participantes es vinculante: la autoridad la ejecuta.",
            "Poder de decisión",
        ),
    ],
)
def test_the_codebook_page_documents_every_column_and_value(client, url, definition, heading):
    response = client.get(url)
    assert response.status_code == 200
    content = unescape(response.content.decode())
    identifier = '<code lang="en" translate="no">{}</code>'.format
    for column in codebook():
        assert f'<tr id="column-{column.name}"><th scope="row">{identifier(column.name)}' in content
    for variable in CODED_VARIABLES:
        for term in variable.model.objects.filter(locale__language_code="en"):
            assert identifier(term.slug) in content
    assert f"<td>{definition}</td>" in content
    decision_power = identifier("decision_power")
    assert f'<h2 id="values-decision_power">{heading} {decision_power}</h2>' in content
    assert 'href="' + url + 'csv/"' in content  # the same codebook as a file
    # Its other languages are the codebook in those languages, not the list of experiences.
    assert '<link rel="canonical" href="http://testserver' + url + '">' in content
    assert 'hreflang="es" href="http://testserver/es/experiencias/codebook/"' in content
    assert 'hreflang="fr" href="http://testserver/fr/experiences/codebook/"' in content


def test_the_export_links_to_the_codebook_page(client):
    content = client.get("/fr/experiences/").content.decode()
    assert '<a href="/fr/experiences/codebook/">' in content
