"""The research tier: coded variables an editor sets in their own tab with the definitions in
view, that visitors filter the repository by and find as search facets, and that weigh in the
completeness score."""

import csv
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from core.localize import translate
from legal.models import LegalFramework
from repository.coding import CODED_VARIABLES
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage, ExperiencePage
from search.indexing import deliver
from taxonomy.management.commands.load_vocabularies import CODE_MODELS, CODES_FILE

from .test_admin import form

pytestmark = pytest.mark.django_db

EAST_BELGIUM = "east-belgium-citizens-dialogue"
PORTO_ALEGRE = "porto-alegre-participatory-budgeting"


def code(slug, **values):
    """Codes the English experience `slug` with term slugs, published and delivered."""
    page = ExperiencePage.objects.get(slug=slug, locale__language_code="en")
    for variable in CODED_VARIABLES:
        if variable.field not in values:
            continue
        terms = variable.model.objects.filter(locale=page.locale, slug__in=values[variable.field])
        if variable.many:
            setattr(page, variable.field, list(terms))
        else:
            setattr(page, variable.field, terms.get())
    page.save_revision().publish()
    deliver()
    return page


@pytest.fixture
def coded():
    """Two demo cases coded differently, one left uncoded (unknown stays unknown)."""
    return [
        code(
            EAST_BELGIUM,
            means=["deliberation"],
            recruitment=["random-stratified"],
            decision_power=["co-decides"],
            frequency=["permanent"],
        ),
        code(
            PORTO_ALEGRE,
            means=["deliberation", "direct-vote"],
            recruitment=["open-to-all", "elected-delegates"],
            decision_power=["decides"],
            frequency=["periodic"],
        ),
    ]


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("coder", "c@example.org", "a-passphrase")
    client.force_login(user)
    return client


def test_every_value_is_defined_in_every_language_in_a_file_a_person_can_read():
    with CODES_FILE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    vocabularies = {row["vocabulary"] for row in rows}
    assert len(vocabularies) == len(CODED_VARIABLES) == 8
    for row in rows:
        assert all(row[f"definition_{code}"].strip() for code in ("en", "fr", "es")), row["slug"]
    # Loaded in the three languages, each term with its definition in its language.
    for variable in CODED_VARIABLES:
        slugs = {row["slug"] for row in rows if CODE_MODELS[row["vocabulary"]] is variable.model}
        for code_ in ("en", "fr", "es"):
            terms = variable.model.objects.filter(locale__language_code=code_)
            assert {term.slug for term in terms} == slugs
            assert all(term.description for term in terms)
    french = CODED_VARIABLES[3].model.objects.get(slug="decides", locale__language_code="fr")
    assert french.name == "Décide"
    assert french.description.startswith("La décision des participants est contraignante")


def test_an_editor_codes_an_experience_in_its_own_tab_with_the_definitions(editor_client):
    page = ExperiencePage.objects.get(slug=EAST_BELGIUM, locale__language_code="en")
    content = unescape(editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert "Research coding" in content
    assert "Random selection with stratification" in content
    # The definition of each value is shown beside the choice.
    assert "Participants are drawn by lot so that the group matches the population" in content

    index, data = form()
    locale = index.locale
    terms = {
        variable.field: variable.model.objects.filter(locale=locale) for variable in CODED_VARIABLES
    }
    data.update(
        {
            "decision_power": terms["decision_power"].get(slug="co-decides").pk,
            "frequency": terms["frequency"].get(slug="one-off").pk,
            "means": [terms["means"].get(slug="deliberation").pk],
            "recruitment": [terms["recruitment"].get(slug="random-stratified").pk],
            "participants": "150",
            "duration_days": "120",
            "evaluated_by": "Université Grenoble Alpes",
            "evaluation_url": "https://example.org/evaluation.pdf",
        }
    )
    url = f"/admin/pages/add/repository/experiencepage/{index.pk}/"
    response = editor_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors
    page = ExperiencePage.objects.get(slug="grenoble-climate-assembly")
    assert page.decision_power.slug == "co-decides"
    assert [term.slug for term in page.recruitment.all()] == ["random-stratified"]
    assert (page.participants, page.duration_days) == (150, 120)
    assert page.evaluated_by == "Université Grenoble Alpes"
    assert list(page.purposes.all()) == []  # not coded: unknown, not "none"

    # A duration of zero days is refused with the reason, beside the field.
    data.update(slug="grenoble-again", duration_days="0")
    response = editor_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()


def test_the_repository_filters_by_each_coded_variable(client, coded):
    def listed(**params):
        content = unescape(client.get("/en/experiences/", params).content.decode())
        return {
            slug
            for slug, title in (
                (EAST_BELGIUM, "Permanent citizens' dialogue in East Belgium"),
                (PORTO_ALEGRE, "Participatory budgeting in Porto Alegre"),
            )
            if title in content
        }

    assert listed() == {EAST_BELGIUM, PORTO_ALEGRE}
    assert listed(power="decides") == {PORTO_ALEGRE}
    assert listed(power=["decides", "co-decides"]) == {EAST_BELGIUM, PORTO_ALEGRE}
    assert listed(means="deliberation") == {EAST_BELGIUM, PORTO_ALEGRE}
    assert listed(means="deliberation", recruitment="random-stratified") == {EAST_BELGIUM}
    assert listed(frequency="one-off") == set()
    content = client.get("/en/experiences/", {"power": "decides"}).content.decode()
    # The only case that decides is listed once, however many means it has.
    assert content.count("Participatory budgeting in Porto Alegre</a>") == 1
    # Each variable is a fieldset of the filters, in the visitor's language.
    french = unescape(client.get("/fr/experiences/").content.decode())
    assert "<legend>Pouvoir de décision</legend>" in french
    assert "Tirage au sort avec stratification" in french


def test_the_search_counts_each_coded_value(client, coded):
    facets = client.get("/en/search/api/", {"type": "experience"}).json()["facets"]
    power = {row["value"]: row["count"] for row in facets["power"]}
    assert power == {"decides": 1, "co-decides": 1}
    means = {row["value"]: row["count"] for row in facets["means"]}
    assert means == {"deliberation": 2, "direct-vote": 1}
    found = client.get("/en/search/api/", {"recruitment": "random-stratified"}).json()
    assert [row["title"] for row in found["results"]] == [
        "Permanent citizens' dialogue in East Belgium"
    ]
    spanish = client.get("/es/search/api/", {"lang": "all"}).json()["facets"]["frequency"]
    assert {row["label"] for row in spanish} == {"Permanente", "Ciclo periódico"}


def test_coding_raises_the_completeness_score():
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    page = ExperiencePageFactory(parent=index, title="Uncoded", country=None)
    score, missing = page.completeness
    assert "decision power" in [str(label) for label in missing]
    coded_page = code(page.slug, decision_power=["consults"], means=["deliberation"])
    coded_page = ExperiencePage.objects.get(pk=coded_page.pk)
    coded_score, coded_missing = coded_page.completeness
    assert coded_score > score
    assert "decision power" not in [str(label) for label in coded_missing]
    assert "means of participation" not in [str(label) for label in coded_missing]
    # Its legal basis too, once named (the legal frameworks).
    assert "legal basis" in [str(label) for label in coded_missing]
    coded_page.legal_frameworks = [LegalFramework.objects.filter(locale=page.locale).first()]
    coded_page.save()
    based_score, based_missing = ExperiencePage.objects.get(pk=coded_page.pk).completeness
    assert based_score > coded_score
    assert "legal basis" not in [str(label) for label in based_missing]


def test_an_experience_shows_its_coding_with_links_to_the_filters(client, coded):
    belgium = ExperiencePage.objects.get(slug=EAST_BELGIUM, locale__language_code="en")
    belgium.participants = 24
    belgium.save_revision().publish()
    content = unescape(client.get(belgium.url).content.decode())
    assert '<h2 id="coding-heading">Research coding</h2>' in content
    assert (
        '<dt>Recruitment of participants</dt><dd><a href="/en/experiences/?recruitment='
        'random-stratified">Random selection with stratification</a></dd>'
    ) in content
    assert "<dt>Number of participants</dt><dd>24</dd>" in content
    assert "<dt>Purpose</dt>" not in content  # not coded: nothing claimed
    assert '<a href="/en/experiences/codebook/">What these values mean</a>' in content
    # An experience nobody coded shows no empty section.
    cascais = ExperiencePage.objects.get(slug="youth-participatory-budget")
    assert "Research coding" not in client.get(cascais.url).content.decode()


def test_a_translation_takes_its_sources_coding_and_shows_it_in_its_language(client):
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    page = ExperiencePageFactory(
        parent=index,
        title="Neighbourhood jury",
        slug="neighbourhood-jury",
        summary="Residents drawn by lot advise the council.",
        place="Lyon",
    )
    page.save_revision().publish()
    code(page.slug, recruitment=["random-stratified"], decision_power=["consults"])
    french = Locale.objects.get(language_code="fr")
    strings = {
        "Neighbourhood jury": "Jury de quartier",
        "neighbourhood-jury": "jury-de-quartier",
        "Residents drawn by lot advise the council.": "Des habitants tirés au sort conseillent.",
        "Lyon": "Lyon",
    }
    translated = translate(ExperiencePage.objects.get(pk=page.pk), french, strings).specific
    assert [term.slug for term in translated.recruitment.all()] == ["random-stratified"]
    content = unescape(client.get(translated.url).content.decode())
    assert (
        '<dt>Pouvoir de décision</dt><dd><a href="/fr/experiences/?power=consults">Consulte</a>'
    ) in content
    deliver()
    found = client.get("/fr/search/api/", {"recruitment": "random-stratified"}).json()
    assert [row["title"] for row in found["results"]] == ["Jury de quartier"]
