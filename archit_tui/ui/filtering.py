"""Applying a filter to every held row without freezing the screen.

The newest screenful of matches is found first (scanning backwards from the newest row) and
shown at once; then every row is checked in chunks, yielding to the event loop between chunks
so that keys and the stream keep flowing, and rows that arrived meanwhile are caught up at the
end.
"""

from __future__ import annotations

import asyncio
import time
from bisect import bisect_left
from collections.abc import Callable

from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.query import Query

FIRST_SCREEN_CHUNK = 4_096
"""Rows checked per step while looking for the first screenful of matches."""
FULL_CHUNK = 8_192
FIRST_SCREEN_SECONDS = 0.02
"""Rare matches take a while to fill a screen: show what was found by then, and go on."""
"""Rows checked between two yields to the event loop in the full pass."""


def select_seqs(query: Query, store: ActionStore, names: NameBook, first_index: int) -> list[int]:
    """Seqs of the rows from ``first_index`` to the newest that match ``query``."""
    base = store.first_seq
    return [base + i for i in query.select(store, names, range(first_index, len(store)))]


async def filter_store(
    query: Query,
    store: ActionStore,
    names: NameBook,
    *,
    first_screen: int,
    show_first: Callable[[list[int]], None],
) -> list[int]:
    """Seqs of every held row that matches ``query``, oldest first.

    ``show_first`` gets the newest ``first_screen`` matches (or all, if fewer) before the full
    pass starts.
    """
    newest: list[int] = []
    seq = store.end_seq
    deadline = time.perf_counter() + FIRST_SCREEN_SECONDS
    while seq > store.first_seq and len(newest) < first_screen and time.perf_counter() < deadline:
        base = store.first_seq
        high = seq - base
        low = max(high - FIRST_SCREEN_CHUNK, 0)
        newest[:0] = [base + i for i in query.select(store, names, range(low, high))]
        seq = base + low
        await asyncio.sleep(0)  # the next key press may already be waiting
    show_first([s for s in newest if s >= store.first_seq])
    await asyncio.sleep(0)

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
