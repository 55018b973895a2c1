"""The DCAT-AP catalogue as a data portal harvests it: JSON-LD and RDF/XML over HTTP on the
host asked for, the same graph in both, valid against the DCAT-AP 3.0.0 SHACL shapes shipped
in the project, release files with the checksums of their bytes, and no private experience
counted. Then the metadata-quality self-check, computed from the graph."""

import hashlib
import io
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF

from opendata.catalogue import SPDX, build_catalogue, command_absolute
from opendata.quality import assess, by_dimension, conforms
from repository.models import ExperiencePage
from taxonomy.models import Country

pytestmark = pytest.mark.django_db

HOST = "observatory.example.org"
COUNTRY = "http://publications.europa.eu/resource/authority/country/"


@pytest.fixture
def portal(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    return Client(HTTP_HOST=HOST)


def harvest(portal, path, accept=None):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    response = portal.get(path, **headers)
    assert response.status_code == 200, path
    return response


def parsed(response, syntax):
    return Graph().parse(data=response.content.decode(), format=syntax)


def test_both_serialisations_are_one_valid_dcat_ap_graph_on_the_asked_host(portal):
    call_command("make_release", "--release-version", "v1", stdout=io.StringIO())
    jsonld = harvest(portal, "/en/open-data/catalogue/jsonld/")
    assert jsonld["Content-Type"].startswith("application/ld+json")
    xml = harvest(portal, "/fr/donnees-ouvertes/catalogue/rdf/")
    assert xml["Content-Type"].startswith("application/rdf+xml")
    graph = parsed(jsonld, "json-ld")
    assert isomorphic(graph, parsed(xml, "xml"))
    # Content negotiation on the catalogue's own address gives the same graph.
    negotiated = harvest(portal, "/es/datos-abiertos/catalogue/", "application/rdf+xml")
    assert negotiated["Content-Type"].startswith("application/rdf+xml")
    assert "Accept" in negotiated["Vary"]
    assert isomorphic(graph, parsed(negotiated, "xml"))
    valid, report = conforms(graph)
    assert valid, report
    hosts = {urlsplit(str(node)).hostname for node in graph.all_nodes() if isinstance(node, URIRef)}
    assert HOST in hosts
    assert not hosts & {"localhost", "127.0.0.1", "testserver"}
    [catalogue] = graph.subjects(RDF.type, DCAT.Catalog)
    assert str(catalogue) == f"http://{HOST}/en/open-data/catalogue/"
    datasets = set(graph.objects(catalogue, DCAT.dataset))
    assert len(datasets) == 2  # the live experiences and release v1
    for dataset in datasets:
        for predicate in (
            DCTERMS.publisher,
            DCAT.contactPoint,
            DCTERMS.license,
            DCAT.theme,
            DCTERMS.spatial,
            DCTERMS.temporal,
            DCTERMS.language,
            DCAT.keyword,
        ):
            assert graph.value(dataset, predicate) is not None, (dataset, predicate)


def test_release_distributions_carry_the_checksum_of_the_bytes_served(portal):
    call_command("make_release", "--release-version", "v1", stdout=io.StringIO())
    graph = parsed(harvest(portal, "/en/open-data/catalogue/"), "json-ld")
    checked = 0
    for distribution in graph.subjects(SPDX.checksum, None):
        checksum = graph.value(distribution, SPDX.checksum)
        expected = str(graph.value(checksum, SPDX.checksumValue))
        url = str(graph.value(distribution, DCAT.downloadURL))
        assert urlsplit(url).hostname == HOST
        response = portal.get(urlsplit(url).path)
        content = b"".join(response.streaming_content)
        assert hashlib.sha256(content).hexdigest() == expected, url
        assert int(graph.value(distribution, DCAT.byteSize)) == len(content)
        checked += 1
    assert checked == 5  # CSV, JSON and the codebook in three languages


def test_a_private_experience_is_counted_nowhere_in_the_catalogue(portal):
    lonely = ExperiencePage.objects.get(
        slug="youth-participatory-budget", locale__language_code="en"
    )
    only_here = Country.objects.get(code="AR")
    lonely.country = only_here
    lonely.save_revision().publish()

    def spatial():
        graph = parsed(harvest(portal, "/en/open-data/catalogue/"), "json-ld")
        return {str(node) for node in graph.objects(None, DCTERMS.spatial)}

    assert COUNTRY + "ARG" in spatial()
    editor = get_user_model().objects.create_superuser("keeper", "keeper@example.org", "pw-1234")
    admin = Client()
    admin.force_login(editor)
    admin.post(f"/admin/pages/{lonely.pk}/privacy/", {"restriction_type": "login"})
    assert COUNTRY + "ARG" not in spatial()
    call_command("make_release", "--release-version", "v1", stdout=io.StringIO())
    assert COUNTRY + "ARG" not in spatial()


def test_the_quality_check_prints_each_dimension_and_a_rating():
    out = io.StringIO()
    call_command("check_catalogue", stdout=out)
    text = out.getvalue()
    for dimension in (
        "findability",
        "accessibility",
        "interoperability",
        "reusability",
        "contextuality",
    ):
        assert dimension in text
    assert "DCAT-AP (SHACL) violations" not in text
    # Every URL answers, and every dataset has the properties portals search by.
    assert re.search(r"^accessibility\s+100 / 100$", text, re.M), text
    assert re.search(r"^findability\s+100 / 100$", text, re.M), text
    assert re.search(r"^total\s+\d+ / 405  \((good|excellent)\)$", text, re.M), text


@pytest.mark.parametrize(
    "predicate, dimension",
    [
        (DCAT.keyword, "findability"),
        (DCAT.downloadURL, "accessibility"),
        (DCAT.mediaType, "interoperability"),
        (DCAT.contactPoint, "reusability"),
        (DCAT.byteSize, "contextuality"),
    ],
)
def test_removing_a_property_lowers_its_dimension(predicate, dimension):
    call_command("make_release", "--release-version", "v1", stdout=io.StringIO())
    graph = build_catalogue(command_absolute)
    before = by_dimension(assess(graph)[0])
    graph.remove((None, predicate, None))
    after = by_dimension(assess(graph)[0])
    assert after[dimension][0] < before[dimension][0]
    others = {
        name: score for name, score in after.items() if name not in (dimension, "interoperability")
    }
    assert others == {name: before[name] for name in others}


def test_each_client_gets_the_format_it_prefers_with_the_page_cache_on(portal, settings):
    # The page cache kept the first format served on the catalogue's own address and gave it to
    # every client after, whatever it asked for; and q-values were not read.
    settings.PAGE_CACHE_TIMEOUT = 300
    url = "/en/open-data/catalogue/"
    cases = [
        (None, "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/rdf+xml;q=1.0, application/ld+json;q=0.5", "application/rdf+xml"),
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
    ]
    for accept, expected in cases:
        assert harvest(portal, url, accept)["Content-Type"].startswith(expected), accept


def test_the_coverage_names_each_country_once():
    from opendata.catalogue import coverage, public_experiences

    countries, _first, _last = coverage(public_experiences())
    assert len(countries) == len(set(countries))
    assert set(countries) == set(
        Country.objects.filter(experiences__in=public_experiences()).values_list("code", flat=True)
    )
