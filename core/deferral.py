"""Per-save work held back until the end of a block of bulk work (an import).

Receivers that work after each save (a new cache generation, an outbox row, following a
source's privacy) each declare a `Deferral`; inside `side_effects_deferred()` they collect
instead, and each does its work once when the block ends. Nothing here touches models, so
any module may declare one at import time."""

from contextlib import ExitStack, contextmanager
from contextvars import ContextVar

_deferrals = []


class Deferral:
    """One kind of per-save work (a cache generation, an outbox row, following a source's
    privacy) held back inside `side_effects_deferred()`. While a block runs, `pending()` is the
    collection a receiver adds to instead of working (None outside a block); at its end,
    `flush(collection)` does the work once, also after an error when `on_error`."""

    def __init__(self, name, start, flush, on_error=False):
        self._pending = ContextVar(name, default=None)
        self.start, self.flush, self.on_error = start, flush, on_error
        _deferrals.append(self)

    def pending(self):
        return self._pending.get()

    @contextmanager
    def deferred(self):
        if self._pending.get() is not None:
            yield  # an outer block flushes
            return
        pending = self.start()
        token = self._pending.set(pending)
        failed = True
        try:
            yield
            failed = False
        finally:
            self._pending.reset(token)
            if not failed or self.on_error:
                self.flush(pending)


@contextmanager
def side_effects_deferred():
    """Per-save work (a new cache generation, an outbox row, a delivery) done once at the end
    of the block instead of after every save; use inside the block's transaction."""
    with ExitStack() as stack:
        for deferral in _deferrals:
            stack.enter_context(deferral.deferred())
        yield
