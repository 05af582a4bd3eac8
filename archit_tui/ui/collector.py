"""Full garbage collections only while the user is not typing.

With hundreds of thousands of rows held, one full collection walks large containers and takes
a tenth of a second or more; run at random it shows up as a key press that lags. Young
collections stay automatic (they are cheap); full ones run when input has been quiet for a
moment, at most once per `EVERY_SECONDS`.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

EVERY_SECONDS = 30.0
QUIET_SECONDS = 2.0
_NEVER = 1_000_000_000
"""A gen2 threshold that automatic collection never reaches."""


class QuietCollector:
    """Holds back automatic full collections and runs them when input is quiet."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._saved: tuple[int, int, int] | None = None
        self._last_input = 0.0
        self._last_full = clock()
        self.full_collections = 0
        """Full collections run so far (for tests and curious developers)."""

    def start(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, _NEVER)

    def stop(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def note_input(self) -> None:
        self._last_input = self.clock()

    def tick(self) -> None:
        """Call every second or so: collect in full if it is due and input is quiet."""
        now = self.clock()
        if now - self._last_full >= EVERY_SECONDS and now - self._last_input >= QUIET_SECONDS:
            gc.collect()
            self._last_full = now
            self.full_collections += 1
