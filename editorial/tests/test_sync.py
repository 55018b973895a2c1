"""Translations follow a published source page in the background, keeping translators' work."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from editorial.roles import translators_group
from editorial.sync import sync_translations
from editorial.translation_status import translation_status
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage, ExperiencePage
from tests.fixtures import DURABLE_TASKS as DURABLE
from tests.fixtures import run_background_worker, sign_in

from .test_translation_review import form_action

pytestmark = pytest.mark.django_db


def in_language(page, code):
    return ExperiencePage.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    )


def draft(page):
    return page.get_latest_revision().as_object()


def publish(page, commit):
    """Publish as the editor would; `commit` runs what waits for the transaction to commit."""
    with commit(execute=True):
        page.save_revision().publish()


def state_of(page, code):
    rows, _counts, _sections = translation_status(language=code)
    return next(row.states[code][0] for row in rows if row.page_id == page.pk)


def test_new_words_wait_for_the_translator_and_translated_segments_are_kept(
    django_capture_on_commit_callbacks,
):
    source = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    french = in_language(source, "fr")
    french_title, french_summary, year = french.title, french.summary, source.start_year
    source.summary = "A new summary, written after the French translation."
    source.start_year = year - 1
    publish(source, django_capture_on_commit_callbacks)

    french.refresh_from_db()
    # The live French page is unchanged: new words are not published without review...
    assert (french.summary, french.start_year) == (french_summary, year)
    # ...its draft has the new fact, keeps the French title and shows the new words in
    # English until translated.
    pending = draft(french)
    assert pending.start_year == year - 1
    assert pending.title == french_title
    assert pending.summary == "A new summary, written after the French translation."
    assert french.has_unpublished_changes
    # The translator's editor lists the new segment, untranslated.
    segment = StringSegment.objects.get(
        source__object_id=source.translation_key,
        string__data="A new summary, written after the French translation.",
    )
    assert not StringTranslation.objects.filter(
        translation_of=segment.string, locale__language_code="fr"
    ).exists()
    assert state_of(source, "fr") == "out_of_date"


def test_a_change_of_facts_alone_goes_live_in_every_language(django_capture_on_commit_callbacks):
    source = ExperiencePage.objects.get(slug="east-belgium-citizens-dialogue")
    before = {code: in_language(source, code) for code in ("fr", "es")}
    source.population = 123456
    publish(source, django_capture_on_commit_callbacks)

    for code, old in before.items():
        current = in_language(source, code)
        assert current.population == 123456, code
        assert (current.title, current.summary) == (old.title, old.summary), code
        assert not current.has_unpublished_changes, code
        assert state_of(source, code) == "up_to_date"


def test_unreviewed_translator_work_is_never_published_by_the_sync(
    django_capture_on_commit_callbacks,
):
    source = ExperiencePage.objects.get(slug="youth-participatory-budget")
    french = in_language(source, "fr")
    translator = get_user_model().objects.create_user("tr", "tr@example.org", "pw")
    # A translator changes a segment in wagtail-localize's editor and has not submitted it.
    segment = StringSegment.objects.filter(
        source__object_id=source.translation_key, context__path="summary"
    ).first()
    StringTranslation.objects.filter(
        translation_of=segment.string, locale=french.locale, context=segment.context
    ).update(data="Une phrase pas encore relue.", last_translated_by=translator)
    StringTranslation.objects.filter(translation_of=segment.string).first().save()

    live_summary = french.summary
    source.population = 4242
    publish(source, django_capture_on_commit_callbacks)

    french.refresh_from_db()
    assert french.summary == live_summary and french.population != 4242
    assert draft(french).summary == "Une phrase pas encore relue."
    assert draft(french).population == 4242


def test_a_translation_under_review_or_no_longer_synced_is_left_alone(
    django_capture_on_commit_callbacks,
):
    source = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    french, spanish = in_language(source, "fr"), in_language(source, "es")
    # A French translator submits the translation for review from its editor.
    translator = sign_in("fx", translators_group("fr"))
    content = translator.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    translator.post(form_action(content, "Submit the French translation for review"))
    french = in_language(source, "fr")
    assert french.current_workflow_state is not None
    submitted = french.get_latest_revision().pk
    Translation.objects.filter(
        source__object_id=source.translation_key, target_locale__language_code="es"
    ).update(enabled=False)
    spanish_revision = spanish.get_latest_revision().pk

    source.start_year = 1977
    publish(source, django_capture_on_commit_callbacks)

    assert in_language(source, "fr").get_latest_revision().pk == submitted
    assert in_language(source, "es").get_latest_revision().pk == spanish_revision


def experiences(count, commit, translate):
    """`count` live English experiences (each with a live French translation if `translate`),
    each with a draft that changes a synchronised fact, ready for a bulk publish."""
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    french = Locale.objects.get(language_code="fr")
    pages = []
    with commit(execute=True):
        for number in range(count):
            page = ExperiencePageFactory(
                parent=index, title=f"Bulk case {translate} {number}", start_year=2001
            )
            page.save_revision().publish()
            if translate:
                source, _created = TranslationSource.get_or_create_from_instance(page)
                translation = Translation.objects.create(source=source, target_locale=french)
                translation.save_target(publish=False)
                page.get_translation(french).get_latest_revision().publish()
            page.start_year = 2002
            page.save_revision()
            pages.append(page)
    return pages


def bulk_publish(client, pages, commit):
    ids = "&".join(f"id={page.pk}" for page in pages)
    with commit(execute=True):
        response = client.post(
            f"/admin/bulk/wagtailcore/page/publish/?{ids}&next=/admin/",
            {"include_descendants": ""},
        )
    assert response.status_code == 302


def test_a_bulk_publish_only_queues_the_work(
    client,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    settings.TASKS = DURABLE
    commit = django_capture_on_commit_callbacks
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    # What publishing ten pages costs when no translation has to follow...
    untranslated = experiences(10, commit, translate=False)
    with CaptureQueriesContext(connection) as baseline:
        bulk_publish(client, untranslated, commit)

    # ...is what it costs when every page has a translation to update: the request only
    # queues the work, in one row (measured inline, the sync costs about 170 queries a page).
    translated = experiences(10, commit, translate=True)
    DBTaskResult.objects.all().delete()  # what setting up queued
    with django_assert_max_num_queries(len(baseline) + 2):
        bulk_publish(client, translated, commit)
    queued = DBTaskResult.objects.filter(task_path=sync_translations.module_path)
    assert queued.count() == 1
    assert {in_language(page, "fr").start_year for page in translated} == {2001}

    run_background_worker(monkeypatch)
    assert queued.get().status == "SUCCESSFUL"
    assert {in_language(page, "fr").start_year for page in translated} == {2002}


def test_republishing_an_unchanged_page_leaves_its_translations_alone(
    django_capture_on_commit_callbacks,
):
    source = ExperiencePage.objects.get(slug="east-belgium-citizens-dialogue")
    revisions = {code: in_language(source, code).latest_revision_id for code in ("fr", "es")}
    publish(source, django_capture_on_commit_callbacks)
    assert {code: in_language(source, code).latest_revision_id for code in revisions} == (revisions)
