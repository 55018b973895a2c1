"""Scheduled publishing and expiry, page locking, and translating offline with PO files."""

import datetime

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringTranslation, Translation

from editorial.roles import COORDINATORS, OFFICERS, translators_group
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from repository.models import ExperiencePage
from tests.fixtures import sign_in

from .test_translation_review import form_action

pytestmark = pytest.mark.django_db


def person(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def page():
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(parent=home, title="Annual meeting", slug="annual-meeting")
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)  # as the editor loads it, live revision included


def test_a_scheduled_page_goes_live_and_expires_on_time(client, page):
    now = timezone.now()
    page.title = "Annual meeting 2027"
    page.go_live_at = now + datetime.timedelta(hours=1)
    page.expire_at = now + datetime.timedelta(days=2)
    page.save_revision().publish()
    page.refresh_from_db()
    # Published in advance: nothing changes for visitors until the time comes...
    assert page.title == "Annual meeting"
    assert page.get_latest_revision().approved_go_live_at is not None
    # ...and editors see that it is scheduled.
    client.force_login(person("coord", COORDINATORS))
    editor = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Scheduled" in editor or "scheduled" in editor

    with freeze_time(now + datetime.timedelta(hours=2)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and page.title == "Annual meeting 2027"
    assert client.get(page.url).status_code == 200

    with freeze_time(now + datetime.timedelta(days=3)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/en/annual-meeting/").status_code == 404


def test_a_scheduled_publish_brings_the_translations_along(django_capture_on_commit_callbacks):
    source = ExperiencePage.objects.get(slug="east-belgium-citizens-dialogue")
    now = timezone.now()
    source.population = 987654
    source.go_live_at = now + datetime.timedelta(hours=1)
    source.save_revision().publish()
    with (
        freeze_time(now + datetime.timedelta(hours=2)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("publish_scheduled")
    french = ExperiencePage.objects.get(
        translation_key=source.translation_key, locale__language_code="fr"
    )
    assert french.population == 987654


def edit_form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "annual-meeting",
            "introduction": "Who meets, when and where.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def test_a_locked_page_cannot_be_overwritten_by_a_second_editor(client, page):
    first, second = person("anna", COORDINATORS), person("bruno", COORDINATORS)
    client.force_login(first)
    assert client.post(f"/admin/pages/{page.pk}/lock/").status_code == 302
    page.refresh_from_db()
    assert page.locked and page.locked_by == first

    client.force_login(second)
    response = client.post(f"/admin/pages/{page.pk}/edit/", edit_form("Bruno's title"))
    assert "The page could not be saved as it is locked." in response.content.decode()
    assert StandardPage.objects.get(pk=page.pk).get_latest_revision().as_object().title == (
        "Annual meeting"
    )
    # An officer cannot lift someone else's lock either.
    client.force_login(person("olga", OFFICERS))
    client.post(f"/admin/pages/{page.pk}/unlock/")
    assert Page.objects.get(pk=page.pk).locked

    # The editor who holds the lock saves as usual.
    client.force_login(first)
    response = client.post(f"/admin/pages/{page.pk}/edit/", edit_form("Anna's title"))
    assert response.status_code == 302
    assert StandardPage.objects.get(pk=page.pk).get_latest_revision().as_object().title == (
        "Anna's title"
    )


def test_a_po_file_round_trip_keeps_the_translations(client, django_capture_on_commit_callbacks):
    source = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    french = ExperiencePage.objects.get(
        translation_key=source.translation_key, locale__language_code="fr"
    )
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=french.locale
    )
    client.force_login(person("francoise", translators_group("fr")))

    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    by_context = {entry.msgctxt: entry for entry in po}
    assert by_context["title"].msgstr == french.title  # the translations travel in the file
    by_context["summary"].msgstr = "Un résumé revu hors ligne par la traductrice."

    upload = SimpleUploadedFile("porto-alegre-fr.po", str(po).encode(), "text/x-gettext")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    strings = StringTranslation.objects.filter(
        context__object_id=source.translation_key, locale=french.locale
    )
    assert strings.get(context__path="summary").data == (
        "Un résumé revu hors ligne par la traductrice."
    )
    assert strings.get(context__path="title").data == french.title  # the others are kept
    french.refresh_from_db()
    assert not french.summary.startswith("Un résumé revu")  # live only after a review
    french_url = french.get_url()
    assert "Un résumé revu" not in Client().get(french_url).content.decode()

    # She submits it; a second French translator approves it from the editor's review bar.
    edit = f"/admin/pages/{french.pk}/edit/"
    content = client.get(edit).content.decode()
    client.post(form_action(content, "Submit the French translation for review"))
    reviewer = sign_in("fabien", translators_group("fr"))
    content = reviewer.get(edit).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(form_action(content, "Approve and publish"), {"comment": "", "next": edit})
    french.refresh_from_db()
    assert french.summary == "Un résumé revu hors ligne par la traductrice."
    assert french.title == by_context["title"].msgstr
    public = Client().get(french_url).content.decode()
    assert "Un résumé revu hors ligne par la traductrice." in public


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (None, "Choose a PO file to upload."),
        (b'msgid "Hello"\nmsgstr "Bonjour"\n', "not downloaded from this site"),
        (b"/etc/passwd", "Please upload a valid PO file."),  # a path is not read
        (b"\xff\xfe\x00garbage", "Please upload a valid PO file."),
    ],
)
def test_an_unusable_po_file_gets_a_message_not_an_error(client, upload, message):
    translation = Translation.objects.filter(target_locale__language_code="fr").first()
    client.force_login(person("francoise", translators_group("fr")))
    data = {"next": "/admin/"}
    if upload is not None:
        data["file"] = SimpleUploadedFile("mine.po", upload, "text/x-gettext")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", data, follow=True
    )
    assert response.status_code == 200
    assert message in response.content.decode()
