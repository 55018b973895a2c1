import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from search.engine import BATCH_TIMEOUT, EngineUnavailable, get_engine
from search.indexing import deliver


class Command(BaseCommand):
    help = (
        "Deliver queued search index changes; with --loop, keep delivering (the production "
        "worker), retrying with a pause while the engine is down."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true")
        parser.add_argument("--interval", type=float, default=2.0)

    def handle(self, *args, loop, interval, **options):
        while True:
            try:
                delivered = deliver(get_engine(timeout=BATCH_TIMEOUT))
                if delivered or not loop:
                    self.stdout.write(f"Delivered {delivered} page changes.")
            except EngineUnavailable as error:
                self.stderr.write(f"Search engine unavailable, changes stay queued: {error}")
                if not loop:
                    raise SystemExit(1) from error
            except Exception as error:
                # A worker that stops delivers nothing more: report, reconnect, go on.
                if not loop:
                    raise
                self.stderr.write(f"Delivery failed, changes stay queued: {error!r}")
                close_old_connections()
            if not loop:
                return
            time.sleep(interval)
