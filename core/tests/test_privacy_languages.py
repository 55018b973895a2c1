"""Privacy follows a page into every language, on every public surface.

A coordinator makes a page private in the admin, with the same POSTs as the browser's privacy
dialog; then no copy of it, in any language, shows anywhere a visitor or a program looks."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from editorial.roles import COORDINATORS
from repository.models import ExperienceIndexPage, ExperiencePage
from search.indexing import deliver

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es")


@pytest.fixture
def coordinator():
    from django.test import Client

    client = Client()
    user = get_user_model().objects.create_user("coord", "coord@example.org", "long-pass-123")
    user.groups.set([Group.objects.get(name=COORDINATORS)])
    response = client.post(
        "/admin/login/", {"username": "coord", "password": "long-pass-123"}, follow=True
    )
    assert response.status_code == 200 and response.wsgi_request.user == user
    return client


def copies(page):
    return {
        page.locale.language_code: page
        for page in Page.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .specific()
    }


def set_privacy(client, page, restriction_type, captured, **fields):
    with captured(execute=True):
        response = client.post(
            f"/admin/pages/{page.pk}/privacy/", {"restriction_type": restriction_type, **fields}
        )
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy_done"
    deliver()  # what the commit of a real request delivers


def surfaces(language, page):
    """Every public place that lists `page` (its copy in `language`) while it is public."""
    from urllib.parse import quote

    word = quote(page.title)
    return [
        f"/{language}/search/?q={word}",
        f"/{language}/search/api/?q={word}",
        f"/{language}/search/feed/?q={word}",
        f"/{language}/search/autocomplete/?q={word}",
        f"/{language}/search/export.json?q={word}",
        f"{page.get_parent().url}",
        f"{page.get_parent().url}export/json/",
        f"{page.get_parent().url}export/csv/",
        f"/api/v2/pages/?type=repository.ExperiencePage&locale={language}&slug={page.slug}",
        f"/api/v2/pages/{page.pk}/",
    ]


def read(client, url):
    response = client.get(url)
    if response.streaming:
        return response.status_code, b"".join(response.streaming_content).decode()
    return response.status_code, response.content.decode()


def shown(client, url, page):
    status, body = read(client, url)
    # Every surface links to the page it lists (the API by its id); titles may be term names too.
    return status == 200 and (page.url in body or f'"id": {page.pk},' in body)


def sitemap_urls(client):
    text = client.get("/sitemap.xml").content.decode()
    return "".join(
        client.get(loc.split("</loc>")[0].removeprefix("http://testserver")).content.decode()
        for loc in text.split("<loc>")[1:]
    )


def check_hidden_everywhere(client, pages):
    """Each copy is listed nowhere, and its own address shows the privacy form, not the page."""
    client.logout()
    sitemap = sitemap_urls(client)
    for language, page in pages.items():
        assert f"http://testserver{page.url}<" not in sitemap, language
        _status, body = read(client, page.url)
        assert page.specific.summary not in body, f"{page.url} shows the private page"
        assert page.title not in body and "application/ld+json" not in body, page.url
        for url in surfaces(language, page):
            assert not shown(client, url, page), f"{url} shows the private {language} copy"


def test_a_page_made_private_is_private_in_every_language(
    coordinator, django_capture_on_commit_callbacks, client
):
    page = ExperiencePage.objects.get(slug="youth-participatory-budget", locale__language_code="en")
    pages = copies(page)
    assert set(pages) == set(LANGUAGES)
    # Before: each copy is where visitors find it, so the checks below can fail.
    sitemap = sitemap_urls(client)
    for language, copy in pages.items():
        assert f"http://testserver{copy.url}<" in sitemap, language
        found = [url for url in surfaces(language, copy) if shown(client, url, copy)]
        assert len(found) == len(surfaces(language, copy)), (
            language,
            set(surfaces(language, copy)) - set(found),
        )

    set_privacy(
        coordinator, page, "password", django_capture_on_commit_callbacks, password="s3cret-words"
    )
    check_hidden_everywhere(client, pages)
    for copy in pages.values():
        restriction = PageViewRestriction.objects.get(page=copy)
        assert (restriction.restriction_type, restriction.password) == ("password", "s3cret-words")

    # The password of the page opens it in every language.
    french = pages["fr"]
    form = client.get(french.url).content.decode()
    # The password form is in the site's style and language, and kept out of search engines.
    assert 'rel="stylesheet"' in form and '<meta name="robots" content="noindex">' in form
    assert "Mot de passe requis" in form
    action = re.search(r'<form[^>]+action="([^"]+)"', form).group(1)
    next_url = re.search(r'name="return_url" value="([^"]+)"', form).group(1)
    client.post(action, {"password": "s3cret-words", "return_url": next_url})
    assert french.summary in client.get(french.url).content.decode()

    # Public again: every copy comes back.
    set_privacy(coordinator, page, "none", django_capture_on_commit_callbacks)
    assert not PageViewRestriction.objects.filter(page__in=pages.values()).exists()
    for language, copy in pages.items():
        assert all(shown(client, url, copy) for url in surfaces(language, copy)), language


def test_a_translation_cannot_be_made_public_while_its_source_is_private(
    coordinator, django_capture_on_commit_callbacks, client
):
    page = ExperiencePage.objects.get(slug="youth-participatory-budget", locale__language_code="en")
    pages = copies(page)
    set_privacy(coordinator, page, "login", django_capture_on_commit_callbacks)
    set_privacy(coordinator, pages["fr"], "none", django_capture_on_commit_callbacks)
    check_hidden_everywhere(client, pages)
    # A translation may still be private on its own while its source is public.
    set_privacy(coordinator, page, "none", django_capture_on_commit_callbacks)
    set_privacy(coordinator, pages["es"], "login", django_capture_on_commit_callbacks)
    assert PageViewRestriction.objects.filter(page=pages["es"]).exists()
    assert not PageViewRestriction.objects.filter(page__in=[pages["en"], pages["fr"]]).exists()


def test_pages_under_a_private_parent_are_private_in_every_language(
    coordinator, django_capture_on_commit_callbacks, client
):
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    page = ExperiencePage.objects.get(slug="youth-participatory-budget", locale__language_code="en")
    pages = copies(page)
    set_privacy(coordinator, index, "login", django_capture_on_commit_callbacks)
    client.logout()
    for language, copy in pages.items():
        status, _body = read(client, copy.url)
        assert status == 302 and "/login/" in client.get(copy.url)["Location"], language
        for url in surfaces(language, copy):
            assert not shown(client, url, copy), f"{url} shows the {language} copy"
