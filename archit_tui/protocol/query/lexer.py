"""Splitting a filter query into terms: words, "phrases", /regexes/ and field:values.

The lexer only finds the pieces and their positions; what they mean is the parser's business.
It is forgiving where being forgiving cannot surprise anyone (a trailing comma, a date and a
time of day written with a space between them) and strict elsewhere, so that a typo is
underlined rather than silently matching nothing or everything (a lone ``-`` is one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Literal

from .errors import QueryError

FIELDS: tuple[str, ...] = ("type", "agent", "subject", "channel", "before", "after")
"""Every field a term may name, in the order the help lists them."""

TIME_FIELDS = frozenset({"before", "after"})
"""Fields whose single value is a time."""

TermKind = Literal["word", "phrase", "regex", "field"]

_FIELD = re.compile(r"([A-Za-z]+):")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
# A time of day after a date and a space: `after:2026-12-03 14:05` is read as one time.
_TIME_OF_DAY = re.compile(r"\s+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)")


@dataclass(frozen=True, slots=True)
class Value:
    """One value as written: its text with escapes undone, and where it stands in the query."""

    text: str
    start: int
    end: int
    quoted: bool


@dataclass(frozen=True, slots=True)
class Term:
    """One term of the query; ``values`` has one entry unless it is a field with a comma list."""

    kind: TermKind
    negated: bool
    start: int
    end: int
    field: str
    """Lower-case field name for ``field`` terms, else empty."""
    values: tuple[Value, ...]


def tokenize(text: str) -> list[Term]:
    """The terms of ``text`` in order; raises `QueryError` for text that is no term."""
    return list(iter_terms(text))


def iter_terms(text: str) -> Iterator[Term]:
    """The terms of ``text`` one by one, so that the first mistake in the text is reported."""
    pos = 0
    while True:
        pos = _skip_space(text, pos)
        if pos >= len(text):
            return
        start = pos
        negated = text[pos] == "-"
        if negated:
            pos += 1
            if pos >= len(text) or text[pos].isspace():
                raise QueryError(
                    "a lone - excludes nothing; write what to exclude right after it (-spam), "
                    'or quote a dash to search for it: "-"',
                    start,
                    pos,
                )
        term, pos = _term(text, start, pos, negated)
        yield term


def _term(text: str, start: int, pos: int, negated: bool) -> tuple[Term, int]:
    char = text[pos]
    if char == '"':
        value, pos = _quoted(text, pos)
        _expect_separator(text, pos, "the closing quote")
        return Term("phrase", negated, start, pos, "", (value,)), pos
    if char == "/":
        value, pos = _regex(text, pos)
        _expect_separator(text, pos, "the closing /")
        return Term("regex", negated, start, pos, "", (value,)), pos
    match = _FIELD.match(text, pos)
    # `https://...` is a link to search for, not a field called "https".
    if match is not None and not text.startswith("//", match.end()):
        name = match.group(1).lower()
        if name not in FIELDS:
            raise _unknown_field(text, match.group(1), pos, match.end())
        values, end = _values(text, match.end(), name)
        if not values:
            raise QueryError(
                f"{name}: needs a value right after the colon, e.g. {_EXAMPLES[name]}", pos, end
            )
        return Term("field", negated, start, end, name, values), end
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return Term("word", negated, start, end, "", (Value(text[pos:end], pos, end, False),)), end


_EXAMPLES = {
    "type": "type:ban or type:3001",
    "agent": "agent:alice or agent:214037134477230080",
    "subject": "subject:alice",
    "channel": "channel:general",
    "before": "before:2026-12-03 or before:10m",
    "after": "after:14:05 or after:2h",
}


def _values(text: str, pos: int, field: str) -> tuple[tuple[Value, ...], int]:
    """A comma list of bare or quoted values; empty items (``a,,b``, ``a,``) are dropped."""
    values: list[Value] = []
    while True:
        if pos < len(text) and text[pos] == '"':
            value, pos = _quoted(text, pos)
        else:
            end = pos
            while end < len(text) and not text[end].isspace() and text[end] != ",":
                end += 1
            value, pos = Value(text[pos:end], pos, end, False), end
            if field in TIME_FIELDS and _DATE.fullmatch(value.text):
                value, pos = _with_time_of_day(text, value)
        if value.text:
            values.append(value)
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        _expect_separator(text, pos, "the closing quote")
        return tuple(values), pos


def _with_time_of_day(text: str, date: Value) -> tuple[Value, int]:
    """``date`` extended by a time of day that follows it after a space, if one does."""
    match = _TIME_OF_DAY.match(text, date.end)
    if match is None or (match.end() < len(text) and not text[match.end()].isspace()):
        return date, date.end
    joined = f"{date.text}T{match.group(1)}"
    return Value(joined, date.start, match.end(), False), match.end()


def _quoted(text: str, pos: int) -> tuple[Value, int]:
    """The phrase whose opening quote is at ``pos``: ``\\"`` is a quote, ``\\\\`` a backslash."""
    chars: list[str] = []
    index = pos + 1
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in '"\\':
            chars.append(text[index + 1])
            index += 2
        elif char == '"':
            return Value("".join(chars), pos, index + 1, True), index + 1
        else:
            chars.append(char)
            index += 1
    raise QueryError('unclosed quote: end the phrase with another "', pos, len(text))


def _regex(text: str, pos: int) -> tuple[Value, int]:
    """The pattern whose opening slash is at ``pos``; ``\\/`` is a slash, other escapes stay."""
    chars: list[str] = []
    index = pos + 1
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            chars.append(following if following == "/" else char + following)
            index += 2
        elif char == "/":
            return Value("".join(chars), pos, index + 1, True), index + 1
        else:
            chars.append(char)
            index += 1
    raise QueryError(
        'unclosed regex: end it with /, or quote it to search for the text ("/ban")',
        pos,
        len(text),
    )


def _expect_separator(text: str, pos: int, after: str) -> None:
    """Raise unless ``pos`` is the end of the query or whitespace."""
    if pos >= len(text) or text[pos].isspace():
        return
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    raise QueryError(
        f"unexpected {text[pos:end]!r} after {after}; leave a space between terms", pos, end
    )


def _unknown_field(text: str, name: str, start: int, colon_end: int) -> QueryError:
    guess = get_close_matches(name.lower(), FIELDS, n=1, cutoff=0.6)
    hint = f"did you mean {guess[0]}:? " if guess else ""
    word_end = colon_end
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    return QueryError(
        f"unknown field {name}:; {hint}fields are {', '.join(FIELDS)}. "
        f'To search for the text, quote it: "{text[start:word_end]}"',
        start,
        colon_end - 1,
    )


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
