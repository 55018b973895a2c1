"""The translation editor speaks the translator's language: a French translator, her browser in
French, found wagtail-localize's heading ("English to Français translation"), its "More actions",
the header's "English" and the months of its dates in English, and the English source text unmarked
on a French page."""

import re

import pytest

from tests.test_editorial_journeys import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def francoise(demo_live):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editorial.roles import translators_group

    user = get_user_model().objects.create_user("francoise", "f@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=translators_group("fr")))


def french_porto_alegre():
    from repository.models import ExperiencePage

    return ExperiencePage.objects.get(
        locale__language_code="fr", title="Le budget participatif de Porto Alegre"
    ).pk


def test_a_french_translator_reads_the_editor_in_french(francoise, live_server, browser):
    base = live_server.url
    page = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill("francoise")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/pages/{french_porto_alegre()}/edit/")
    editor = page.locator(".js-translation-editor")
    editor.locator("li.complete").first.wait_for()  # the demo's translation is complete

    assert editor.get_by_role("heading", name="Traduction : Anglais → Français").count() == 1
    assert editor.get_by_text("English to Français translation").count() == 0
    assert page.locator(".header-meta--locales").inner_text().split() == ["Anglais", "Français"]
    assert page.get_by_text("More actions").count() == 0
    assert page.get_by_role("button", name="Plus d'actions").count() >= 1
    # The source is English, marked so; what she writes is French.
    source = editor.get_by_text("Participatory budgeting in Porto Alegre", exact=True).first
    assert source.evaluate("node => node.closest('[lang]').lang") == "en"

    # Her work is dated in French ("6 December 2026" came from the server's strftime).
    segment = editor.locator("li.complete").first
    segment.get_by_role("button", name="Modifier").click()
    segment.locator("textarea").fill("Le budget participatif, à Porto Alegre")
    segment.get_by_role("button", name="Enregistrer").click()
    note = segment.get_by_text(re.compile("Traduit manuellement le"))
    note.wait_for()
    months = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    assert re.search(rf"le \d{{1,2}} ({'|'.join(months.split())}) \d{{4}}", note.inner_text()), (
        note.inner_text()
    )
