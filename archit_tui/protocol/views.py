"""Which held rows a table shows, and in what order.

A view is a sequence of seqs (see `archit_tui.protocol.logstore`). `AllRows` is every held row
in arrival order and costs nothing; `MatchingRows` holds the seqs a filter let through, in
arrival order; `SortedRows` keeps seqs ordered by a column. New rows are added as they arrive;
rows the store dropped are forgotten with `forget_before`.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from sortedcontainers import SortedKeyList

from .logstore import ActionStore


class RowView(Protocol):
    """An ordered selection of held rows."""

    def __len__(self) -> int: ...
    def seq_at(self, position: int) -> int: ...
    def position_of(self, seq: int) -> int | None: ...
    def add(self, seqs: Iterable[int]) -> None: ...
    def forget_before(self, first_seq: int) -> None: ...


class AllRows:
    """Every held row, oldest first."""

    def __init__(self, store: ActionStore) -> None:
        self.store = store

    def __len__(self) -> int:
        return len(self.store)

    def seq_at(self, position: int) -> int:
        return self.store.first_seq + position

    def position_of(self, seq: int) -> int | None:
        return seq - self.store.first_seq if self.store.holds(seq) else None

    def add(self, seqs: Iterable[int]) -> None:
        """Nothing to do: the store is the view."""

    def forget_before(self, first_seq: int) -> None:
        """Nothing to do: the store is the view."""


class MatchingRows:
    """The rows a filter let through, oldest first."""

    def __init__(self, seqs: Iterable[int] = ()) -> None:
        self.seqs = array("q", seqs)
        """An array, not a list: a million ints the garbage collector need not walk."""

    def __len__(self) -> int:
        return len(self.seqs)

    def seq_at(self, position: int) -> int:
        return self.seqs[position]

    def position_of(self, seq: int) -> int | None:
        position = bisect_left(self.seqs, seq)
        if position < len(self.seqs) and self.seqs[position] == seq:
            return position
        return None

    def add(self, seqs: Iterable[int]) -> None:
        self.seqs.extend(seqs)

    def forget_before(self, first_seq: int) -> None:
        cut = bisect_left(self.seqs, first_seq)
        if cut:
            del self.seqs[:cut]


SortKey = Callable[[int], Any]
"""Maps a seq to the value it sorts by; the seq itself breaks ties."""


class SortedRows:
    """Rows ordered by a key (ascending, or descending with ``reverse``)."""

    def __init__(self, seqs: Iterable[int], key: SortKey, reverse: bool = False) -> None:
        self.reverse = reverse
        self._rows = SortedKeyList(seqs, key=lambda seq: (key(seq), seq))

    def __len__(self) -> int:
        return len(self._rows)

    def seq_at(self, position: int) -> int:
        if self.reverse:
            position = len(self._rows) - 1 - position
        return int(self._rows[position])

    def position_of(self, seq: int) -> int | None:
        try:
            position = self._rows.index(seq)
        except ValueError:
            return None
        return len(self._rows) - 1 - position if self.reverse else position

    def add(self, seqs: Iterable[int]) -> None:
        self._rows.update(seqs)

    def forget_before(self, first_seq: int) -> None:
        stale = [seq for seq in self._rows if seq < first_seq]
        for seq in stale:
            self._rows.remove(seq)
