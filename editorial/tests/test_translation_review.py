"""A translation goes live only through its review, on every path, driven over HTTP with the
POSTs the admin's own pages send (the Chromium journey is in tests/test_editorial_journeys.py)."""

import html
import re
from urllib.parse import urlencode

import pytest
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from editorial.roles import COORDINATORS, translators_group
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage, ExperiencePage
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db

NOTICE_FR = "Cette page n’est pas encore disponible en français"


def untranslated_experience():
    """A live English experience in no other language yet (the demo translates them all)."""
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    return ExperiencePageFactory(
        parent=index, title="Neighbourhood assemblies of Lyonesse", summary="Assemblies decide."
    )


def translate(coordinator, page, *languages, capture):
    """ "Translate this page" in the admin, as a coordinator submits its form."""
    locales = Locale.objects.filter(language_code__in=languages)
    with capture(execute=True):  # wagtail-localize publishes when the request commits
        response = coordinator.post(
            f"/admin/localize/submit/page/{page.pk}/", {"locales": [loc.pk for loc in locales]}
        )
    assert response.status_code == 302, response.status_code
    return {
        language: ExperiencePage.objects.get(
            translation_key=page.translation_key, locale__language_code=language
        )
        for language in languages
    }


def test_a_new_translation_starts_unpublished_and_visitors_read_the_source_with_a_notice(
    django_capture_on_commit_callbacks,
):
    coordinator = sign_in("carla", COORDINATORS)
    source = untranslated_experience()
    english_url = source.get_url()
    french = translate(coordinator, source, "fr", capture=django_capture_on_commit_callbacks)["fr"]
    french_url = french.get_url()

    french.refresh_from_db()
    assert not french.live, "an unreviewed copy must not go live"
    visitor = Client()
    response = visitor.get(french_url)
    assert response.status_code == 200
    content = response.content.decode()
    assert NOTICE_FR in content
    assert re.search(r'<h1[^>]* lang="en"', content), "the English text is marked as English"
    assert 'hreflang="fr"' not in content
    assert french_url not in visitor.get("/sitemap.xml").content.decode()
    assert 'hreflang="fr"' not in visitor.get(english_url).content.decode()


def form_action(content, button):
    """The address the form holding `button` posts to, as a browser reads it from the page."""
    for form in re.findall(r"<form\b.*?</form>", content, re.S):
        if button in form:
            return html.unescape(re.search(r'action="([^"]*)"', form).group(1))
    raise AssertionError(f"no form with {button!r} on the page")


def write(translator, translation, path, text):
    """Type a translation into the editor's field for the segment at `path`."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    response = translator.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


def test_a_translation_goes_live_only_when_a_second_translator_approves_it(
    django_capture_on_commit_callbacks,
):
    coordinator = sign_in("carla", COORDINATORS)
    source = untranslated_experience()
    french = translate(coordinator, source, "fr", capture=django_capture_on_commit_callbacks)["fr"]
    french_url = french.get_url()
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="fr"
    )
    francoise = sign_in("francoise", translators_group("fr"))
    fabien = sign_in("fabien", translators_group("fr"))
    edit = f"/admin/pages/{french.pk}/edit/"

    write(francoise, translation, "title", "Assemblées de quartier de Lyonnesse")
    content = francoise.get(edit).content.decode()
    assert "This translation is not published" in content
    # Wagtail lets whoever edits a draft delete it; the editor offers a translator no Delete.
    assert '"canDelete": false' in html.unescape(content)
    submit = form_action(content, "Submit the French translation for review")
    response = francoise.post(submit, follow=True)
    assert "was submitted for review" in response.content.decode()
    french.refresh_from_db()
    assert not french.live, "submitted is not published"
    assert "Lyonnesse" not in Client().get(french_url).content.decode()

    # The submitter cannot approve her own work; the report says it awaits review.
    content = francoise.get(edit).content.decode()
    assert "Awaiting review" in content and "Approve and publish" not in content
    report = coordinator.get("/admin/reports/translations/?state=awaiting_review").content.decode()
    assert source.title in report
    assert f'<td data-state="awaiting_review"><a href="/admin/pages/{french.pk}/edit/">' in report

    # A second translator asks for a change; the first reads why on her editor.
    content = fabien.get(edit).content.decode()
    reject = form_action(content, "Request changes")
    fabien.post(reject, {"comment": "Écrire « Lyonesse » comme dans la source.", "next": edit})
    content = francoise.get(edit).content.decode()
    assert "fabien asked for changes" in content
    assert "Écrire « Lyonesse » comme dans la source." in content
    write(francoise, translation, "title", "Assemblées de quartier de Lyonesse")
    francoise.post(form_action(content, "Submit the French translation for review"))

    # Approved: only now is the French page live, with the approved words.
    content = fabien.get(edit).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        fabien.post(form_action(content, "Approve and publish"), {"comment": "", "next": edit})
    french.refresh_from_db()
    assert french.live and french.title == "Assemblées de quartier de Lyonesse"
    visitor = Client()
    content = visitor.get(french.get_url()).content.decode()
    assert "Assemblées de quartier de Lyonesse" in content and NOTICE_FR not in content
    # Only the title was translated: the summary wagtail-localize published in English says so.
    assert re.search(r"<h1(?![^>]* lang=)[^>]*>Assemblées de quartier de Lyonesse</h1>", content)
    assert re.search(r'<p class="lead" lang="en">Assemblies decide.</p>', content)
    assert 'hreflang="fr"' in visitor.get(source.get_url()).content.decode()

    # The coordinator follows the report to the page's translation history: who did what.
    report = coordinator.get("/admin/reports/translations/").content.decode()
    history_url = f"/admin/reports/translations/{source.pk}/history/"
    assert f'href="{history_url}"' in report
    rows = [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(
            r"<tr data-action=[^>]*>(.*?)</tr>", coordinator.get(history_url).content.decode(), re.S
        )
    ]
    french_rows = [
        html.unescape(" | ".join(row)).split(" | ") for row in rows if row[1] == "Français"
    ]
    assert any(row[2] == "francoise" and "started" in row[3] for row in french_rows), french_rows
    assert any(row[2] == "francoise" and "Resubmitted" in row[3] for row in french_rows)
    assert any(
        row[2] == "fabien" and row[4] == "Écrire « Lyonesse » comme dans la source."
        for row in french_rows
    ), french_rows
    assert any(row[2] == "fabien" and "Published" in row[3] for row in french_rows), french_rows
    # Not for the jury, who follows no translation.
    from editorial.roles import JURY

    assert sign_in("juror", JURY).get(history_url).status_code == 403


def test_a_change_to_a_live_translation_stays_off_the_site_until_approved(
    django_capture_on_commit_callbacks,
):
    """wagtail-localize's save_target writes the page row visitors read: a resubmitted
    translation of a live page must leave that row as the reviewer last approved it."""
    coordinator = sign_in("carla", COORDINATORS)
    source = untranslated_experience()
    french = translate(coordinator, source, "fr", capture=django_capture_on_commit_callbacks)["fr"]
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="fr"
    )
    francoise = sign_in("francoise", translators_group("fr"))
    fabien = sign_in("fabien", translators_group("fr"))
    edit = f"/admin/pages/{french.pk}/edit/"
    write(francoise, translation, "title", "Assemblées de quartier de Lyonesse")
    francoise.post(form_action(francoise.get(edit).content.decode(), "Submit the French"))
    with django_capture_on_commit_callbacks(execute=True):
        fabien.post(
            form_action(fabien.get(edit).content.decode(), "Approve and publish"),
            {"comment": "", "next": edit},
        )
    french.refresh_from_db()
    french_url = french.get_url()
    assert french.live and "Lyonesse" in Client().get(french_url).content.decode()

    write(francoise, translation, "title", "Assemblées populaires de Lyonesse")
    content = francoise.get(edit).content.decode()
    response = francoise.post(form_action(content, "Submit the French"), follow=True)
    assert "was submitted for review" in response.content.decode()
    page = Client().get(french_url).content.decode()
    assert "Assemblées de quartier de Lyonesse" in page
    assert "Assemblées populaires" not in page
    french.refresh_from_db()
    assert french.title == "Assemblées de quartier de Lyonesse"
    assert french.has_unpublished_changes

    with django_capture_on_commit_callbacks(execute=True):
        fabien.post(
            form_action(fabien.get(edit).content.decode(), "Approve and publish"),
            {"comment": "", "next": edit},
        )
    assert "Assemblées populaires de Lyonesse" in Client().get(french_url).content.decode()


def test_the_report_filters_by_the_languages_translated_into():
    coordinator = sign_in("carla", COORDINATORS)
    content = coordinator.get("/admin/reports/translations/").content.decode()
    options = re.findall(
        r'<option value="(\w+)"', content.split('name="language"')[1].split("</select>")[0]
    )
    assert options == ["fr", "es"]
