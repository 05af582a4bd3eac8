"""What the filter language reads: parallel columns of held actions, and names from the pools."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol


class QueryColumns(Protocol):
    """Parallel columns of the held actions; index i is one row."""

    @property
    def numbers(self) -> Sequence[int]:
        """``action_number`` of each row."""
        ...

    @property
    def agents(self) -> Sequence[int]:
        """Who did it; 0 when nobody is named."""
        ...

    @property
    def subjects(self) -> Sequence[int]:
        """What it was done to; 0 when nothing is named."""
        ...

    @property
    def channels(self) -> Sequence[int]:
        """Where; 0 when no channel is named."""
        ...

    @property
    def times(self) -> Sequence[int]:
        """When, in Unix milliseconds."""
        ...

    @property
    def texts(self) -> Sequence[str]:
        """The searchable text, already lower-cased (content, reason, text in old_data)."""
        ...


class NameIndex(Protocol):
    """Names known from the entity pools, searched by a test on lower-cased names."""

    def member_ids(self, test: Callable[[str], bool]) -> set[int]:
        """Ids of members/users one of whose lower-cased names passes ``test``."""
        ...

    def channel_ids(self, test: Callable[[str], bool]) -> set[int]:
        """Ids of channels whose lower-cased name passes ``test``."""
        ...
