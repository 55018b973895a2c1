"""Keeping the search documents in step with the pages, through a durable outbox.

A change writes IndexChange rows in its own transaction (so it is never lost and never makes a
save fail); after commit, delivery rebuilds those pages' documents in the database table and
sends them to the engine. When the engine is down the rows stay and the next delivery (the
next save, or `manage.py search_worker`) sends them."""

import logging
import time

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import sitecache
from core.deferral import Deferral
from core.text import fold
from legal.models import LegalFramework
from repository.criteria import Definition, DefinitionCondition
from taxonomy.models import Term

from . import postings
from .documents import DocumentBuilder, searchable_text
from .engine import EngineUnavailable, get_engine
from .facets import facet_values
from .models import DocumentFacet, IndexChange, IndexedDocument

logger = logging.getLogger(__name__)
BATCH = 500


def record(page_ids, deliver_after_commit=True, leaving=False):
    """Note that these pages' documents must be rebuilt, and deliver after commit. `leaving`:
    they may have left the visible documents (unpublished, deleted, moved, made private)."""
    page_ids = {int(pk) for pk in page_ids}
    if not page_ids:
        return
    if (pending := deferral.pending()) is not None:
        pending["pages"].update(page_ids)
        return
    IndexChange.objects.bulk_create([IndexChange(page_id=pk) for pk in sorted(page_ids)])
    # The database search reads visible documents only: an unpublished or restricted page
    # leaves its answers now, before its document is removed.
    postings.invalidate(leaving=leaving)
    if deliver_after_commit:
        transaction.on_commit(deliver_quietly)


def _record_deferred(pending):
    keys = Page.objects.filter(translation_key__in=pending["keys"]).values_list("pk", flat=True)
    record(pending["pages"] | set(keys))


# For bulk work (an import): one outbox write and one delivery for all the pages.
deferral = Deferral("search_records", lambda: {"pages": set(), "keys": set()}, _record_deferred)


def record_subtree(page, leaving=False):
    """The pages of a subtree and their translations, whose "available in" lists name them."""
    subtree = Page.objects.descendant_of(page, inclusive=True)
    record(
        Page.objects.filter(translation_key__in=subtree.values("translation_key")).values_list(
            "pk", flat=True
        ),
        leaving=leaving,
    )


def record_translations(page, leaving=False):
    if (pending := deferral.pending()) is not None:
        pending["keys"].add(page.translation_key)  # one query at the end for all of them
        return
    pages = Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    record(pages, leaving=leaving)


# An editor's save waits for the delivery that follows it: a hung engine costs them this long
# at most, and the change waits for the worker.
INLINE_TIMEOUT = 1.5


def deliver_quietly():
    """Delivery after a commit: a failure is logged and retried later, never raised."""
    try:
        deliver(get_engine(timeout=INLINE_TIMEOUT))
    except Exception:
        logger.warning("Search index delivery failed; changes stay queued", exc_info=True)


def deliver(engine=None, limit=None):
    """Deliver queued changes in batches; returns how many pages were delivered.

    Raises EngineUnavailable when the engine refuses; the undelivered rows stay queued."""
    engine = engine if engine is not None else get_engine()
    delivered = 0
    while limit is None or delivered < limit:
        failure = None
        with transaction.atomic():
            rows = list(
                # Rows that keep failing go behind fresh ones instead of blocking the queue.
                IndexChange.objects.select_for_update(skip_locked=True).order_by("attempts", "pk")[
                    :BATCH
                ]
            )
            if not rows:
                break
            row_ids = [row.pk for row in rows]
            page_ids = {row.page_id for row in rows}
            # The version is the moment of reading: a delivery that read older state writes
            # an older version and loses, whichever finishes first.
            version = time.time_ns()
            docs, gone = update_documents(page_ids, version)
            try:
                if engine is not None:
                    engine.write(docs, gone, version=version)
            except EngineUnavailable as error:
                failure = error
                IndexChange.objects.filter(pk__in=row_ids).update(
                    attempts=F("attempts") + 1, last_error=str(error)[:2000]
                )
            else:
                IndexChange.objects.filter(pk__in=row_ids).delete()
                delivered += len(page_ids)
        if failure is not None:
            raise failure
    return delivered


def update_documents(page_ids, version=0):
    """Rebuild the database documents of `page_ids`, read at `version` (time_ns); returns
    (documents, ids to remove)."""
    builder = DocumentBuilder()
    pages = builder.pages(page_ids)
    docs = builder.build_many(pages)
    gone = set(page_ids) - set(docs)
    IndexedDocument.objects.filter(pk__in=gone).delete()
    save_documents(docs.values(), version)
    postings.invalidate(leaving=bool(gone))
    if docs or gone:
        # Pages show documents as cards (an experience's related cases): a page cached
        # between a publish and this delivery showed the card as it was.
        sitecache.invalidate(IndexedDocument)
    return list(docs.values()), sorted(gone)


def save_documents(docs, version=0):
    """Replace the database documents (and their facet rows) of `docs`, read at `version`."""
    from .facets import FACETS

    docs = list(docs)
    if not docs:
        return
    ids = [doc["page_id"] for doc in docs]
    # Facets first, in one DELETE (nothing listens for these deletes, see core/sitecache.py);
    # then the documents, without loading their text to cascade.
    DocumentFacet.objects.filter(document_id__in=ids).delete()
    IndexedDocument.objects.filter(pk__in=ids).only("pk").delete()
    IndexedDocument.objects.bulk_create(
        [
            IndexedDocument(
                page_id=doc["page_id"],
                translation_key=doc["translation_key"],
                language=doc["language"],
                content_type=doc["type"],
                sort_title=fold(doc["title"])[:255],
                date=doc["date"],
                year=doc["year"],
                text=searchable_text(doc),
                data=doc,
                fingerprint=doc["fingerprint"],
                version=version,
            )
            for doc in docs
        ],
        batch_size=1000,
    )
    DocumentFacet.objects.bulk_create(
        [
            DocumentFacet(
                document_id=doc["page_id"],
                language=doc["language"],
                facet=facet.name,
                value=value,
            )
            for doc in docs
            for facet in FACETS
            for value in facet_values(doc, facet.name)
        ],
        batch_size=5000,
    )


# --- what changes a document ------------------------------------------------------------


@receiver(page_published)
def _page_published(sender, instance, **kwargs):
    # The other languages list this one among their available languages.
    record_translations(instance)


@receiver(page_unpublished)
def _page_unpublished(sender, instance, **kwargs):
    record_translations(instance, leaving=True)


@receiver(post_delete, sender=Page)
def _page_deleted(sender, instance, **kwargs):
    record([instance.pk], leaving=True)
    record_translations(instance)  # the row is gone: these are the other languages


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    record_subtree(instance, leaving=True)  # perhaps under a private section


@receiver(pre_delete, sender=LegalFramework)
def _framework_deleted(sender, instance, **kwargs):
    # Its experiences may lose their legal basis (a facet); read before the links are gone.
    record(list(instance.experiences.values_list("pk", flat=True)))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _privacy_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return
    record_subtree(page, leaving=True)


@receiver(post_save)
def _term_changed(sender, instance, created, **kwargs):
    # A renamed term is searchable under its new name without editing the pages.
    if created or not issubclass(sender, Term):
        return
    from repository.coding import CODED_VARIABLES
    from repository.models import ExperiencePage

    relation = {
        "topic": "topics",
        "mechanism": "mechanisms",
        "targetgroup": "target_groups",
        "governmentlevel": "government_level",
        **{variable.model._meta.model_name: variable.field for variable in CODED_VARIABLES},
    }.get(sender._meta.model_name)
    if relation:
        record(ExperiencePage.objects.filter(**{relation: instance}).values_list("pk", flat=True))
    if relation == "topics":
        from publications.models import ReportPage

        record(ReportPage.objects.filter(topics=instance).values_list("pk", flat=True))


@receiver(post_save, sender=Definition)
@receiver(post_delete, sender=Definition)
@receiver(post_save, sender=DefinitionCondition)
@receiver(post_delete, sender=DefinitionCondition)
def _criterion_changed(sender, instance, **kwargs):
    # A badge is computed when the document is built: a criterion of the default language
    # edited, added or removed changes which experiences meet it, so all are rebuilt (a
    # translation's words change only labels, read at query time).
    from repository.models import ExperiencePage

    try:
        definition = instance if isinstance(instance, Definition) else instance.definition
    except Definition.DoesNotExist:  # deleted with its definition, which says so itself
        return
    if definition.locale_id == Locale.get_default().pk:
        record(ExperiencePage.objects.values_list("pk", flat=True))
