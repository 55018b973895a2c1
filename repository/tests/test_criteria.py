"""Inclusion criteria as computed badges: definitions kept as data that coordinators edit,
met by an experience's coding with the reason, shown on its page, filtered and counted in the
repository and the search, exported and documented in the codebook."""

import csv
import io
import json
from html import unescape

import pytest
from wagtail.models import Locale

from core.localize import translate
from editorial.roles import COORDINATORS, translators_group
from repository.criteria import DEFINITIONS_FILE, Definition
from search.indexing import deliver
from search.tests.helpers import new_experience
from search.tests.test_engine import counts, database_search, engine_search
from taxonomy.models import (
    CommissionerKind,
    DecisionPower,
    Evaluation,
    Frequency,
    FundingSource,
    Means,
    Recruitment,
)
from tests.fixtures import post_form, sign_in

pytestmark = pytest.mark.django_db

MINI_PUBLIC = "deliberative-mini-public"
BUDGETING = "participatory-budgeting"


def coded_case(title, **coding):
    """A published English experience coded with these term slugs and numbers."""
    models = {
        "recruitment": Recruitment,
        "means": Means,
        "funding_sources": FundingSource,
        "commissioner": CommissionerKind,
        "decision_power": DecisionPower,
        "evaluation": Evaluation,
        "frequency": Frequency,
    }
    page = new_experience(title=title, duration_days=coding.pop("duration_days", None))
    for field, slugs in coding.items():
        terms = models[field].objects.filter(locale=page.locale, slug__in=slugs)
        many = field in ("recruitment", "means", "funding_sources")
        setattr(page, field, list(terms) if many else terms.get())
    page.save_revision().publish()
    deliver()
    return page


MINI_PUBLIC_CODING = {
    "recruitment": ["random-stratified"],
    "means": ["deliberation"],
    "duration_days": 4,
    "commissioner": ["legislature"],
}
BUDGETING_CODING = {
    "decision_power": ["decides"],
    "funding_sources": ["own-budget"],
    "frequency": ["periodic"],
    "evaluation": ["independent"],
}
CASES = {
    # definition: (meets, nearly meets: one condition fails, fails), each with what its page says
    MINI_PUBLIC: (
        (MINI_PUBLIC_CODING, "Recruitment of participants includes one of: Random selection"),
        (
            {**MINI_PUBLIC_CODING, "duration_days": None},
            "meets 3 of 4; not coded: Duration in days",
        ),
        ({**MINI_PUBLIC_CODING, "recruitment": ["open-to-all"], "means": ["direct-vote"]}, ""),
    ),
    BUDGETING: (
        (BUDGETING_CODING, "Decision power is one of: Co-decides, Decides"),
        (
            {**BUDGETING_CODING, "frequency": ["one-off"]},
            "meets 3 of 4; fails: Frequency is one of: Periodic cycle, Permanent",
        ),
        ({**BUDGETING_CODING, "decision_power": ["consults"], "frequency": ["one-off"]}, ""),
    ),
}


def badge_section(client, page):
    content = unescape(client.get(page.url).content.decode())
    met = (
        content.split('id="badges-heading"')[1].split("</section>")[0]
        if "badges-heading" in (content)
        else ""
    )
    near = (
        content.split('class="near-badges"')[1].split("</ul>")[0]
        if "near-badges" in (content)
        else ""
    )
    return met, near


def test_the_definitions_ship_in_a_data_file_in_three_languages():
    rows = json.loads(DEFINITIONS_FILE.read_text(encoding="utf-8"))
    assert [row["slug"] for row in rows] == [MINI_PUBLIC, BUDGETING]
    for row in rows:
        for language in ("en", "fr", "es"):
            definition = Definition.objects.get(slug=row["slug"], locale__language_code=language)
            assert definition.name == row["name"][language]
            assert definition.description == row["description"][language]
        source = Definition.objects.get(slug=row["slug"], locale__language_code="en")
        assert source.conditions.count() == len(row["conditions"])


@pytest.mark.parametrize("slug", [MINI_PUBLIC, BUDGETING])
def test_a_case_meets_nearly_meets_or_fails_each_definition_with_the_reason(client, slug):
    name = Definition.objects.get(slug=slug, locale__language_code="en").name
    meets, near, fails = (
        coded_case(f"{kind} case of {slug}", **coding)
        for kind, (coding, _said) in zip(("Meeting", "Near", "Failing"), CASES[slug], strict=True)
    )
    met, nearly = badge_section(client, meets)
    assert name in met and CASES[slug][0][1] in met
    assert f"?badge={slug}" in met  # a link to the repository filtered by the badge
    met, nearly = badge_section(client, near)
    assert name not in met
    assert name in nearly and CASES[slug][1][1] in nearly
    met, nearly = badge_section(client, fails)
    assert name not in met and name not in nearly

    # The repository's filter and the search's facet find the one that meets it, alone.
    listed = unescape(client.get("/en/experiences/", {"badge": slug}).content.decode())
    assert meets.title in listed
    assert near.title not in listed and fails.title not in listed
    found = database_search(badge=slug, size="100")
    titles = {hit.title for hit in found.hits}
    assert meets.title in titles and not titles & {near.title, fails.title}


def test_in_french_the_badge_speaks_french(client):
    page = coded_case("Citizens' jury of Lyon", **MINI_PUBLIC_CODING)
    french = translate(
        page,
        Locale.objects.get(language_code="fr"),
        {
            page.title: "Jury citoyen de Lyon",
            page.summary: "Un jury tiré au sort.",
            page.slug: "jury-citoyen-de-lyon",
            page.place: page.place,
        },
    )
    deliver()
    met, _near = badge_section(client, french)
    assert "Mini-public délibératif (critères de l'OCDE)" in met
    assert "Recrutement des participants" in met


def test_badges_are_exported_as_a_column_and_documented_in_the_codebook(client):
    page = coded_case("Budget of Grenoble", **BUDGETING_CODING)
    response = client.get("/en/experiences/export/csv/")
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(row for row in rows if row["title"] == page.title)
    assert row["badges"] == BUDGETING
    assert all(
        r["badges"] == "" for r in rows if r["title"] == "Participatory budgeting in Porto Alegre"
    )
    codebook = unescape(client.get("/en/experiences/codebook/").content.decode())
    assert 'id="values-badges"' in codebook
    assert "Deliberative mini-public (OECD criteria)" in codebook
    assert "Duration in days is at least 1" in codebook
    french = unescape(client.get("/fr/experiences/codebook/").content.decode())
    assert "Budget participatif" in french


def test_a_coordinator_edits_a_definition_and_the_badge_facet_counts_change(client, search_engine):
    """Dropping the duration from the mini-public's conditions brings in an assembly coded
    without one: its page, the repository and both searches say so."""
    convention = coded_case(
        "Citizens' assembly of Nantes", **{**MINI_PUBLIC_CODING, "duration_days": None}
    )
    search_engine.refresh()

    def badge_counts():
        engine, database = engine_search(search_engine), database_search()
        assert counts(database)["badge"] == counts(engine)["badge"]
        titles = {hit.title for hit in database_search(badge=MINI_PUBLIC, size="100").hits}
        return counts(engine)["badge"].get(MINI_PUBLIC, 0), convention.title in titles

    before, found = badge_counts()
    assert not found
    assert "badges-heading" not in client.get(convention.url).content.decode()

    definition = Definition.objects.get(slug=MINI_PUBLIC, locale__language_code="en")
    duration = list(definition.conditions.all()).index(
        definition.conditions.get(variable="duration_days")
    )
    coordinator = sign_in("carla-test", COORDINATORS)
    url = f"/admin/snippets/repository/definition/edit/{definition.pk}/"
    post_form(coordinator, url, {f"conditions-{duration}-DELETE": "1"})
    assert definition.conditions.count() == 3
    deliver()
    search_engine.refresh()

    after, found = badge_counts()
    assert found and after == before + 1
    met, _near = badge_section(client, convention)
    assert "Deliberative mini-public (OECD criteria)" in met
    listed = unescape(client.get("/en/experiences/", {"badge": MINI_PUBLIC}).content.decode())
    assert convention.title in listed


def test_a_coordinator_is_told_which_values_a_condition_takes(client):
    definition = Definition.objects.get(slug=BUDGETING, locale__language_code="en")
    coordinator = sign_in("carla-test", COORDINATORS)
    url = f"/admin/snippets/repository/definition/edit/{definition.pk}/"
    with pytest.raises(AssertionError, match="Unknown values: yearly"):
        post_form(coordinator, url, {"conditions-2-values": "yearly"})
    with pytest.raises(AssertionError, match="Give one whole number"):
        post_form(
            coordinator,
            url,
            {
                "conditions-2-variable": "duration_days",
                "conditions-2-operator": "at_least",
                "conditions-2-values": "a day",
            },
        )


def test_translators_see_the_definition_texts_to_translate():
    source = Definition.objects.get(slug=MINI_PUBLIC, locale__language_code="en")
    french = Definition.objects.get(slug=MINI_PUBLIC, locale__language_code="fr")
    translator = sign_in("francoise-test", translators_group("fr"))
    listing = translator.get("/admin/snippets/repository/definition/").content.decode()
    assert f"/admin/snippets/repository/definition/edit/{french.pk}/" in listing
    assert f"/admin/snippets/repository/definition/edit/{source.pk}/" not in listing
    editor = unescape(
        translator.get(f"/admin/snippets/repository/definition/edit/{french.pk}/").content.decode()
    )
    for text in (source.name, source.description, source.source):
        assert text in editor  # each source string, beside its French translation
    assert french.name in editor
