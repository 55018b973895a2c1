"""The search pages on the database fallback (the demo's default, and what runs when the
engine is down): the same parameters, facets and outputs as with the engine."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from search import spelling
from search.indexing import deliver

from .helpers import new_experience

pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_visitors_language(client):
    response = client.get("/fr/search/", {"q": "Porto Alegre"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Le budget participatif de Porto Alegre" in content
    assert "Participatory budgeting in Porto Alegre" not in content
    assert response["X-Robots-Tag"] == "noindex"


def test_without_a_query_the_page_lists_everything_with_facets(client):
    # A hundred per page: the reports, news and events of the demo fill the first twenty.
    content = client.get("/en/search/", {"size": "100"}).content.decode()
    assert 'name="q"' in content
    assert 'role="status"' in content
    assert 'name="topic"' in content and 'name="country"' in content
    # The oldest case of the demo opens the list sorted oldest first.
    content = client.get("/en/search/", {"sort": "oldest"}).content.decode()
    assert "Participatory budgeting in Porto Alegre" in content


def test_words_are_matched_without_accents_or_case(client):
    content = client.get("/fr/search/", {"q": "PARTICIPATIF"}).content.decode()
    assert "Le budget participatif de Porto Alegre" in content
    content = client.get("/es/search/", {"q": "participacion"}).content.decode()
    assert "resultado" in content


def test_a_filter_shows_as_a_removable_chip(client):
    content = client.get("/en/search/", {"q": "budget", "country": "BR"}).content.decode()
    assert "(remove Country filter)" in content
    assert 'href="?q=budget"' in content


def test_a_query_that_is_too_long_is_refused_with_a_message(client):
    response = client.get("/en/search/", {"q": "x" * 100_000})
    assert response.status_code == 400
    assert "too long" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["\x00budget", "<script>alert(1)</script>", "' OR 1=1 --", "%", "   ", '"', "(", "*"]
)
def test_odd_queries_never_break_the_page(client, query):
    response = client.get("/en/search/", {"q": query, "page": "zz"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_control_character_separates_words_as_a_space_does(client):
    def total(query):
        return client.get("/en/search/api/", {"q": query}).json()["total"]

    assert total("Porto\x00Alegre") == total("Porto Alegre") > 0
    # The halves of a split word are two words, not the word they would make once joined.
    assert total("budg\x00eting") == total("budg eting") == 0 < total("budgeting")


def test_a_page_past_the_end_shows_the_last_one_in_the_page_and_the_api(client):
    last = client.get("/en/search/api/", {"q": "budget", "size": "10"}).json()["pages"]
    asked = {"q": "budget", "size": "10", "page": "999999"}
    data = client.get("/en/search/api/", asked).json()
    assert data["page"] == data["pages"] == last
    assert data["requested_page"] == 999999 and data["results"]
    note = f"There is no page 999999; this is the last page, {last}."
    assert data["notes"] == [note]
    content = client.get("/en/search/", asked).content.decode()
    assert note in content and "10,000" not in content and "10000" not in content
    assert f"Page {last} of {last}" in content


def test_every_answer_of_the_api_is_open_to_other_sites(client):
    for query in ({"q": "budget"}, {"q": "y" * 300}):
        response = client.get("/en/search/api/", query)
        assert response["Access-Control-Allow-Origin"] == "*", response.status_code


def test_the_database_offers_did_you_mean_from_the_words_of_the_documents(client):
    if not spelling.available():
        pytest.skip("this database has no trigrams (SQLite): the fallback suggests nothing")

    def suggestion(query):
        data = client.get("/en/search/api/", {"q": query}).json()
        assert data["backend"] == "database"
        return data["suggestion"]

    assert client.get("/en/search/api/", {"q": "partcipatory budgetting"}).json()["total"] == 0
    assert suggestion("partcipatory budgetting") == "participatory budgeting"
    content = client.get("/en/search/", {"q": "partcipatory budgetting"}).content.decode()
    link = '<a href="?q=participatory+budgeting">participatory budgeting</a>'
    assert f"Did you mean {link}?" in " ".join(content.split())
    assert client.get("/en/search/api/", {"q": "participatory budgeting"}).json()["total"] > 0
    # A word the documents hold is left alone.
    assert suggestion("budgeting") == ""
    # The words of a page published a moment ago count at once.
    assert suggestion("Okapivile") == ""
    new_experience(title="Okapiville neighbourhood assembly")
    assert suggestion("Okapivile") == "okapiville"


def test_unknown_values_and_malformed_numbers_are_ignored_with_a_note(client):
    response = client.get(
        "/en/search/",
        {"topic": ["climate", "atlantis"], "year_from": "19x5", "size": "5000", "page": "999999"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "is not a known topic" in content
    assert "is not a year" in content
    assert "Results are shown 100 per page." in content


def test_the_json_api_returns_results_facets_and_years(client):
    data = client.get("/en/search/api/", {"q": "budget", "lang": "all"}).json()
    assert data["backend"] == "database" and data["language"] == "all"
    assert data["total"] == len(data["results"]) > 0
    assert {"value", "label", "count", "selected"} <= set(data["facets"]["topic"][0])
    assert all(row["count"] > 0 for row in data["years"])
    assert client.get("/en/search/api/", {"q": "y" * 300}).status_code == 400


def test_exports_hold_the_whole_result_set(client):
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(client.get("/en/search/export.csv").streaming_content).decode())
        )
    )
    api = client.get("/en/search/api/").json()
    assert len(rows) == api["total"]
    assert rows[0]["url"].startswith("http://testserver/en/")
    exported = json.loads(b"".join(client.get("/en/search/export.json").streaming_content))
    assert [row["id"] for row in exported] == [int(row["id"]) for row in rows]


def test_any_search_has_an_rss_feed(client):
    response = client.get("/en/search/feed/", {"q": "budget"})
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert items and all(item.findtext("link").startswith("http://testserver/") for item in items)


def test_private_pages_and_drafts_stay_out_of_every_output(client):
    secret = new_experience(title="Okapi secret council")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    draft = new_experience(title="Okapi draft council")
    draft.unpublish()
    deliver()
    for url in (
        "/en/search/?q=okapi",
        "/en/search/api/?q=okapi",
        "/en/search/feed/?q=okapi",
        "/en/search/autocomplete/?q=okapi",
    ):
        assert "Okapi" not in client.get(url).content.decode(), url
    export = client.get("/en/search/export.json?q=okapi")
    assert json.loads(b"".join(export.streaming_content)) == []


def test_editors_can_pin_a_result_for_a_query_in_every_language(client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from repository.models import ExperiencePage

    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    SearchPromotion.objects.create(
        query=Query.get("youth budget"), page=page, description="Our flagship case."
    )
    content = client.get("/fr/search/", {"q": "Youth  Budget"}).content.decode()
    assert "Recommandé" in content
    assert "Our flagship case." in content
    assert 'href="/fr/experiences/' in content
    # Looking up promotions never stores the queries visitors type.
    client.get("/en/search/", {"q": "a query nobody pinned"})
    assert not Query.objects.filter(query_string="a query nobody pinned").exists()
    # Unpinned, it goes at once (the pinned queries are cached until a promotion changes).
    SearchPromotion.objects.all().delete()
    assert (
        "Our flagship case."
        not in client.get("/fr/search/", {"q": "youth budget"}).content.decode()
    )


def test_the_map_counts_results_by_country_with_a_table_alternative(client):
    response = client.get("/en/search/map/", {"q": "budget"})
    content = response.content.decode()
    assert response.status_code == 200
    assert '<svg viewBox="0 0 960' in content and 'aria-hidden="true"' in content
    # Every country with results is a link in the table, filtering the same search by it.
    assert '<th scope="row"><a href="/en/search/?q=budget&amp;country=BR">Brazil</a>' in content
    assert "<title>Brazil: 1</title>" in content


@pytest.mark.parametrize(
    "language, said",
    [("es", "encontrado en su versión en inglés"), ("fr", "trouvé dans sa version en anglais")],
)
def test_a_case_found_in_another_version_names_that_language_as_a_sentence_does(
    client, language, said
):
    # An English word, every language: news untranslated yet match in English.
    content = client.get(f"/{language}/search/", {"q": "youth", "lang": "all"}).content.decode()
    assert said in content
    assert said.replace("ing", "Ing").replace("ang", "Ang") not in content
