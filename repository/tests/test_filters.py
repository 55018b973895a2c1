"""The repository index filters from GET parameters: shareable, combinable, forgiving."""

import re
from html import unescape

import pytest

from core.text import fold
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage
from taxonomy.factories import country
from taxonomy.models import Mechanism, Topic

pytestmark = pytest.mark.django_db

PORTO_ALEGRE = "Participatory budgeting in Porto Alegre"
EAST_BELGIUM = "Permanent citizens&#x27; dialogue in East Belgium"
CASCAIS = "Youth participatory budget"


def titles(client, **params):
    response = client.get("/en/experiences/", params)
    assert response.status_code == 200
    content = response.content.decode()
    return {title for title in (PORTO_ALEGRE, EAST_BELGIUM, CASCAIS) if title in content}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {PORTO_ALEGRE, EAST_BELGIUM, CASCAIS}),
        ({"topic": "sortition"}, {EAST_BELGIUM}),
        ({"topic": "youth"}, {CASCAIS}),  # a broader topic includes its narrower ones
        ({"topic": ["sortition", "youth"]}, {EAST_BELGIUM, CASCAIS}),  # OR within a facet
        ({"mechanism": "participatory-budgeting"}, {PORTO_ALEGRE, CASCAIS}),
        ({"mechanism": "participatory-budgeting", "country": "BR"}, {PORTO_ALEGRE}),  # AND
        ({"country": "pt"}, {CASCAIS}),  # codes in either case
        ({"region": "europe"}, {EAST_BELGIUM, CASCAIS}),
        ({"region": "latin_america"}, {PORTO_ALEGRE}),
        ({"group": "youth"}, {CASCAIS}),
        ({"level": "regional"}, {EAST_BELGIUM}),
        ({"status": "finished"}, {CASCAIS}),
        ({"status": "ongoing"}, {PORTO_ALEGRE, EAST_BELGIUM}),
        ({"from": "2020"}, {PORTO_ALEGRE, EAST_BELGIUM}),  # Cascais ended in 2019
        ({"to": "2000"}, {PORTO_ALEGRE}),
        ({"from": "2010", "to": "2012"}, {PORTO_ALEGRE, CASCAIS}),
        ({"region": "europe", "status": "ongoing", "level": "regional"}, {EAST_BELGIUM}),
        ({"topic": "climate"}, set()),
    ],
)
def test_filters_and_their_combinations(client, params, expected):
    assert titles(client, **params) == expected


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"topic": "astrology"}, "Unknown topic “astrology” was ignored."),
        ({"country": "XX"}, "Unknown country “XX” was ignored."),
        ({"sort": "random"}, "Unknown sort order “random” was ignored."),
        ({"from": "soon"}, "“soon” is not a year between 1900 and 2100"),
        ({"to": "99999"}, "“99999” is not a year between 1900 and 2100"),
        ({"from": "²"}, "“²” is not a year between 1900 and 2100"),
        ({"to": "9" * 5000}, "is not a year between 1900 and 2100"),
        ({"from": "2020", "to": "2010"}, "The year range was reversed"),
    ],
)
def test_unknown_values_are_ignored_with_a_note(client, params, note):
    response = client.get("/en/experiences/", {**params, "page": "x"})
    assert response.status_code == 200
    assert note in unescape(response.content.decode())


def test_many_repeated_values_do_not_break_the_page(client):
    response = client.get("/en/experiences/?" + "&".join(["topic=x"] * 900))
    assert response.status_code == 200
    assert "Unknown topic “x” was ignored." in unescape(response.content.decode())


def cards(response):
    """The page below its head (whose JSON-LD lists the same titles)."""
    content = response.content.decode()
    return content[content.index("<main") :]


def test_sorting_orders_the_cards(client):
    content = cards(client.get("/en/experiences/", {"sort": "oldest"}))
    assert content.index(PORTO_ALEGRE) < content.index(CASCAIS) < content.index(EAST_BELGIUM)
    content = cards(client.get("/en/experiences/", {"sort": "title"}))
    assert content.index(PORTO_ALEGRE) < content.index(EAST_BELGIUM) < content.index(CASCAIS)


def test_active_filters_show_as_removable_chips(client):
    response = client.get("/en/experiences/", {"topic": "sortition", "country": "BE"})
    content = unescape(response.content.decode())
    assert 'href="?country=BE"' in content  # removes the topic, keeps the country
    assert 'href="?topic=sortition"' in content
    assert "Clear all filters" in content


def test_filters_keep_their_values_across_pages(client):
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    pb = Mechanism.objects.get(slug="participatory-budgeting", locale=index.locale)
    for number in range(14):
        page = ExperiencePageFactory(
            parent=index, title=f"Budget {number:02}", country=country("FR"), start_year=2000
        )
        page.mechanisms = [pb]
        page.save_revision().publish()
    response = client.get("/en/experiences/", {"country": "FR", "sort": "title"})
    content = unescape(response.content.decode())
    assert "14 experiences" in content
    assert 'href="?country=FR&sort=title&page=2"' in content
    second = client.get("/en/experiences/", {"country": "FR", "sort": "title", "page": 2})
    assert "Budget 13" in second.content.decode()


def test_filters_speak_the_visitors_language(client):
    response = client.get("/fr/experiences/", {"topic": "sortition"})
    content = unescape(response.content.decode())
    assert "Tirage au sort et diversité" in content
    assert "Le dialogue citoyen permanent en Belgique de l'Est" in content
    assert Topic.objects.filter(slug="sortition").count() == 3  # one term per language


def test_one_country_heads_the_list_with_its_introduction_in_the_visitors_language(client):
    from wagtail.models import Locale

    from taxonomy.models import CountryIntroduction

    english = CountryIntroduction.objects.create(
        country=country("BE"),
        text="Belgium's communities run permanent deliberation.",
        locale=Locale.objects.get(language_code="en"),
    )
    CountryIntroduction.objects.create(
        country=country("BE"),
        text="Les communautés belges délibèrent en permanence.",
        locale=Locale.objects.get(language_code="fr"),
        translation_key=english.translation_key,
    )
    content = unescape(client.get("/fr/experiences/", {"country": "BE"}).content.decode())
    assert "<h1>Belgique</h1>" in content
    assert "Les communautés belges délibèrent en permanence." in content
    # Spanish has no translation yet: the default language's text is shown.
    content = unescape(client.get("/es/experiencias/", {"country": "BE"}).content.decode())
    assert "<h1>Bélgica</h1>" in content
    # ... and said to be English, on the list and on the country's page.
    assert '<p class="lead" lang="en">Belgium\'s communities run permanent deliberation.' in content
    page = unescape(client.get("/es/experiencias/countries/be/").content.decode())
    assert '<p class="lead" lang="en">Belgium\'s communities run permanent deliberation.' in page
    french = unescape(client.get("/fr/experiences/countries/be/").content.decode())
    assert '<p class="lead">Les communautés belges délibèrent en permanence.</p>' in french
    # With a second filter, the list is no longer about one country.
    content = unescape(
        client.get("/fr/experiences/", {"country": "BE", "status": "ongoing"}).content.decode()
    )
    assert "<h1>Belgique</h1>" not in content


def test_only_combined_filters_are_kept_out_of_search_engines(client):
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    assert "X-Robots-Tag" not in client.get(index.url)
    combined = client.get(index.url, {"topic": "participatory-budgeting", "country": "BR"})
    assert combined["X-Robots-Tag"] == "noindex"
    # One topic, mechanism or country is a landing page worth finding.
    landing = client.get(index.url, {"topic": "participatory-budgeting"})
    assert "X-Robots-Tag" not in landing


@pytest.mark.parametrize(
    "language, address, accented",
    [("fr", "/fr/experiences/", "Équateur"), ("es", "/es/experiencias/", "Bélgica")],
)
def test_countries_are_listed_as_a_reader_of_the_language_sorts_them(
    client, language, address, accented
):
    """Accented names among the others: "Équateur" was listed last in French, "Bélgica" after
    "Brasil" in Spanish."""
    index = ExperienceIndexPage.objects.get(locale__language_code=language)
    for code in ("EC", "DK", "US"):
        ExperiencePageFactory(parent=index, title=f"Cas {code}", country=country(code))
    content = unescape(client.get(address).content.decode())
    names = re.findall(r'name="country" value="[A-Z]{2}"[^>]*> ([^<]+)</label>', content)
    assert accented in names and len(names) >= 6, names
    assert names == sorted(names, key=fold), names
