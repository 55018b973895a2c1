import sys
import time


class Progress:
    """A one-line progress bar with a rate, for long management commands.

    On a terminal it redraws in place; in a log it prints a line every tenth of the way."""

    def __init__(self, total, label, stream=None, width=30):
        self.total, self.label, self.width = max(total, 0), label, width
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.interactive = getattr(self.stream, "isatty", lambda: False)()
        self._last_tenth = -1

    def advance(self, step=1):
        self.done += step
        tenth = int(10 * self.done / self.total) if self.total else 10
        if self.interactive or tenth != self._last_tenth or self.done == self.total:
            self._last_tenth = tenth
            self._draw()

    def rate(self):
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def _draw(self):
        filled = int(self.width * self.done / self.total) if self.total else self.width
        bar = "█" * filled + "░" * (self.width - filled)
        line = f"{self.label} ▕{bar}▏ {self.done}/{self.total} ({self.rate():.1f}/s)"
        end = "\r" if self.interactive and self.done < self.total else "\n"
        self.stream.write(line + end)
        self.stream.flush()
