"""No translator's work is lost: the scenarios of wagtail-localize #876, #607 and #402."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from editorial.roles import COORDINATORS, translators_group
from repository.models import ExperiencePage
from taxonomy.models import Topic
from tests.fixtures import post_form, sign_in

pytestmark = pytest.mark.django_db

MANUAL = "Résumé réécrit à la main par la traductrice, sync arrêtée."


@pytest.fixture
def coordinator(client):
    user = get_user_model().objects.create_user("coord", "c@example.org", "pw")
    user.groups.add(Group.objects.get(name=COORDINATORS))
    client.force_login(user)
    return user


def pages(slug="porto-alegre-participatory-budgeting"):
    source = ExperiencePage.objects.get(slug=slug)
    french = ExperiencePage.objects.get(
        translation_key=source.translation_key, locale__language_code="fr"
    )
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=french.locale
    )
    return source, french, translation


def stop_sync(client, translation):
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/disable/", {"next": "/admin/"}
    )
    assert response.status_code == 302
    translation.refresh_from_db()
    assert not translation.enabled


def edit_by_hand(page, **values):
    """What saving and publishing the ordinary editor does to a page whose sync is stopped."""
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision().publish()


def publish_source(source, commit, **values):
    for name, value in values.items():
        setattr(source, name, value)
    with commit(execute=True):
        source.save_revision().publish()


def test_stopping_sync_hands_the_page_to_the_translator_for_good(
    client, coordinator, django_capture_on_commit_callbacks
):
    """#607: edits made after stopping the sync survive saving, source publishes and syncs."""
    source, french, translation = pages()
    stop_sync(client, translation)
    response = client.get(f"/admin/pages/{french.pk}/edit/")
    assert "wagtail_localize/admin/edit_translation.html" not in [
        template.name for template in response.templates
    ]  # the ordinary editor, not the segment editor
    edit_by_hand(french, summary=MANUAL)

    publish_source(
        source, django_capture_on_commit_callbacks, summary="New English words.", population=7
    )
    response = client.post(
        f"/admin/localize/update/{translation.source_id}/", {"publish_translations": "on"}
    )
    assert response.status_code == 302
    french.refresh_from_db()
    assert french.summary == MANUAL


def test_restarting_sync_keeps_the_hand_edits(
    client, coordinator, django_capture_on_commit_callbacks
):
    """#876: restarting the sync after hand edits keeps them, through the next sync too."""
    source, french, translation = pages()
    stop_sync(client, translation)
    edit_by_hand(french, summary=MANUAL)

    response = client.post(f"/admin/pages/{french.pk}/edit/", {"localize-restart-translation": "1"})
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.enabled
    kept = StringTranslation.objects.get(
        context__object_id=source.translation_key,
        context__path="summary",
        locale=french.locale,
    )
    assert (kept.data, kept.last_translated_by) == (MANUAL, coordinator)

    # The next publish of the source syncs the page again: the edit is still there.
    publish_source(source, django_capture_on_commit_callbacks, population=8)
    french.refresh_from_db()
    assert (french.summary, french.population) == (MANUAL, 8)


def test_restarting_sync_asks_first_about_edits_it_cannot_keep(client, coordinator):
    _source, french, translation = pages()
    stop_sync(client, translation)
    added = {"type": "paragraph", "value": "<p>Un paragraphe ajouté à la main.</p>"}
    body = [*french.body.raw_data, added]
    edit_by_hand(french, body=body)

    url = f"/admin/pages/{french.pk}/edit/"
    response = client.post(url, {"localize-restart-translation": "1"})
    assert response.status_code == 200
    assert "Un paragraphe ajouté à la main." in response.content.decode()
    translation.refresh_from_db()
    assert not translation.enabled  # nothing happens before the coordinator confirms

    response = client.post(url, {"localize-restart-translation": "1", "confirm-restart": "1"})
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.enabled


def test_translators_cannot_restart_a_sync(client, coordinator):
    _source, french, translation = pages()
    stop_sync(client, translation)
    translator = get_user_model().objects.create_user("t", "t@example.org", "pw")
    translator.groups.add(Group.objects.get(name=translators_group("fr")))
    client.force_login(translator)
    response = client.post(f"/admin/pages/{french.pk}/edit/", {"localize-restart-translation": "1"})
    # Refused on the admin's refusal page, which says why (core/admin_refusals.py).
    assert response.status_code == 403
    assert "Your role does not allow this action." in response.content.decode()
    translation.refresh_from_db()
    assert not translation.enabled


def test_deleting_and_translating_again_brings_the_work_back_unpublished(
    django_capture_on_commit_callbacks,
):
    """#402: a deleted translation's strings are kept, so a new translation starts from them;
    as a draft, since no reviewer has seen them in this page (they once went live at once)."""
    source, french, _translation = pages("east-belgium-citizens-dialogue")
    title, summary, french_url = french.title, french.summary, french.get_url()
    coordinator = sign_in("carla", COORDINATORS)
    response = coordinator.post(f"/admin/pages/{french.pk}/delete/")
    assert response.status_code == 302
    assert not ExperiencePage.objects.filter(
        translation_key=source.translation_key, locale__language_code="fr"
    ).exists()

    locale = Locale.objects.get(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(
            f"/admin/localize/submit/page/{source.pk}/", {"locales": [locale.pk]}
        )
    assert response.status_code == 302
    again = ExperiencePage.objects.get(
        translation_key=source.translation_key, locale__language_code="fr"
    )
    assert (again.title, again.summary) == (title, summary)
    assert not again.live
    response = Client().get(french_url)
    page = response.content.decode()
    assert "pas encore disponible en français" in page
    assert summary not in page and source.summary in page


def test_a_translation_whose_sync_is_stopped_is_saved_by_hand_with_its_terms():
    """A translation keeps its source's terms as wagtail-localize synchronised them; the editor
    offers the page's language's terms only. Saving by hand once refused the government level
    ("Select a valid choice") and would have dropped every topic."""
    source, french, translation = pages()
    coordinator = sign_in("carla", COORDINATORS)
    stop_sync(coordinator, translation)
    url = f"/admin/pages/{french.pk}/edit/"
    content = coordinator.get(url).content.decode()
    topic_keys = {topic.translation_key for topic in source.topics.all()}
    french_topics = Topic.objects.filter(locale=french.locale, translation_key__in=topic_keys)
    ticked = re.findall(r'<input type="checkbox" name="topics" value="(\d+)"[^>]*checked', content)
    assert {int(pk) for pk in ticked} == {topic.pk for topic in french_topics}

    post_form(coordinator, url, {"summary": MANUAL})  # "Save draft", the form as shown
    saved = ExperiencePage.objects.get(pk=french.pk).get_latest_revision_as_object()
    assert saved.summary == MANUAL
    assert {topic.translation_key for topic in saved.topics.all()} == topic_keys
    assert saved.government_level.translation_key == source.government_level.translation_key
