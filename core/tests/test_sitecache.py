"""The cache of what every page needs, with the shared database cache production and `make run`
use: a page must not pay a query for each cached answer, and a change made by another process
must still show at the next request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import sitecache
from home.models import FooterText

pytestmark = pytest.mark.django_db


def cache_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [q["sql"] for q in queries if "iopd_test_cache" in q["sql"]]


def test_a_page_reads_the_generation_once_and_its_answers_from_the_process(database_cache):
    client = Client()
    for path in ("/en/", "/en/experiences/", "/fr/", "/en/reports/", "/en/members/"):
        cache_queries(client, path)  # the first visit computes and stores every answer
        again = cache_queries(client, path)
        # Wagtail's own answers too (the sites' root paths, read once per card's address)
        assert len(again) == 1, (path, again)
        assert sitecache.GENERATION_KEY in again[0]


def test_a_page_seen_again_writes_nothing_to_the_cache(database_cache):
    # Wagtail wrote each picture's rendition back to the cache at every view: five queries a
    # card, 60 of the reports index's 85.
    client = Client()
    for path in ("/en/", "/en/reports/", "/fr/rapports/", "/en/experiences/", "/en/news/"):
        cache_queries(client, path)
        writes = [
            sql
            for sql in cache_queries(client, path)
            if sql.startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert writes == [], (path, writes)


def test_a_change_saved_by_another_process_shows_at_the_next_request(database_cache):
    client = Client()
    assert "Observatory of tomorrow" not in client.get("/en/").content.decode()
    # Another process saves the footer: the row changes and its signal starts a generation in
    # the shared cache; nothing happens in this process.
    FooterText.objects.filter(locale__language_code="en").update(
        body="<p>Observatory of tomorrow</p>"
    )
    cache.set(sitecache.GENERATION_KEY, "started-by-another-process", None)
    assert "Observatory of tomorrow" in client.get("/en/").content.decode()


def test_a_change_saved_during_a_request_shows_at_the_next_one(database_cache):
    client = Client()
    client.get("/en/")
    footer = FooterText.objects.get(locale__language_code="en")
    footer.body = "<p>Edited in this process</p>"
    footer.save()
    assert "Edited in this process" in client.get("/en/").content.decode()


def test_a_request_reads_each_answer_once_and_the_next_request_gets_its_own_copy(database_cache):
    # An experience page asked for the countries six times, each time unpickling all 249 of
    # them: a fifth of its rendering.
    # The signals' own receivers (request_finished closes the test's database connection).
    calls = []

    def compute():
        calls.append(1)
        return {"names": ["Brazil"]}

    sitecache._start_request()
    first = sitecache.cached(None, "test:memo", compute)
    assert sitecache.cached(None, "test:memo", compute) is first
    first["names"].append("changed by this request")
    sitecache._end_request()

    sitecache._start_request()
    assert sitecache.cached(None, "test:memo", compute) == {"names": ["Brazil"]}
    sitecache._end_request()
    assert len(calls) == 1
