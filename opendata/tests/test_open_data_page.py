"""The open-data page with a release on it, in English, French and Spanish: valid HTML for the
Nu checker, no WCAG violation for axe in Chromium, and no English left on the French and
Spanish pages (the file names and checksums are marked as what they are)."""

import io

import pytest
from django.core.management import call_command

from tests.test_accessibility import axe_source, violations  # noqa: F401 (fixture)
from tests.test_html_validity import validate, vnu_jar  # noqa: F401 (fixture)
from tests.test_page_language import VisibleText, catalogue_strings, data_strings, matcher

PAGES = {"en": "/en/open-data/", "fr": "/fr/donnees-ouvertes/", "es": "/es/datos-abiertos/"}


def make_release():
    call_command("make_release", "--release-version", "2026-11-02", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_page_with_a_release_is_valid_html_in_every_language(client, vnu_jar, tmp_path):  # noqa: F811
    make_release()
    documents = {}
    for path in PAGES.values():
        response = client.get(path)
        assert response.status_code == 200
        assert b"2026-11-02" in response.content
        documents[path] = response.content
    errors = validate(vnu_jar, documents, tmp_path)
    assert not errors, errors


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["fr", "es"])
def test_no_english_string_on_the_french_and_spanish_page(client, code):
    make_release()
    english = matcher(catalogue_strings(code) | data_strings(code))
    parser = VisibleText(code)
    parser.feed(client.get(PAGES[code]).content.decode())
    found = [
        text
        for text, language in parser.found
        if language == code and english.fullmatch(text.rstrip(" :"))
    ]
    assert found == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_page_with_a_release_has_no_wcag_violations(
    demo_live,
    live_server,
    browser,
    axe_source,  # noqa: F811
):
    make_release()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    failures = {}
    for path in PAGES.values():
        page.goto(live_server.url + path)
        found = violations(page, axe_source)
        if found:
            failures[path] = found
    context.close()
    assert failures == {}
