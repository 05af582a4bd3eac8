"""Making remote text safe to show: one line, no control codes, no invisible reordering.

Text from the network is shown literally. These helpers only change what a terminal would
otherwise act on: control characters (shown as visible symbols), bidirectional overrides and
zero-width characters (removed from single-line cells, escaped where every character counts).
Styling safety (never parsing markup) is the UI's job: it builds ``rich.text.Text`` objects.
"""

from __future__ import annotations

import re

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u2060\ufeff\u180e"
_INVISIBLE = _BIDI_CONTROLS + _ZERO_WIDTH

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_C1 = {code: "\ufffd" for code in range(0x80, 0xA0)}

_ONE_LINE_TABLE: dict[int, str | None] = {
    **_CONTROL_PICTURES,
    **_C1,
    **{ord(char): None for char in _INVISIBLE},
    # Whitespace controls become plain spaces; runs are collapsed afterwards.
    0x09: " ",
    0x0A: " ",
    0x0B: " ",
    0x0C: " ",
    0x0D: " ",
    0x85: " ",
    0x2028: " ",
    0x2029: " ",
}
_MULTI_LINE_TABLE: dict[int, str | None] = {
    **_ONE_LINE_TABLE,
    0x09: "    ",
    0x0A: "\n",
    0x0D: None,
    0x2028: "\n",
    0x2029: "\n",
}
_SPACES = re.compile(r" {2,}")
_VISIBLE_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in [*map(ord, _INVISIBLE), *range(0x20), 0x7F, *range(0x80, 0xA0)]
    if code not in (0x09, 0x0A)
}
ELLIPSIS = "…"

_EMOJI_JOINERS = {
    0x200D: None,  # zero-width joiner: 👩‍💻 is one picture in some terminals, two in others
    0xFE0E: None,  # text and emoji presentation selectors: ❤️ takes one column or two
    0xFE0F: None,
    **{code: None for code in range(0x1F3FB, 0x1F400)},  # skin tones: joined, or a swatch
}


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` on one line: whitespace collapsed, controls made visible, invisibles removed.

    With ``limit``, the result is cut to at most that many characters, ending in an ellipsis.
    Long inputs are cut before cleaning, so the cost stays bounded for megabyte strings.
    """
    if limit is not None and len(text) > limit * 4:
        text = text[: limit * 4]
    cleaned = _SPACES.sub(" ", text.translate(_ONE_LINE_TABLE)).strip()
    if limit is not None and len(cleaned) > limit:
        cleaned = cleaned[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return cleaned


def multi_line(text: str) -> str:
    """``text`` keeping its line breaks, with controls made visible and invisibles removed."""
    return text.translate(_MULTI_LINE_TABLE)


def reveal_invisibles(text: str) -> str:
    """``text`` with controls (but tab and newline), bidi and zero-width characters escaped.

    Each becomes a ``\\uXXXX`` escape, as JSON would write it.
    """
    return text.translate(_VISIBLE_ESCAPES)


def column_text(text: str) -> str:
    """``text`` for a column of a table: emoji joiners, presentation selectors and skin tones
    removed, so that every terminal gives it the width the table counted (👩‍💻 becomes 👩💻).

    Terminals disagree on the width of joined emoji sequences; a table whose columns must line
    up uses this, and shows the full sequence where alignment does not matter (details, chat).
    """
    return text.translate(_EMOJI_JOINERS)
