"""Hand-built rows, columns and a name index for the filter language's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    """One held action, as the columns see it."""

    number: int = 3001
    agent: int = 0
    subject: int = 0
    channel: int = 0
    time: int = 0
    text: str = ""


@dataclass
class Columns:
    """Parallel columns built from rows; satisfies ``QueryColumns``."""

    numbers: list[int] = field(default_factory=list)
    agents: list[int] = field(default_factory=list)
    subjects: list[int] = field(default_factory=list)
    channels: list[int] = field(default_factory=list)
    times: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Columns:
        """Columns holding ``rows`` in order; texts are lower-cased as the store does."""
        columns = cls()
        for row in rows:
            columns.numbers.append(row.number)
            columns.agents.append(row.agent)
            columns.subjects.append(row.subject)
            columns.channels.append(row.channel)
            columns.times.append(row.time)
            columns.texts.append(row.text.lower())
        return columns

    def __len__(self) -> int:
        return len(self.numbers)


class FakeNames:
    """A ``NameIndex`` over fixed names; counts look-ups so tests can see them."""

    def __init__(
        self,
        members: Mapping[int, str | Sequence[str]] | None = None,
        channels: Mapping[int, str] | None = None,
    ) -> None:
        self.members = {
            member_id: [names.lower()] if isinstance(names, str) else [n.lower() for n in names]
            for member_id, names in (members or {}).items()
        }
        self.channels = {channel_id: name.lower() for channel_id, name in (channels or {}).items()}
        self.lookups = 0

    def member_ids(self, test: Callable[[str], bool]) -> set[int]:
        self.lookups += 1
        return {i for i, names in self.members.items() if any(test(name) for name in names)}

    def channel_ids(self, test: Callable[[str], bool]) -> set[int]:
        self.lookups += 1
        return {i for i, name in self.channels.items() if test(name)}
