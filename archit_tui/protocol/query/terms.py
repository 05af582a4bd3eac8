"""Writing query terms from values: the "filter by this cell" key builds its term here."""

from __future__ import annotations

import re
from typing import Literal

from ..actions import NAMED_TYPES
from .times import format_utc
from .typematch import KNOWN_NUMBERS

CellField = Literal["type", "agent", "subject", "channel", "time", "text"]
"""The columns a term can be built from."""

_NUMBER = re.compile(r"-?[0-9]+")
_TYPE_NAMES = frozenset(t.name for t in NAMED_TYPES.values())


def term_for(field: CellField, value: str | int) -> str:
    """The query term that filters by one cell's value, quoted as needed.

    - ``type``: a number gives ``type:3001`` (exactly that number); a name gives
      ``type:message_send`` (every number shown with that name; ``UNKNOWN(n)`` gives n).
    - ``agent``, ``subject``, ``channel``: an int id gives ``agent:214037134477230080``
      (exactly that id); a str name gives ``agent:"night owl"`` (names containing it).
    - ``time``: Unix ms gives ``after:... before:...`` in UTC, selecting exactly that
      millisecond.
    - ``text``: a word stays bare, anything else becomes a ``"quoted phrase"``.

    Raises `ValueError` for a value the field cannot hold (an empty name, a type name that is
    not one, a time that is not an int).
    """
    if isinstance(value, bool):
        raise ValueError(f"{field} cannot be filtered by a boolean")
    if field == "text":
        return _word_or_phrase(str(value))
    if field == "time":
        if not isinstance(value, int):
            raise ValueError("a time is filtered by its Unix milliseconds, an int")
        try:
            return f"after:{format_utc(value)} before:{format_utc(value + 1)}"
        except OverflowError:
            raise ValueError(f"{value} ms is outside the years 1 to 9999") from None
    if field == "type":
        return f"type:{_type_value(value)}"
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"{value} is not an id")
        return f"{field}:{value}"
    if value in ("", "@", "#"):
        raise ValueError(f"{field} names cannot be empty")
    return f"{field}:{_quote(value) if _needs_quotes(value, name=True) else value}"


def _type_value(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    written = value.strip().upper()
    if written.startswith("UNKNOWN(") and written.endswith(")"):
        number = written[len("UNKNOWN(") : -1]
        if _NUMBER.fullmatch(number) and int(number) not in KNOWN_NUMBERS:
            return str(int(number))
    if written not in _TYPE_NAMES:
        raise ValueError(f"{value!r} is not an action type name")
    return written.lower()


def _word_or_phrase(text: str) -> str:
    if not text:
        raise ValueError("there is no text to filter by")
    bare = not _needs_quotes(text, name=False) and text[0] not in "-/"
    return text if bare else _quote(text)


def _needs_quotes(text: str, *, name: bool) -> bool:
    """True if ``text`` would not read back as itself unquoted."""
    if not text or any(char.isspace() or char in '",:\\' for char in text):
        return True
    # Bare digits are an id, so a name made of digits must be quoted to stay a name.
    return name and text.isascii() and text.isdigit()


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
