import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from django.core.management.base import BaseCommand, CommandError

from core.progress import Progress
from search import postings
from search.documents import DocumentBuilder, all_indexable_ids
from search.engine import BATCH_TIMEOUT, EngineUnavailable, get_engine
from search.indexing import save_documents
from search.models import IndexedDocument

BATCH = 2000
# Engine writes in flight while the next batch is read and built: the engine indexes one batch
# while Python builds the next, instead of each waiting for the other.
IN_FLIGHT = 2


class Command(BaseCommand):
    help = (
        "Rebuild the engine index: a new index is filled beside the live one from the stored "
        "search documents and swapped in atomically. Pages without a stored document are "
        "built; --refresh-documents builds every document from its page again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH)
        parser.add_argument(
            "--refresh-documents",
            action="store_true",
            help="build every document from its page (after a change to search/documents.py)",
        )

    def handle(self, *args, batch, refresh_documents, **options):
        engine = get_engine(timeout=BATCH_TIMEOUT)
        new_index = None
        if engine is not None:
            try:
                # Deliveries during the rebuild also reach the new index (see Engine.write).
                new_index = engine.start_building()
            except EngineUnavailable as error:
                raise CommandError(f"The search engine is not available: {error}") from error
        # Listed after the new index receives deliveries: a page published in between reaches
        # it one way or the other.
        ids = all_indexable_ids()
        progress = Progress(len(ids), "documents", stream=self.stderr._out)
        started = time.monotonic()
        stored = set(IndexedDocument.objects.values_list("pk", flat=True))
        IndexedDocument.objects.filter(pk__in=stored - set(ids)).delete()
        if refresh_documents:
            to_build, to_copy = ids, []
        else:
            to_build = [pk for pk in ids if pk not in stored]
            to_copy = [pk for pk in ids if pk in stored]
        batches = [("build", to_build[i : i + batch]) for i in range(0, len(to_build), batch)]
        batches += [("copy", to_copy[i : i + batch]) for i in range(0, len(to_copy), batch)]
        self._fill(engine, batches, new_index, progress)
        if new_index is not None:
            engine.swap(new_index)
        postings.invalidate()
        elapsed = time.monotonic() - started
        rate = len(ids) / elapsed if elapsed else 0
        target = f" into index {new_index}" if new_index else ""
        self.stdout.write(
            f"Rebuilt {len(ids)} documents ({len(to_build)} built from their pages, "
            f"{len(to_copy)} copied from the database){target} "
            f"in {elapsed:.1f} s ({rate:.0f} documents/s)."
        )

    @staticmethod
    def _fill(engine, batches, new_index, progress):
        """Every batch here; the engine indexes one batch while the next one is read."""
        writes = deque()
        with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
            for how, ids in batches:
                # Read before the write: a delivery that reads later carries a later version.
                version = time.time_ns()
                if how == "build":
                    builder = DocumentBuilder()
                    docs = list(builder.build_many(builder.pages(ids)).values())
                    save_documents(docs, version)
                    versions = None
                else:
                    # Each copy carries the version its row was read at: a row read before a
                    # delivery committed its newer document loses to that delivery's write.
                    rows = IndexedDocument.objects.filter(pk__in=ids).values_list("data", "version")
                    docs = [data for data, _version in rows]
                    versions = {data["page_id"]: row_version for data, row_version in rows}
                if new_index is not None:
                    while len(writes) >= IN_FLIGHT:
                        writes.popleft().result()  # an engine failure stops the rebuild here
                    writes.append(
                        pool.submit(
                            engine.write,
                            docs,
                            [],
                            indices=[new_index],
                            version=version,
                            versions=versions,
                        )
                    )
                progress.advance(len(ids))
            while writes:
                writes.popleft().result()
