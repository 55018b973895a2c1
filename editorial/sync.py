"""Translations follow their source page in the background after it is published.

The editor's request only records which pages were published; when its transaction commits,
one task per batch of pages goes to the durable "translations" queue of the "background"
tasks (TASKS in settings), which `manage.py db_worker --backend background` runs. For each
source page the task:

1. updates wagtail-localize's TranslationSource from the page as now published, so that
   translators see new and changed segments in their editor;
2. re-saves each synced translation (never one whose sync was stopped) from the strings that
   are already translated, so synchronised facts follow and new segments appear, in the
   source language, until translated. Translated segments are kept: they live in
   wagtail-localize's translation memory, not in the page.

What goes live without review: only a change of facts. The task compares every translatable
text of the rebuilt translation with its live version; when they are the same (the source's
words are those already translated, and no translator changed a string since), the new version
differs only in synchronised facts (dates, figures, countries, taxonomy links) and is published
at once: a visitor never reads last year's figure in French. When any text differs (new words
from the source, or a translator's work not yet reviewed), or the translation has a draft, it
only gets a draft and its live version stays as it is until a reviewer approves. A translation
under review is left alone, so the reviewer approves what the translator submitted; its
source is still updated."""

import json
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task
from wagtail.models import Page, WorkflowState
from wagtail.signals import page_published
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import TranslationLog, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

logger = logging.getLogger(__name__)

BATCH = 100  # pages per task: a 500-page bulk publish queues five rows


class _Batch:
    """Page ids published in one transaction, queued once when it commits."""

    def __init__(self):
        self.page_ids = []
        self.done = False

    def __call__(self):
        if self.done:
            return
        self.done = True
        page_ids = list(dict.fromkeys(self.page_ids))
        for start in range(0, len(page_ids), BATCH):
            sync_translations.enqueue(page_ids[start : start + BATCH])


def schedule(page_id):
    """Queue the translation sync of a page once the current transaction commits."""
    # Kept on the connection, which Django gives each thread: one thread's commit must not
    # queue another thread's pages before they are committed.
    connection = transaction.get_connection()
    batch = getattr(connection, "translation_sync_batch", None)
    if batch is None or batch.done:
        batch = connection.translation_sync_batch = _Batch()
    batch.page_ids.append(page_id)
    # Registered with every page: the first call at commit queues them all, the others find
    # the batch done. A rolled-back transaction leaves its ids to the next batch, whose task
    # finds nothing to do for pages that did not change.
    transaction.on_commit(batch)


def on_page_published(sender, instance, **kwargs):
    # Every publish is recorded without a query; the task finds which pages are sources.
    # A translation the task publishes comes back here too, which lets a translation that is
    # itself the source of another (English -> French -> Spanish) pass the change on.
    schedule(instance.pk)


page_published.connect(on_page_published, dispatch_uid="editorial.sync")


@task(backend="background", queue_name="translations")
def sync_translations(page_ids):
    """Bring the translations of these pages up to date; returns what was done per page."""
    pages = list(Page.objects.filter(pk__in=page_ids, live=True).specific())
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(
            object_id__in=[page.translation_key for page in pages]
        )
    }
    outcome = {}
    for page in pages:
        source = sources.get((page.translation_key, page.locale_id))
        if source is None:
            continue  # never translated, or a translation itself
        try:
            outcome[str(page.pk)] = sync_source(source, page)
        except Exception:  # one broken page must not stop the others
            logger.exception("Could not sync the translations of page %s", page.pk)
            outcome[str(page.pk)] = {"error": "failed"}
    return outcome


@transaction.atomic
def sync_source(source, page=None, user=None, rebuild=False):
    """Update `source` from its live page and re-save its synced translations; `rebuild` does
    so even when the source did not change (a coordinator's "Sync translated pages").

    Returns {language code: "published" | "draft" | "in_review" | "unchanged"}."""
    page = page or source.get_source_instance()
    if not rebuild and _carried(page, json.loads(page.to_json())) == _carried(
        page, json.loads(source.content_json)
    ):
        return dict.fromkeys(
            source.translations.filter(enabled=True).values_list(
                "target_locale__language_code", flat=True
            ),
            "unchanged",
        )
    source.update_from_db()
    done = {}
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        code = translation.target_locale.language_code
        target = page.get_translation_or_none(translation.target_locale)
        if target is None:
            continue  # deleted by someone: not re-created behind their back
        if _in_review(target):
            done[code] = "in_review"
            continue
        target = target.specific
        # Built in memory and saved as a revision only: wagtail-localize's own save_target
        # also writes the page row, which is what visitors see, before any review.
        updated = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
        publish = (
            target.live and not target.has_unpublished_changes and _words(updated) == _words(target)
        )
        revision = updated.save_revision(user=user, clean=False, log_action=True)
        TranslationLog.objects.create(
            source=source, locale=translation.target_locale, revision=revision
        )
        if publish:
            revision.publish()
        done[code] = "published" if publish else "draft"
    return done


def _carried(page, data):
    """The part of a serialised page that its translations carry (words and facts), leaving
    out what every publish changes (dates, revision ids) so a republish is not a change."""
    return {
        field.field_name: data.get(field.field_name)
        for field in get_translatable_fields(type(page))
    }


def _in_review(page):
    return WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).exists()


def _words(page):
    """Every translatable text of a page, by place: what a reviewer has read, or not."""
    return {
        value.path: value.string.data
        for value in extract_segments(page)
        if isinstance(value, StringSegmentValue)
    }
