"""Applying a filter to every held row without freezing the screen.

The newest screenful of matches is found first, at once (scanning backwards from the newest
row, for a few milliseconds at most), so that the frame that shows the key press shows its
matches too; then every row is checked in chunks, yielding to the event loop between chunks so
that keys and the stream keep flowing, and rows that arrived meanwhile are caught up at the end.
"""

from __future__ import annotations

import asyncio
import time
from bisect import bisect_left

from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.query import Query

FIRST_SCREEN_CHUNK = 4_096
"""Rows checked per step while looking for the first screenful of matches."""
FIRST_SCREEN_SECONDS = 0.01
"""Rare matches take a while to fill a screen: show what was found by then, and go on."""
FULL_CHUNK = 8_192
"""Rows checked between two yields to the event loop in the full pass."""


def select_seqs(query: Query, store: ActionStore, names: NameBook, first_index: int) -> list[int]:
    """Seqs of the rows from ``first_index`` to the newest that match ``query``."""
    base = store.first_seq
    return [base + i for i in query.select(store, names, range(first_index, len(store)))]


def newest_matches(query: Query, store: ActionStore, names: NameBook, count: int) -> list[int]:
    """Seqs of the newest ``count`` or so rows that match ``query``, oldest first.

    Fewer when they are rare: the search stops after `FIRST_SCREEN_SECONDS`.
    """
    newest: list[int] = []
    base = store.first_seq
    high = len(store)
    deadline = time.perf_counter() + FIRST_SCREEN_SECONDS
    while high > 0 and len(newest) < count and time.perf_counter() < deadline:
        low = max(high - FIRST_SCREEN_CHUNK, 0)
        newest[:0] = [base + i for i in query.select(store, names, range(low, high))]
        high = low
    return newest


async def all_matches(query: Query, store: ActionStore, names: NameBook) -> list[int]:
    """Seqs of every held row that matches ``query``, oldest first (rows keep arriving)."""
    end_seq = store.end_seq
    matches: list[int] = []
    next_seq = store.first_seq
    while next_seq < end_seq:
        base = store.first_seq
        low = max(next_seq - base, 0)
        high = min(low + FULL_CHUNK, end_seq - base)
        matches.extend(base + index for index in query.select(store, names, range(low, high)))
        next_seq = base + high
        await asyncio.sleep(0)
    first_held = store.first_seq
    del matches[: bisect_left(matches, first_held)]
    matches.extend(select_seqs(query, store, names, max(end_seq - first_held, 0)))
    return matches
