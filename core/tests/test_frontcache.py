"""A front-end cache (a proxy in front of the site) is told what to drop when an editor changes
a page: a real HTTP server in a thread stands for the proxy and records the PURGE requests
the site sends after each change made through the admin."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Site

from core.tests.test_pagecache import post_form
from home.models import FooterText, NavigationMenuItem, StandardPage
from legal.models import LegalFramework
from network.models import MemberOrganisation
from publications.models import NewsPage
from publications.models.reports import reports_studying
from repository.criteria import Definition
from repository.models import ExperiencePage
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


def test_every_other_change_purges_everything_once(
    proxy, settings, django_capture_on_commit_callbacks, subtests
):
    # What a term, a menu, the settings, a member... change may show on any page, as the page
    # cache drops everything for them; so does a page's card elsewhere once the search
    # documents are rebuilt after its publish.
    backends, settings.WAGTAILFRONTENDCACHE = settings.WAGTAILFRONTENDCACHE, {}
    editor = sign_in("purge-all-editor", superuser=True)  # before the proxy: its own purge
    settings.WAGTAILFRONTENDCACHE = backends  # would wait for the test's commit, which never comes
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
    experience = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    site = Site.objects.get(is_default_site=True)
    report = reports_studying(experience)[0]
    en = {"locale__language_code": "en"}
    changes = {
        "taxonomy term renamed": (
            f"/admin/snippets/taxonomy/topic/edit/{experience.topics.first().pk}/",
            {"name": "Budgets by the people"},
        ),
        "menu edited": (
            "/admin/snippets/home/navigationmenu/edit/"
            f"{NavigationMenuItem.objects.filter(**en).first().menu_id}/",
            {"items-0-label": "Who we are"},
        ),
        "footer edited": (
            f"/admin/snippets/home/footertext/edit/{FooterText.objects.filter(**en)[0].pk}/",
            {},
        ),
        "site settings edited": (
            f"/admin/settings/home/sitesettings/{site.pk}/",
            {"contact_email": "hello@observatory.example"},
        ),
        "member edited": (
            "/admin/snippets/network/memberorganisation/edit/"
            f"{MemberOrganisation.objects.filter(**en)[0].pk}/",
            {},
        ),
        "legal framework edited": (
            f"/admin/snippets/legal/legalframework/edit/{LegalFramework.objects.filter(**en)[0].pk}/",
            {},
        ),
        "definition edited": (
            f"/admin/snippets/repository/definition/edit/{Definition.objects.first().pk}/",
            {},
        ),
        "image renamed": (f"/admin/images/{Image.objects.first().pk}/", {"title": "Renamed"}),
    }
    for cause, (url, fields) in changes.items():
        with subtests.test(cause):
            proxy.purged.clear()
            proxy.everything.clear()
            with django_capture_on_commit_callbacks(execute=True):
                post_form(editor, url, fields)
            # Once for the editor's transaction (a menu saves each of its items), and once
            # more for the search documents the change rebuilt, if any.
            assert set(proxy.everything) == {(host, "/")}
            assert len(proxy.everything) <= 2
            if cause == "menu edited":
                assert len(proxy.everything) == 1

    with subtests.test("release made"):
        proxy.everything.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("make_release", "--release-version", "2026-r2", stdout=StringIO())
        assert set(proxy.everything) == {(host, "/")}

    with subtests.test("related page published: its card on the experiences it studies"):
        proxy.purged.clear()
        proxy.everything.clear()
        with django_capture_on_commit_callbacks(execute=True):
            post_form(
                editor, f"/admin/pages/{report.pk}/edit/", {"title": "Studied"}, "action-publish"
            )
        assert report.url in paths(proxy, settings)  # its own address, at once
        assert set(proxy.everything) == {(host, "/")}  # and the cards, once rebuilt
