"""A front-end cache (a proxy in front of the site) is told what to drop when an editor changes
a page: a real HTTP server in a thread stands for the proxy and records the PURGE requests
the site sends after each change made through the admin."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from core.tests.test_pagecache import post_form
from home.models import StandardPage
from publications.models import NewsPage
from search.models import CollectionPage
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db


def in_every_language(page):
    return [page, *Page.objects.translation_of(page).live()]


def addresses(pages, *subpaths):
    return {f"{page.url}{sub}" for page in pages for sub in ("", *subpaths)}


def paths(proxy, settings):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
    assert {h for h, _path in proxy.purged} == {host}
    return {path for _host, path in proxy.purged}


def test_a_publish_purges_the_page_its_listings_feeds_and_home_in_every_language(
    proxy, settings, django_capture_on_commit_callbacks
):
    editor = sign_in("purge-editor", superuser=True)
    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    versions = in_every_language(news)
    assert len(versions) == 3  # the demo's latest news is translated
    with django_capture_on_commit_callbacks(execute=True):
        post_form(editor, f"/admin/pages/{news.pk}/edit/", {"title": "Purged"}, "action-publish")
    indexes = [version.get_parent() for version in versions]
    homes = [index.get_parent() for index in indexes]
    assert paths(proxy, settings) == (
        addresses(versions) | addresses(indexes, "rss/", "atom/") | addresses(homes)
    )


def test_nothing_is_sent_without_a_front_end_cache(
    proxy, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}  # FRONTEND_CACHE_URL unset: the default
    editor = sign_in("purge-off", superuser=True)
    about = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        post_form(editor, f"/admin/pages/{about.pk}/edit/", {"title": "Unsent"}, "action-publish")
    assert proxy.purged == set()


def test_unpublish_privacy_and_move_purge_every_address_concerned(
    proxy, settings, django_capture_on_commit_callbacks, subtests
):
    editor = sign_in("purge-officer", superuser=True)
    about = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    experiences = Page.objects.get(url_path__endswith="/experiences/", locale=about.locale)

    with subtests.test("a subtree made private, in every language"):
        proxy.purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = editor.post(
                f"/admin/pages/{experiences.pk}/privacy/", {"restriction_type": "login"}
            )
        assert response.status_code == 200
        expected = set()
        for version in in_every_language(experiences):
            expected |= addresses(version.get_descendants(inclusive=True).live())
            expected |= addresses([version], "feed/rss/", "feed/atom/", "export/csv/")
            expected |= addresses([version.get_parent()])
        assert expected <= paths(proxy, settings)

    with subtests.test("moved: the old address and the new one"):
        proxy.purged.clear()
        collection = CollectionPage.objects.get(locale=about.locale)
        old_url = collection.url
        with django_capture_on_commit_callbacks(execute=True):
            response = editor.post(f"/admin/pages/{collection.pk}/move/{about.pk}/confirm/")
        assert response.status_code == 302
        new_url = f"{about.url}{collection.slug}/"
        assert {old_url, f"{old_url}feed/", new_url, f"{new_url}feed/", about.url} <= paths(
            proxy, settings
        )

    with subtests.test("unpublished"):
        proxy.purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = editor.post(f"/admin/pages/{about.pk}/unpublish/")
        assert response.status_code == 302
        assert {"/en/about/", "/en/"} <= paths(proxy, settings)
