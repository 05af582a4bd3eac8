"""Which arriving actions ``archit-tui tail`` prints: new ones (once each) that pass the filter.

The app's own machinery does the work: an `ActionStore` skips an action delivered again (after
a reconnect the gateway sends its backlog anew) and holds the columns the filter language reads;
`Query.select` runs the filter over the rows just added. Only the newest rows are held.
"""

from __future__ import annotations

from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.models import LogPoolEvent
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.query import Query

HELD_ROWS = 4_096
"""Rows kept for filtering; repeats are recognised much further back (`DEDUPE_WINDOW`)."""
CHUNK = HELD_ROWS // 2
"""Actions added to the store at a time, so that none is dropped before it is filtered."""


class NewMatches:
    """Turns batches of arriving actions into the ones to print, in arrival order."""

    def __init__(self, query: Query | None, names: NameBook) -> None:
        self.query = query if query is not None and not query.is_empty else None
        self.names = names
        self.store = ActionStore(HELD_ROWS)

    @property
    def repeats(self) -> int:
        """Deliveries skipped so far because the action had arrived before."""
        return self.store.duplicates

    def take(self, events: list[LogPoolEvent]) -> list[LogPoolEvent]:
        """The actions of ``events`` never seen before that the filter lets through."""
        chosen: list[LogPoolEvent] = []
        store = self.store
        for start in range(0, len(events), CHUNK):
            chunk = events[start : start + CHUNK]
            added = store.add(chunk)
            if not added.count:
                continue
            first = added.first_seq - store.first_seq
            rows: range | list[int] = range(first, len(store))
            if self.query is not None:
                rows = self.query.select(store, self.names, rows)
            by_id: dict[int, LogPoolEvent] = {}
            for event in chunk:  # the first delivery is the one the store holds
                by_id.setdefault(event.action.id, event)
            ids = store.ids
            chosen.extend(by_id[ids[row]] for row in rows)
        return chosen
