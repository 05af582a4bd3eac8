"""From query text to a `Query`: each term becomes a filter, run cheapest first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import tzinfo
from typing import cast

from .columns import NameIndex, QueryColumns
from .errors import QueryError
from .filters import (
    EntityField,
    EntityFilter,
    Filter,
    RegexFilter,
    TextFilter,
    TimeFilter,
    TypeFilter,
)
from .lexer import Term, Value, iter_terms
from .regexes import RegexError, compile_pattern
from .times import TimeError, parse_time
from .typematch import (
    TypeSet,
    known_types_named,
    suggest_type,
    types_named,
    word_may_name_unknown,
)


class Query:
    """A parsed filter: every term must hold for a row to be selected."""

    __slots__ = ("source", "_filters")

    def __init__(self, source: str, filters: Sequence[Filter]) -> None:
        self.source = source
        """The text the query was parsed from."""
        # A stable sort keeps the user's order among terms of equal cost.
        self._filters = tuple(sorted(filters, key=lambda f: f.rank))

    @property
    def is_empty(self) -> bool:
        """True if the query has no terms, so it selects every row."""
        return not self._filters

    @property
    def uses_names(self) -> bool:
        """True if the result may change when names arrive in the pools (select again then)."""
        return any(f.uses_names for f in self._filters)

    def select(
        self, columns: QueryColumns, names: NameIndex, candidates: Iterable[int]
    ) -> list[int]:
        """The candidates that match, in the candidates' order."""
        rows: Sequence[int]
        if isinstance(candidates, (list, range, tuple)):
            rows = candidates
        else:
            rows = list(candidates)
        for query_filter in self._filters:
            if not rows:
                break
            rows = query_filter.apply(columns, names, rows)
        # Never hand back the caller's own list: they may change it.
        return rows if isinstance(rows, list) and rows is not candidates else list(rows)

    def __repr__(self) -> str:
        return f"Query({self.source!r})"


def parse_query(text: str, *, now_ms: int, tz: tzinfo) -> Query:
    """Parse ``text``; raises `QueryError` with the span of the first bad part.

    Relative times (``10m``, ``14:05``, ``today``) are fixed against ``now_ms`` (Unix ms) in
    zone ``tz``; parse again to move them on.
    """
    return Query(text, [_compile(term, now_ms, tz) for term in iter_terms(text)])


def _compile(term: Term, now_ms: int, tz: tzinfo) -> Filter:
    if term.kind in ("word", "phrase"):
        needle = term.values[0].text.lower()
        if not needle:
            raise _empty(term)
        types = known_types_named(lambda name: needle in name)
        return TextFilter(needle, term.negated, types, word_may_name_unknown(needle))
    if term.kind == "regex":
        return _regex(term)
    if term.field == "type":
        return TypeFilter(_types(term.values), term.negated)
    if term.field in ("before", "after"):
        return TimeFilter(term.field == "after", _time(term, now_ms, tz), term.negated)
    ids: set[int] = set()
    names: list[str] = []
    for value in term.values:
        if not value.quoted and value.text.isascii() and value.text.isdigit():
            ids.add(int(value.text))
            continue
        name = value.text[1:] if value.text[:1] in ("@", "#") else value.text
        if not name:
            message = f"{term.field}: needs a name or an id after the {value.text}"
            raise QueryError(message, value.start, value.end)
        names.append(name.lower())
    field = cast(EntityField, term.field)
    return EntityFilter(field, frozenset(ids), tuple(names), term.negated)


def _types(values: Iterable[Value]) -> TypeSet:
    types = TypeSet(frozenset())
    for value in values:
        named = types_named(value.text)
        if not named.numbers and not named.unknown:
            guess = suggest_type(value.text)
            hint = f"; did you mean {guess}?" if guess else "; try a name like ban or message"
            raise QueryError(f"no action type matches {value.text!r}{hint}", value.start, value.end)
        types |= named
    return types


def _time(term: Term, now_ms: int, tz: tzinfo) -> int:
    if len(term.values) > 1:
        start, end = term.values[0].start, term.values[-1].end
        raise QueryError(f"{term.field}: takes one time, not a list", start, end)
    value = term.values[0]
    try:
        return parse_time(value.text, now_ms=now_ms, tz=tz)
    except TimeError as error:
        raise QueryError(str(error), value.start, value.end) from None


def _regex(term: Term) -> RegexFilter:
    value = term.values[0]
    if not value.text:
        raise _empty(term)
    try:
        pattern, required = compile_pattern(value.text)
    except RegexError as error:
        raise QueryError(f"invalid regex: {error}", value.start, value.end) from None
    types = known_types_named(lambda name: pattern.search(name) is not None)
    return RegexFilter(pattern, term.negated, types, required)


def _empty(term: Term) -> QueryError:
    """An empty phrase or regex: it would keep every row, or with ``-`` none (a likely slip)."""
    what, fix = (
        ("phrase", "type something between the quotes")
        if term.kind == "phrase"
        else ("regex", "put a pattern between the slashes")
    )
    hides = ", so excluding it hides every row" if term.negated else ""
    return QueryError(f"an empty {what} matches everything{hides}; {fix}", term.start, term.end)
