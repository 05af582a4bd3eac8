"""The live action rate: how many actions a guild makes per second, by their own times.

Counting by arrival would report a burst of history (a backlog, a replay, a reconnect) as a
storm; counting by the actions' timestamps reports what the guild is doing now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


class ActionRate:
    """Actions per second over the last ``window_ms`` milliseconds."""

    def __init__(self, window_ms: int = 10_000) -> None:
        self.window_ms = window_ms
        self._per_second: Counter[int] = Counter()

    def add(self, times_ms: Iterable[int], now_ms: int) -> None:
        """Count the actions made at ``times_ms`` (older than the window are ignored)."""
        oldest = now_ms - self.window_ms
        seconds = [t // 1000 for t in times_ms if oldest <= t <= now_ms + 1000]
        self._per_second.update(seconds)

    def per_second(self, now_ms: int) -> float:
        """The rate now; it falls to zero as the window passes without actions."""
        oldest_second = (now_ms - self.window_ms) // 1000
        for second in [s for s in self._per_second if s < oldest_second]:
            del self._per_second[second]
        return sum(self._per_second.values()) * 1000 / self.window_ms

    def clear(self) -> None:
        self._per_second.clear()
