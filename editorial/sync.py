"""Translations follow their source page in the background after it is published.

The editor's request only records which pages were published; when its transaction commits,
one task per batch of pages goes to the durable "translations" queue (TASKS in settings),
which `manage.py db_worker --backend translations` runs. For each source page the task:

1. updates wagtail-localize's TranslationSource from the page as now published, so that
   translators see new and changed segments in their editor;
2. re-saves each synced translation (never one whose sync was stopped) from the strings that
   are already translated, so synchronised facts follow and new segments appear, in the
   source language, until translated. Translated segments are kept: they live in
   wagtail-localize's translation memory, not in the page.

What goes live without review: only a change of facts. When the source's words are exactly
those already translated and the translation has no pending work (no draft, no review under
way, no string translated since it was last published), the new version differs from the live
one only in synchronised facts (dates, figures, countries, taxonomy links), so it is published
at once: a visitor never reads last year's figure in French. When the words changed, or a
translator has unpublished work, the translation gets a draft and its live version stays as it
is until a translator finishes and a reviewer approves. A translation under review is left
alone, so the reviewer approves what the translator submitted; its source is still updated."""

import json
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task
from wagtail.models import Page, WorkflowState
from wagtail.signals import page_published
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationLog,
    TranslationSource,
)

logger = logging.getLogger(__name__)

BATCH = 100  # pages per task: a 500-page bulk publish queues five rows


class _Batch:
    """Page ids published in one transaction, queued when it commits."""

    def __init__(self):
        self.page_ids = []
        self.done = False

    def __call__(self):
        self.done = True
        page_ids = list(dict.fromkeys(self.page_ids))
        for start in range(0, len(page_ids), BATCH):
            sync_translations.enqueue(page_ids[start : start + BATCH])


_batches = {}


def schedule(page_id):
    """Queue the translation sync of a page once the current transaction commits."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        sync_translations.enqueue([page_id])
        return
    batch = _batches.get(connection.alias)
    # A rolled-back transaction drops its on-commit callbacks, and our batch with them.
    if (
        batch is None
        or batch.done
        or not any(item[1] is batch for item in connection.run_on_commit)
    ):
        batch = _batches[connection.alias] = _Batch()
        transaction.on_commit(batch)
    batch.page_ids.append(page_id)


def on_page_published(sender, instance, **kwargs):
    # Every publish is recorded without a query; the task finds which pages are sources.
    # A translation the task publishes comes back here too, which lets a translation that is
    # itself the source of another (English -> French -> Spanish) pass the change on.
    schedule(instance.pk)


page_published.connect(on_page_published, dispatch_uid="editorial.sync")


@task(backend="translations")
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


def _segments(source):
    return set(StringSegment.objects.filter(source=source).values_list("context_id", "string_id"))


@transaction.atomic
def sync_source(source, page=None):
    """Update `source` from its live page and re-save its synced translations.

    Returns {language code: "published" | "draft" | "in_review" | "unchanged"}."""
    page = page or source.get_source_instance()
    before_segments = _segments(source)
    if _carried(page, json.loads(page.to_json())) == _carried(
        page, json.loads(source.content_json)
    ):
        return dict.fromkeys(
            source.translations.filter(enabled=True).values_list(
                "target_locale__language_code", flat=True
            ),
            "unchanged",
        )
    source.update_from_db()
    words_changed = _segments(source) != before_segments
    done = {}
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        code = translation.target_locale.language_code
        target = page.get_translation_or_none(translation.target_locale)
        if target is None:
            continue  # deleted by someone: not re-created behind their back
        if _in_review(target):
            done[code] = "in_review"
            continue
        publish = (
            not words_changed
            and target.live
            and not target.has_unpublished_changes
            and not _translated_since(source, translation.target_locale, target.last_published_at)
        )
        # Built in memory and saved as a revision only: wagtail-localize's own save_target
        # also writes the page row, which is what visitors see, before any review.
        updated = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
        revision = updated.save_revision(clean=False, log_action=True)
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


def _translated_since(source, locale, moment):
    """Whether a translator changed a string of this object since `moment` (not yet live)."""
    if moment is None:
        return True
    return StringTranslation.objects.filter(
        context__object_id=source.object_id, locale=locale, updated_at__gt=moment
    ).exists()
