"""Evaluating terms set-at-a-time over parallel columns of held actions.

Each filter narrows a list of row indices with one list comprehension over a column; no object
is made per row. Names are resolved to id sets once per `apply` (pools keep arriving, so nothing
is cached between calls), and a clause that cannot match is skipped: one more ``in`` per row
costs half as much as the text search itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

from .columns import NameIndex, QueryColumns
from .regexes import REGEX_TEXT_LIMIT
from .typematch import KNOWN_NUMBERS, TypeSet, searchable_type_names

EntityField = Literal["agent", "subject", "channel"]


class Filter(Protocol):
    """One compiled term."""

    @property
    def rank(self) -> int:
        """Cost class: cheaper filters run first, on more rows."""
        ...

    @property
    def uses_names(self) -> bool:
        """True if the result depends on the names in the pools."""
        ...

    def apply(self, columns: QueryColumns, names: NameIndex, rows: Sequence[int]) -> list[int]:
        """The ``rows`` this term keeps, in their order."""
        ...


class _Verdicts(dict[int, bool]):
    """A test over action numbers, run once per distinct number and then looked up."""

    def __init__(self, test: Callable[[int], bool]) -> None:
        super().__init__()
        self._test = test

    def __missing__(self, number: int) -> bool:
        verdict = self[number] = bool(self._test(number))
        return verdict


@dataclass(frozen=True, slots=True)
class TypeFilter:
    """``type:``: rows whose action number is in a set (or undocumented, for ``unknown``)."""

    types: TypeSet
    negated: bool
    rank: ClassVar[int] = 0
    uses_names: ClassVar[bool] = False

    def apply(self, columns: QueryColumns, names: NameIndex, rows: Sequence[int]) -> list[int]:
        """The ``rows`` this term keeps, in their order."""
        numbers = columns.numbers
        if not self.types.unknown:
            wanted = self.types.numbers
            if self.negated:
                return [i for i in rows if numbers[i] not in wanted]
            return [i for i in rows if numbers[i] in wanted]
        verdicts = _Verdicts(self.types.test())
        keep = not self.negated
        return [i for i in rows if verdicts[numbers[i]] is keep]


@dataclass(frozen=True, slots=True)
class TimeFilter:
    """``after:`` (at or after the moment) and ``before:`` (strictly before it)."""

    after: bool
    moment: int
    negated: bool
    rank: ClassVar[int] = 0
    uses_names: ClassVar[bool] = False

    def apply(self, columns: QueryColumns, names: NameIndex, rows: Sequence[int]) -> list[int]:
        """The ``rows`` this term keeps, in their order."""
        times, moment = columns.times, self.moment
        if self.after != self.negated:
            return [i for i in rows if times[i] >= moment]
        return [i for i in rows if times[i] < moment]


@dataclass(frozen=True, slots=True)
class EntityFilter:
    """``agent:``, ``subject:``, ``channel:``: ids, or names containing a value."""

    field: EntityField
    ids: frozenset[int]
    names: tuple[str, ...]
    """Lower-case substrings of names; resolved at each `apply`."""
    negated: bool

    @property
    def rank(self) -> int:
        """Ids alone are cheapest; names need a look-up first."""
        return 1 if self.names else 0

    @property
    def uses_names(self) -> bool:
        """True if any value is a name."""
        return bool(self.names)

    def apply(self, columns: QueryColumns, names: NameIndex, rows: Sequence[int]) -> list[int]:
        """The ``rows`` this term keeps, in their order."""
        wanted = set(self.ids)
        if self.names:
            needles = self.names
            wanted |= _named_ids(self.field, names, lambda name: any(n in name for n in needles))
        if not wanted:
            return [] if not self.negated else list(rows)
        column = getattr(columns, f"{self.field}s")
        if self.negated:
            return [i for i in rows if column[i] not in wanted]
        return [i for i in rows if column[i] in wanted]


@dataclass(frozen=True, slots=True)
class TextFilter:
    """A word or phrase: in the text, the type name, or an agent, subject or channel name."""

    needle: str
    """Lower-case."""
    negated: bool
    types: frozenset[int]
    """Named numbers (`KNOWN_NUMBERS`) whose type name contains the needle."""
    unknown_types: bool
    """True if the needle may occur in ``unknown(n)``; most words need no pass for those."""
    rank: ClassVar[int] = 2
    uses_names: ClassVar[bool] = True

    def apply(self, columns: QueryColumns, names: NameIndex, rows: Sequence[int]) -> list[int]:
        """The ``rows`` this term keeps, in their order."""
        needle, texts, numbers = self.needle, columns.texts, columns.numbers
        test: Callable[[str], bool] = lambda name: needle in name  # noqa: E731
        others, types = _other_hits(columns, names, rows, test, self.unknown_types, self.types)
        if self.negated:
            if others:
                return [i for i in rows if not (needle in texts[i] or i in others)]
            if types:
                return [i for i in rows if not (needle in texts[i] or numbers[i] in types)]
            return [i for i in rows if needle not in texts[i]]
        if others:
            return [i for i in rows if needle in texts[i] or i in others]
        if types:
            return [i for i in rows if needle in texts[i] or numbers[i] in types]
        return [i for i in rows if needle in texts[i]]


@dataclass(frozen=True, slots=True)
class RegexFilter:
    """A ``/regex/``, searched like a word."""

    pattern: re.Pattern[str]
    negated: bool
    types: frozenset[int]
    """Named numbers (`KNOWN_NUMBERS`) whose type name the pattern finds."""
    required: str
    """Text every match contains (``""`` if none is known), tested before the pattern."""
    rank: ClassVar[int] = 3
    uses_names: ClassVar[bool] = True

    def apply(self, columns: QueryColumns, names: NameIndex, rows: Sequence[int]) -> list[int]:
        """The ``rows`` this term keeps, in their order."""
        search, texts, numbers = self.pattern.search, columns.texts, columns.numbers
        required = self.required
        test: Callable[[str], bool] = lambda name: search(name) is not None  # noqa: E731
        others, types = _other_hits(columns, names, rows, test, True, self.types)
        if self.negated:
            if others:
                return [
                    i
                    for i in rows
                    if not (
                        i in others
                        or (required in texts[i] and search(texts[i], 0, REGEX_TEXT_LIMIT))
                    )
                ]
            if types:
                return [
                    i
                    for i in rows
                    if not (
                        numbers[i] in types
                        or (required in texts[i] and search(texts[i], 0, REGEX_TEXT_LIMIT))
                    )
                ]
            return [
                i
                for i in rows
                if required not in texts[i] or search(texts[i], 0, REGEX_TEXT_LIMIT) is None
            ]
        if others:
            return [
                i
                for i in rows
                if i in others or (required in texts[i] and search(texts[i], 0, REGEX_TEXT_LIMIT))
            ]
        if types:
            return [
                i
                for i in rows
                if numbers[i] in types
                or (required in texts[i] and search(texts[i], 0, REGEX_TEXT_LIMIT))
            ]
        return [i for i in rows if required in texts[i] and search(texts[i], 0, REGEX_TEXT_LIMIT)]


def _named_ids(field: EntityField, names: NameIndex, test: Callable[[str], bool]) -> set[int]:
    """Ids whose names pass ``test``; a subject may be a member or a channel."""
    if field == "channel":
        return names.channel_ids(test)
    if field == "agent":
        return names.member_ids(test)
    return names.member_ids(test) | names.channel_ids(test)


def _other_hits(
    columns: QueryColumns,
    names: NameIndex,
    rows: Sequence[int],
    test: Callable[[str], bool],
    unknown_types: bool,
    types: frozenset[int],
) -> tuple[set[int], frozenset[int]]:
    """Rows whose agent, subject or channel name or ``UNKNOWN(n)`` type passes ``test``.

    Each clause is a pass of its own, run only if something can match it. Returned with the
    named ``types`` still to test per row; when there are both, the types are folded into
    the rows, so that the caller's comprehension has one extra clause at most.
    """
    hits: set[int] = set()
    numbers = columns.numbers
    if unknown_types:
        verdicts = _Verdicts(
            lambda number: number not in KNOWN_NUMBERS and test(searchable_type_names(number)[0])
        )
        hits.update([i for i in rows if verdicts[numbers[i]]])
    members = names.member_ids(test)
    channels = names.channel_ids(test)
    for column, ids in (
        (columns.agents, members),
        (columns.subjects, members | channels),
        (columns.channels, channels),
    ):
        if ids:
            hits.update([i for i in rows if column[i] in ids])
    if hits and types:
        hits.update([i for i in rows if numbers[i] in types])
        return hits, frozenset()
    return hits, types
