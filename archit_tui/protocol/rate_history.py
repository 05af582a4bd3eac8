"""The action rate over the last minutes, by kind, as sparklines: is the guild heating up?

Counted by the actions' own times (as `rate.ActionRate`), in buckets of `BUCKET_MS`, for a few
groups of categories a moderator tells apart at a glance: chat, members, moderation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .actions import Category, action_type

BUCKET_MS = 15_000
BUCKETS = 12
"""Three minutes of history, one character per 15 seconds."""

GROUPS: dict[str, frozenset[Category]] = {
    "chat": frozenset({Category.MESSAGE, Category.REACTION, Category.AUTO_RESPONSE}),
    "members": frozenset({Category.MEMBER, Category.ROLE, Category.INVITE}),
    "mod": frozenset({Category.MODERATION}),
}
"""The sparklines shown, and the categories each counts (others are in none)."""

_BARS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> str:
    """One bar per count, scaled to the largest; an empty bucket is the lowest bar."""
    top = max(counts, default=0)
    if top == 0:
        return _BARS[0] * len(counts)
    return "".join(_BARS[0] if n == 0 else _BARS[1 + (n * 6) // top] for n in counts)


class RateHistory:
    """Counts per group per bucket, over the last `BUCKETS` buckets."""

    def __init__(self) -> None:
        self._counts: dict[str, Counter[int]] = {group: Counter() for group in GROUPS}
        self._group_of: dict[int, str | None] = {}

    def add(self, times_ms: Iterable[int], numbers: Iterable[int], now_ms: int) -> None:
        """Count actions of ``numbers`` made at ``times_ms`` (older than the window: ignored)."""
        oldest = now_ms // BUCKET_MS - BUCKETS
        group_of = self._group_of
        for time_ms, number in zip(times_ms, numbers, strict=True):
            bucket = time_ms // BUCKET_MS
            if bucket <= oldest:
                continue
            group = group_of.get(number, "")
            if group == "":
                category = action_type(number).category
                group = next((g for g, cats in GROUPS.items() if category in cats), None)
                group_of[number] = group
            if group is not None:
                self._counts[group][bucket] += 1

    def lines(self, now_ms: int) -> dict[str, str]:
        """Each group's sparkline, oldest bucket first, ending with the current one; none when
        nothing happened in the window."""
        newest = now_ms // BUCKET_MS
        buckets = range(newest - BUCKETS + 1, newest + 1)
        lines = {}
        for group, counts in self._counts.items():
            for old in [b for b in counts if b < buckets.start]:
                del counts[old]
            lines[group] = sparkline([counts.get(b, 0) for b in buckets])
        return lines if any(self._counts.values()) else {}

    def clear(self) -> None:
        for counts in self._counts.values():
            counts.clear()
