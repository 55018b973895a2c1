from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from search.documents import DocumentBuilder, all_indexable_ids
from search.engine import BATCH_TIMEOUT, EngineUnavailable, get_engine, layout
from search.indexing import deliver, record
from search.models import IndexedDocument

BATCH = 500


class Command(BaseCommand):
    help = (
        "Compare the pages that should be searchable with the database documents and the "
        "engine index; queue and deliver the differences (use --dry-run to only report)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run, **options):
        ids = all_indexable_ids()
        expected = {}
        for start in range(0, len(ids), BATCH):
            builder = DocumentBuilder()
            docs = builder.build_many(builder.pages(ids[start : start + BATCH]))
            expected.update({pk: doc["fingerprint"] for pk, doc in docs.items()})

        stores = {"database": dict(IndexedDocument.objects.values_list("pk", "fingerprint"))}
        engine = get_engine(timeout=BATCH_TIMEOUT)
        if engine is not None:
            try:
                engine.ensure_index()
                if engine.live_layout() != [layout()]:
                    # Fields or analysis changed with the code: documents would be refused.
                    self.stdout.write("The live index has an older layout: it must be rebuilt.")
                    if not dry_run:
                        call_command(
                            "rebuild_search_index", stdout=self.stdout._out, stderr=self.stderr._out
                        )
                for name, count in engine.ensure_replicas(change=not dry_run).items():
                    done = "would be given" if dry_run else "now has"
                    self.stdout.write(
                        f"Index {name} had {count} replicas and {done} {engine.replicas} "
                        "(SEARCH_REPLICAS)."
                    )
                stores["engine"] = engine.fingerprints()
            except EngineUnavailable as error:
                raise CommandError(f"The search engine is not available: {error}") from error

        to_fix = set()
        for name, actual in stores.items():
            missing = expected.keys() - actual.keys()
            extra = actual.keys() - expected.keys()
            stale = {pk for pk in expected.keys() & actual.keys() if expected[pk] != actual[pk]}
            self.stdout.write(
                f"{name}: {len(actual)} documents, {len(missing)} missing, "
                f"{len(extra)} that should not be there, {len(stale)} out of date"
            )
            to_fix |= missing | extra | stale
        if not to_fix:
            self.stdout.write("No drift.")
            return
        if dry_run:
            self.stdout.write(f"{len(to_fix)} pages would be re-delivered.")
            return
        record(to_fix, deliver_after_commit=False)
        try:
            delivered = deliver(engine)
        except EngineUnavailable as error:
            raise CommandError(f"Repair queued but not delivered: {error}") from error
        self.stdout.write(f"Repaired: {delivered} pages re-delivered.")
