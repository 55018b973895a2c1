import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from django.core.management.base import BaseCommand, CommandError

from core import sitecache
from core.progress import Progress
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
        "Rebuild every search document: the database table and, when an engine is configured, "
        "a new engine index filled beside the live one and swapped in atomically."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH)

    def handle(self, *args, batch, **options):
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
        stale = set(IndexedDocument.objects.values_list("pk", flat=True)) - set(ids)
        IndexedDocument.objects.filter(pk__in=stale).delete()
        batches = [ids[start : start + batch] for start in range(0, len(ids), batch)]
        self._fill(engine, batches, new_index, progress)
        if new_index is not None:
            engine.swap(new_index)
        sitecache.invalidate()  # cached totals of the database search
        elapsed = time.monotonic() - started
        rate = len(ids) / elapsed if elapsed else 0
        target = f" and index {new_index}" if new_index else ""
        self.stdout.write(
            f"Rebuilt {len(ids)} documents in the database{target} "
            f"in {elapsed:.1f} s ({rate:.0f} documents/s)."
        )

    @staticmethod
    def _fill(engine, batches, new_index, progress):
        """Every batch here; the engine indexes one batch while the next one is built."""
        writes = deque()
        with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
            for ids in batches:
                builder = DocumentBuilder()
                pages = builder.pages(ids)
                # Read before the write: a delivery that reads later carries a later version.
                version = time.time_ns()
                docs = list(builder.build_many(pages).values())
                save_documents(docs)
                if new_index is not None:
                    while len(writes) >= IN_FLIGHT:
                        writes.popleft().result()  # an engine failure stops the rebuild here
                    writes.append(
                        pool.submit(engine.write, docs, [], indices=[new_index], version=version)
                    )
                progress.advance(len(ids))
            while writes:
                writes.popleft().result()
