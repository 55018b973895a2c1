"""A translated snippet (a term, a legal framework's title) goes live only through its review
(editorial/snippet_review.py), driven with the POSTs wagtail-localize's editor and the review
bar send."""

import html

import pytest
from django.core import mail
from django.test import Client
from wagtail_localize.models import Translation

from editorial.roles import COORDINATORS, translators_group
from legal.models import LegalFramework
from repository.models import ExperiencePage
from taxonomy.models import Topic
from tests.fixtures import admin_form_fields, sign_in

from .test_translation_review import form_action, write

pytestmark = pytest.mark.django_db

SUBMIT = "Submit the French translation for review"


def translation_of(snippet):
    return Translation.objects.get(
        source__object_id=snippet.translation_key,
        target_locale=snippet.locale,
        enabled=True,
    )


def a_french_topic_on_the_listing():
    listing = Client().get("/fr/experiences/").content.decode()
    for topic in Topic.objects.filter(locale__language_code="fr").order_by("pk"):
        if (
            topic.name in listing
            and Translation.objects.filter(
                source__object_id=topic.translation_key, target_locale=topic.locale, enabled=True
            ).exists()
        ):
            return topic
    raise AssertionError("no translated French topic on /fr/experiences/")


def a_french_framework_on_an_experience():
    """A translated French framework title that a French experience shows, and its address."""
    for framework in LegalFramework.objects.filter(locale__language_code="fr").order_by("pk"):
        if not Translation.objects.filter(
            source__object_id=framework.translation_key, target_locale=framework.locale
        ).exists():
            continue
        pages = ExperiencePage.objects.filter(
            locale__language_code="fr",
            live=True,
            legal_frameworks__translation_key=framework.translation_key,
        )
        for page in pages[:3]:
            url = page.get_url()
            if html.escape(framework.title) in Client().get(url).content.decode():
                return framework, url
    raise AssertionError("no French experience shows a translated framework title")


def test_a_translated_term_goes_live_only_when_a_second_translator_approves_it(
    django_capture_on_commit_callbacks,
):
    sign_in("carla", COORDINATORS)
    francoise = sign_in("francoise", translators_group("fr"))
    fabien = sign_in("fabien", translators_group("fr"))
    topic = a_french_topic_on_the_listing()
    translation = translation_of(topic)
    edit = f"/admin/snippets/taxonomy/topic/edit/{topic.pk}/"

    content = html.unescape(francoise.get(edit).content.decode())
    assert '"canPublish": false' in content, "the editor offers a translator no Publish"
    assert SUBMIT in content

    # The editor's "Publish" POST, as the React app sends it, publishes nothing.
    write(francoise, translation, "name", "Terme NON RELU")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = francoise.post(edit, {"action": "publish"}, follow=True)
    assert "was submitted for review" in response.content.decode()
    listing = Client().get("/fr/experiences/").content.decode()
    assert "Terme NON RELU" not in listing and topic.name in listing
    # The reviewers are told, with a link to the editor; the submitter is not.
    told = {address for message in mail.outbox for address in message.to}
    assert {"fabien@example.org", "carla@example.org"} <= told
    assert "francoise@example.org" not in told
    assert any(edit in message.body for message in mail.outbox)

    # The Translations report lists it for the reviewers.
    report = fabien.get("/admin/reports/translations/").content.decode()
    assert "Terms awaiting review" in report
    assert f'<a href="{edit}" lang="fr">{html.escape(topic.name)}</a>' in report

    # The submitter cannot approve her own work.
    content = francoise.get(edit).content.decode()
    assert "Awaiting review" in content and "Approve and publish" not in content
    approve = f"/admin/translations/{translation.pk}/approve/"
    refused = francoise.post(approve, {"comment": ""}, follow=True)
    assert refused.status_code in (200, 403)  # a refusal page, or the dashboard saying so
    assert not refused.redirect_chain or refused.redirect_chain[-1][0] != edit
    assert "was approved and published" not in refused.content.decode()
    assert "Terme NON RELU" not in Client().get("/fr/experiences/").content.decode()

    # A second translator asks for a change; the first reads it in her editor.
    content = fabien.get(edit).content.decode()
    assert "Approve and publish" in content
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        fabien.post(form_action(content, "Request changes"), {"comment": "Un terme plus court."})
    (told,) = [message for message in mail.outbox if message.to == ["francoise@example.org"]]
    assert "Un terme plus court." in told.body and edit in told.body
    content = francoise.get(edit).content.decode()
    assert "fabien asked for changes" in content and "Un terme plus court." in content
    write(francoise, translation, "name", "Terme relu")
    francoise.post(form_action(content, SUBMIT))

    content = fabien.get(edit).content.decode()
    response = fabien.post(form_action(content, "Approve and publish"), {"comment": ""})
    assert response.status_code == 302
    listing = Client().get("/fr/experiences/").content.decode()
    assert "Terme relu" in listing
    topic.refresh_from_db()
    assert topic.name == "Terme relu"
    assert f'href="{edit}"' not in fabien.get("/admin/reports/translations/").content.decode()


def test_a_legal_frameworks_title_goes_live_only_when_a_coordinator_approves_it():
    carla = sign_in("carla", COORDINATORS)
    francoise = sign_in("francoise", translators_group("fr"))
    framework, url = a_french_framework_on_an_experience()
    translation = translation_of(framework)
    edit = f"/admin/snippets/legal/legalframework/edit/{framework.pk}/"

    write(francoise, translation, "title", "Loi NON RELUE")
    francoise.post(edit, {"action": "publish"})
    assert "Loi NON RELUE" not in Client().get(url).content.decode()
    content = francoise.get(edit).content.decode()
    assert "Awaiting review" in content

    content = carla.get(edit).content.decode()
    carla.post(form_action(content, "Approve and publish"), {"comment": ""})
    assert "Loi NON RELUE" in Client().get(url).content.decode()


def test_syncing_a_term_publishes_no_translators_words():
    """The term's Actions -> "Sync translated snippets", with "Publish immediately" posted as
    wagtail-localize's form had it."""
    carla = sign_in("carla", COORDINATORS)
    francoise = sign_in("francoise", translators_group("fr"))
    topic = a_french_topic_on_the_listing()
    translation = translation_of(topic)
    write(francoise, translation, "name", "Terme NON SOUMIS")
    url = f"/admin/localize/update/{translation.source_id}/"
    assert 'name="publish_translations"' not in carla.get(url).content.decode()
    assert carla.post(url, {"publish_translations": "on"}).status_code == 302
    assert "Terme NON SOUMIS" not in Client().get("/fr/experiences/").content.decode()
    topic.refresh_from_db()
    assert topic.name != "Terme NON SOUMIS"


def test_a_translator_cannot_save_a_term_whose_sync_was_stopped():
    """Without its sync, a term opens in the snippet's own form, which writes the live row:
    translators' words would skip the review."""
    carla = sign_in("carla", COORDINATORS)
    francoise = sign_in("francoise", translators_group("fr"))
    topic = a_french_topic_on_the_listing()
    translation = translation_of(topic)
    response = carla.post(
        f"/admin/localize/translate/{translation.pk}/disable/", {"next": "/admin/"}
    )
    assert response.status_code == 302
    edit = f"/admin/snippets/taxonomy/topic/edit/{topic.pk}/"
    fields = admin_form_fields(francoise.get(edit).content.decode())
    fields["name"] = ["Terme HORS RELECTURE"]
    francoise.post(edit, fields)
    assert "Terme HORS RELECTURE" not in Client().get("/fr/experiences/").content.decode()
    topic.refresh_from_db()
    assert topic.name != "Terme HORS RELECTURE"
