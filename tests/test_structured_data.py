"""Every JSON-LD block on one page of every type, read as a search engine reads it: it parses,
speaks schema.org, and each thing in it carries the properties its type requires."""

import json
import re

import pytest

from repository.factories import ExperiencePageFactory
from repository.filters import PER_PAGE
from repository.models import ExperienceIndexPage

pytestmark = pytest.mark.django_db

PAGES = [
    "/en/",
    "/fr/",
    "/es/",
    "/en/experiences/east-belgium-citizens-dialogue/",
    "/fr/experiences/budget-participatif-porto-alegre/",
    "/es/experiencias/dialogo-ciudadano-belgica-oriental/",
    "/en/news/award-call-2027/",
    "/fr/actualites/appel-a-sessions-conference/",
    "/es/noticias/acta-conferencia-2021/",
    "/en/agenda/conference-2021/",
    "/fr/agenda/appel-prix-2021/",
    "/es/agenda/buro-ejecutivo-cglu-2021/",
    "/en/reports/agenda-for-local-democracy/",
    "/fr/rapports/agenda-pour-la-democratie-locale/",
    "/es/informes/agenda-para-la-democracia-local/",
    "/en/about/",
    "/fr/a-propos/",
    "/fr/prix/2021/",
    # Lists: the repository (filtered too), news, agenda, reports, a collection, search.
    "/en/experiences/",
    "/fr/experiences/?topic=climate",
    "/es/noticias/",
    "/fr/agenda/",
    "/en/reports/",
    "/es/premio/",
    "/en/search/?q=budget",
    "/fr/search/?q=budget",
    # The open-data catalogue, the member directory and a member's profile.
    "/en/open-data/",
    "/fr/donnees-ouvertes/",
    "/es/datos-abiertos/",
    "/en/members/",
    "/fr/membres/cascais-municipality/",
    "/en/youth-latin-america/",  # a saved search (collection page)
]
LISTS = {
    "/en/experiences/": "CollectionPage",
    "/es/noticias/": "CollectionPage",
    "/fr/agenda/": "CollectionPage",
    "/en/reports/": "CollectionPage",
    "/en/search/?q=budget": "SearchResultsPage",
}
# What each type needs to be understood (schema.org, and what search engines ask of it).
REQUIRED = {
    "Organization": {"name"},
    "WebSite": {"name", "url"},
    "SearchAction": {"target", "query-input"},
    "NewsArticle": {"headline", "datePublished", "url", "publisher", "inLanguage"},
    "Article": {"headline", "datePublished", "url", "publisher", "inLanguage"},
    "Report": {"name", "datePublished", "url", "publisher", "inLanguage"},
    "Event": {"name", "startDate", "eventStatus", "location", "url"},
    "Place": {"name"},
    "VirtualLocation": {"url"},
    "PostalAddress": {"addressCountry"},
    "GeoCoordinates": {"latitude", "longitude"},
    "Person": {"name"},
    "Thing": {"name"},
    "Offer": {"url"},
    "MediaObject": {"contentUrl", "encodingFormat"},
    "PropertyValue": {"propertyID", "value"},
    "WebPage": {"name", "url", "inLanguage"},
    "CollectionPage": {"name", "url"},
    "SearchResultsPage": {"name", "url"},
    "ItemList": {"itemListElement", "numberOfItems"},
    "ListItem": {"position", "url", "name"},
    # What a data catalogue needs to be found and reused: what it is, where, under which terms.
    "DataCatalog": {"name", "description", "url", "license"},
}
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def things(value):
    """Every typed object in a JSON-LD value, nested ones included."""
    if isinstance(value, list):
        for item in value:
            yield from things(item)
    elif isinstance(value, dict):
        if "@type" in value:
            yield value
        for item in value.values():
            yield from things(item)


def problems_of(path, block):
    try:
        data = json.loads(block)
    except ValueError as error:
        return [f"{path}: does not parse ({error})"]
    problems = []
    if data.get("@context") != "https://schema.org":
        problems.append(f"{path}: @context {data.get('@context')}")
    for thing in things(data.get("@graph", data)):
        kind = thing["@type"]
        if kind not in REQUIRED:
            problems.append(f"{path}: {kind} has no declared requirements")
            continue
        missing = sorted(name for name in REQUIRED[kind] if thing.get(name) in (None, "", []))
        if missing:
            problems.append(f"{path}: {kind} lacks {', '.join(missing)}")
        if kind == "GeoCoordinates" and not (
            isinstance(thing["latitude"], int | float)
            and isinstance(thing["longitude"], int | float)
            and -90 <= thing["latitude"] <= 90
            and -180 <= thing["longitude"] <= 180
        ):
            problems.append(f"{path}: coordinates {thing['latitude']}, {thing['longitude']}")
    return problems


def test_every_json_ld_block_parses_and_carries_what_its_type_requires(client):
    problems, types = [], {}
    for path in PAGES:
        content = client.get(path).content.decode()
        blocks = BLOCK.findall(content)
        if not blocks:
            problems.append(f"{path}: no JSON-LD")
        for block in blocks:
            problems += problems_of(path, block)
            data = json.loads(block)
            types[path] = [thing["@type"] for thing in things(data.get("@graph", data))]
    assert not problems, "\n".join(problems)
    assert "Article" in types["/en/experiences/east-belgium-citizens-dialogue/"]
    for path, kind in LISTS.items():
        assert kind in types[path] and "ItemList" in types[path], (path, types[path])


def test_every_page_type_that_speaks_json_ld_is_visited_above():
    """A new page type (or one forgotten, like the open-data page) fails here, not in a search
    engine's report: one live page of each type with `structured_data` is among PAGES."""
    from wagtail.models import Page

    by_url = {}
    for page in Page.objects.live().specific():
        if page.url and hasattr(page, "structured_data"):
            by_url[page.url] = type(page)
    visited = set()
    for path in PAGES:
        path = path.split("?")[0]
        owner = max((url for url in by_url if path.startswith(url)), key=len)
        visited.add(by_url[owner])
    assert set(by_url.values()) - visited == set()


def listed(client, path):
    for block in BLOCK.findall(client.get(path).content.decode()):
        data = json.loads(block)
        for thing in things(data.get("@graph", data)):
            if thing["@type"] == "ItemList":
                return thing
    raise AssertionError(f"{path}: no ItemList")


def test_a_list_says_what_the_page_shows_in_its_order(client):
    """The second page of the repository: its items, numbered after the first page's."""
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    for number in range(PER_PAGE):
        ExperiencePageFactory(parent=index, title=f"Assembly {number}")
    first = listed(client, "/en/experiences/")
    second = listed(client, "/en/experiences/?page=2")
    assert first["numberOfItems"] == second["numberOfItems"] > len(first["itemListElement"])
    positions = [item["position"] for item in first["itemListElement"]]
    assert positions == list(range(1, len(positions) + 1))
    assert second["itemListElement"][0]["position"] == len(positions) + 1
    content = client.get("/en/experiences/?page=2").content.decode()
    for item in second["itemListElement"]:
        assert item["url"].startswith("http://testserver/en/experiences/")
        assert f'href="{item["url"].removeprefix("http://testserver")}"' in content


@pytest.mark.parametrize(
    "path",
    [
        "/en/experiences/east-belgium-citizens-dialogue/",
        "/fr/experiences/budget-participatif-porto-alegre/",
        "/es/experiencias/dialogo-ciudadano-belgica-oriental/",
    ],
)
def test_an_experience_says_where_and_when_to_search_engines(client, path):
    response = client.get(path)
    [block] = BLOCK.findall(response.content.decode())
    data = json.loads(block)
    assert data["@type"] == "Article"
    assert data["url"] == f"http://testserver{path}"
    assert data["inLanguage"] == path[1:3]
    place = data["spatialCoverage"]
    assert place["@type"] == "Place" and place["geo"]["@type"] == "GeoCoordinates"
    # The period as an ISO 8601 interval: "2019/2021", or "2019/.." while it runs.
    assert re.fullmatch(r"\d{4}/(\d{4}|\.\.)", data["temporalCoverage"])
    # What the page itself says: the place line and the years.
    content = response.content.decode()
    # (the place line, then the link to the country's page)
    assert f"<dd>{place['name']} · <a " in content
    assert data["temporalCoverage"][:4] in content
