"""Browsers, feed readers and proxies revalidate what they were served instead of downloading it
again: public pages, feeds, iCal, exports and the API say how long to keep them and answer a
conditional GET with a 304 until what they show changes. Nothing personal is ever marked for
a shared cache."""

import re
import time
from email.utils import parsedate_to_datetime

import feedparser
import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from wagtail.models import Locale

from award.models import AwardEditionPage
from core.tests.test_pagecache import post_form
from home.models import StandardPage
from publications.models import EventPage, NewsPage
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db


def event_url():
    return EventPage.objects.live().filter(locale__language_code="en").first().url


# What every visitor is served alike, one address per kind of answer.
SHARED = {
    "page": lambda: "/en/about/",
    "page (fr)": lambda: "/fr/a-propos/",
    "filtered listing": lambda: "/en/experiences/?topic=participatory-budgeting",
    "news RSS": lambda: "/en/news/rss/",
    "news Atom": lambda: "/en/news/atom/",
    "experiences feed": lambda: "/en/experiences/feed/atom/",
    "agenda iCal": lambda: "/en/agenda/ical/",
    "event iCal": lambda: f"{event_url()}ical/",
    "experiences CSV (streamed)": lambda: "/en/experiences/export/csv/",
    "experiences JSON (streamed)": lambda: "/en/experiences/export/json/?topic=climate",
    "search export (streamed)": lambda: "/en/search/export.csv?q=budget",
    "search feed": lambda: "/en/search/feed/?q=budget",
    "API listing": lambda: "/api/v2/pages/?type=publications.NewsPage&locale=fr",
    "API detail": lambda: f"/api/v2/pages/{StandardPage.objects.first().pk}/",
}


# What moves with the clock (the agenda's upcoming events): validated by its ETag only.
CLOCK = {"agenda iCal", "event iCal"}


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_every_shared_answer_is_revalidated_with_a_304_and_no_body(subtests):
    client = Client()
    for kind, url in SHARED.items():
        with subtests.test(kind):
            url = url()
            first = client.get(url)
            assert first.status_code == 200
            assert body(first)
            assert {"public", "max-age=0", "must-revalidate", "s-maxage=60"} <= directives(first)
            etag, modified = first["ETag"], first.get("Last-Modified")
            assert (modified is None) == (kind in CLOCK), "no date where the clock decides"
            modified = modified or http_date(time.time())
            again = client.get(url)
            body(again)
            assert again["ETag"] == etag, "the same content keeps its validator"
            for headers in (
                {"HTTP_IF_NONE_MATCH": etag},
                *([] if kind in CLOCK else [{"HTTP_IF_MODIFIED_SINCE": modified}]),
                {"HTTP_IF_NONE_MATCH": etag, "HTTP_IF_MODIFIED_SINCE": modified},
            ):
                answer = client.get(url, **headers)
                assert answer.status_code == 304, headers
                assert answer.content == b""
                assert answer["ETag"] == etag
            assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_page_the_cache_holds_is_revalidated_without_a_query(settings):
    settings.PAGE_CACHE_TIMEOUT = 300
    client = Client()
    for url in ["/en/", "/fr/a-propos/", "/en/news/"]:
        etag = client.get(url)["ETag"]
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert (answer.status_code, len(queries)) == (304, 0), url


def changed(client, url, etag, modified):
    """The answer to a client holding (etag, modified) for `url`."""
    response = client.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_IF_MODIFIED_SINCE=modified)
    only_modified = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    assert only_modified.status_code == response.status_code == 200, url
    assert response["ETag"] != etag
    if "Last-Modified" in response:
        assert parsedate_to_datetime(response["Last-Modified"]) > parsedate_to_datetime(modified)
    return body(response).decode()


@pytest.mark.parametrize("page_cache", [0, 300])
def test_a_publish_in_the_admin_changes_the_validators_of_what_shows_it(settings, page_cache):
    settings.PAGE_CACHE_TIMEOUT = page_cache
    editor = sign_in("validator-editor", superuser=True)
    visitor = Client()
    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    about = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    # The page itself, and pages and feeds that show a related item (the latest news).
    urls = {"/en/about/": "About us, renewed", "/en/": "Fresh news", "/en/news/rss/": "Fresh news"}
    held = {}
    for url in urls:
        first = visitor.get(url)
        held[url] = (first["ETag"], first.get("Last-Modified", http_date(time.time())))
        assert visitor.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    time.sleep(1)  # HTTP dates count whole seconds
    post_form(
        editor, f"/admin/pages/{about.pk}/edit/", {"title": urls["/en/about/"]}, "action-publish"
    )
    post_form(editor, f"/admin/pages/{news.pk}/edit/", {"title": "Fresh news"}, "action-publish")
    for url, text in urls.items():
        assert text in changed(visitor, url, *held[url]), url


def test_icalendar_reads_the_calendars_served_with_validators():
    for url in ["/en/agenda/ical/", f"{event_url()}ical/"]:
        response = Client().get(url)
        assert response["ETag"]
        calendar = icalendar.Calendar.from_ical(response.content)
        assert calendar.walk("VEVENT"), url


def test_feedparser_fetches_a_feed_once_then_gets_304(demo_live, live_server):
    for path in ["/en/news/rss/", "/fr/actualites/atom/", "/en/experiences/feed/rss/"]:
        url = f"{live_server.url}{path}"
        feed = feedparser.parse(url)
        assert (feed.status, bool(feed.entries)) == (200, True), url
        assert feed.etag and feed.modified
        again = feedparser.parse(url, etag=feed.etag, modified=feed.modified)
        assert (again.status, again.entries) == (304, []), url
        # A reader that keeps only the date is answered the same.
        assert feedparser.parse(url, modified=feed.modified).status == 304


def public_headers(response):
    found = directives(response) & {"public", "s-maxage"} or {
        d for d in directives(response) if d.startswith("max-age=") and d != "max-age=0"
    }
    return found if "private" not in directives(response) else set()


def test_nothing_personal_is_marked_for_a_shared_cache():
    editor = sign_in("private-editor", superuser=True)
    about = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    french = about.get_translation(Locale.objects.get(language_code="fr"))

    # An editor reading the public site: for their browser only, revalidated each time.
    response = editor.get("/en/about/")
    assert {"private", "no-cache"} <= directives(response)
    assert not public_headers(response)

    # A preview of a draft in the admin.
    preview = editor.get(f"/admin/pages/{about.pk}/edit/preview/")
    assert "private" in directives(preview) and not public_headers(preview)

    # A page behind a password: its form, then the page to the visitor who unlocked it.
    response = editor.post(
        f"/admin/pages/{about.pk}/privacy/", {"restriction_type": "password", "password": "pw1"}
    )
    assert response.status_code == 200
    visitor = Client()
    for url in [french.url, "/en/about/"]:  # the English form is unlocked below
        form = visitor.get(url)
        assert b"csrfmiddlewaretoken" in form.content, url
        assert {"private", "no-store"} <= directives(form), url
        assert "ETag" not in form and not public_headers(form), url
    action = re.search(r'<form[^>]*action="([^"]+)"', form.content.decode()).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())
    unlock = visitor.post(
        action.replace("&amp;", "&"),
        {"password": "pw1", "return_url": "/en/about/", "csrfmiddlewaretoken": token.group(1)},
    )
    assert unlock.status_code == 302
    page = visitor.get("/en/about/")
    assert page.status_code == 200 and b"csrfmiddlewaretoken" not in page.content
    assert {"private", "no-store"} <= directives(page)
    assert "ETag" not in page and not public_headers(page)

    # Signed in, behind a login restriction.
    response = editor.post(f"/admin/pages/{about.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200
    page = editor.get("/en/about/")
    assert page.status_code == 200
    assert {"private", "no-store"} <= directives(page) and not public_headers(page)
    anonymous = Client().get("/en/about/")
    assert anonymous.status_code == 302 and not public_headers(anonymous)


def test_a_form_for_visitors_is_never_shared():
    form = Client().get("/en/propose-an-experience/")
    assert form.status_code == 200 and b"csrfmiddlewaretoken" in form.content
    assert "private" in directives(form) and not public_headers(form)


@pytest.mark.parametrize("page_cache", [0, 300])
def test_what_changes_with_the_clock_is_never_declared_unmodified_by_date(settings, page_cache):
    # The agenda, the home page's upcoming events, an event once over, an award's status: no
    # save marks the moment they change, so a client sending only If-Modified-Since (a feed
    # reader, a proxy) would keep its copy for ever. They carry an ETag only.
    settings.PAGE_CACHE_TIMEOUT = page_cache
    client = Client()
    edition = AwardEditionPage.objects.live().filter(locale__language_code="fr").first()
    urls = ["/en/", "/fr/", "/en/agenda/", "/fr/agenda/", event_url(), "/en/award/", edition.url]
    for url in urls:
        client.get(url)
        first = client.get(url)
        assert first.status_code == 200, url
        assert "Last-Modified" not in first, url
        assert "X-Changes-With-Clock" not in first, url
        now = http_date(time.time() + 5)
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=now).status_code == 200, url
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, url
    # Other pages keep their date.
    assert "Last-Modified" in client.get("/en/about/")
