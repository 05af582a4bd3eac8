"""What ``archit-tui tail`` writes: actions on stdout, everything else in plain words on stderr.

Both streams pass through one guard that blanks the token out: nothing here should ever hold
it, but a gateway that echoes a token back in an error message is not ours to trust.
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import tzinfo
from typing import Any, Literal, TextIO

from archit_tui.config.load import SCRUB_MIN_LENGTH
from archit_tui.protocol.cells import row_cells
from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.mentions import NameLookup
from archit_tui.protocol.models import LogPoolEvent
from archit_tui.protocol.secret import Secret
from archit_tui.protocol.snowflake import unix_ms_to_datetime
from archit_tui.protocol.text import ELLIPSIS, column_text, one_line

PREFIX = "archit-tui tail: "
HIDDEN = "<hidden>"

OutputFormat = Literal["json", "text"]
FORMATS: tuple[OutputFormat, ...] = ("json", "text")

TYPE_WIDTH = 24
"""Wide enough for every registered type name (CHANNEL_OVERWRITE_CREATE is the longest)."""
NAME_WIDTH = 20
"""Columns given to the agent and the subject in ``--format text``."""
PREVIEW = 200
"""Characters of a malformed payload quoted on stderr."""


class Scrubber:
    """Blanks a token out of text (a token shorter than `SCRUB_MIN_LENGTH` is left alone:
    blanking "a" would blank every "a")."""

    def __init__(self, token: Secret | None) -> None:
        value = token.reveal() if token is not None else ""
        self._token = value if len(value) >= SCRUB_MIN_LENGTH else ""

    def __call__(self, text: str) -> str:
        if self._token and self._token in text:
            return text.replace(self._token, HIDDEN)
        return text


class Reporter:
    """Status, warnings and errors on stderr, one line each, prefixed ``archit-tui tail:``."""

    def __init__(self, scrub: Scrubber, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.scrub = scrub
        self.quiet = quiet
        """True: leave out the status lines (warnings and errors are still written)."""
        self._stream = stream

    def status(self, message: str) -> None:
        """How the run is going (connected, spectating, stopped); not with ``--quiet``."""
        if not self.quiet:
            self._write(message)

    def warn(self, message: str) -> None:
        """Something went wrong but the run goes on (a malformed event, a lost connection)."""
        self._write(message)

    def error(self, message: str, hint: str | None = None) -> None:
        """Why the run stops, and what to check."""
        self._write(message if hint is None else f"{message}\n  {hint}")

    def _write(self, message: str) -> None:
        stream = self._stream if self._stream is not None else sys.stderr
        try:
            stream.write(self.scrub(PREFIX + message) + "\n")
            stream.flush()
        except (OSError, ValueError):  # stderr closed: nowhere left to say anything
            pass


def payload_preview(raw: JSON) -> str:
    """A malformed payload on one short line, for a warning."""
    if isinstance(raw, str):
        text = raw
    else:
        try:
            text = json.dumps(raw, ensure_ascii=False, default=repr)
        except (ValueError, RecursionError):
            text = repr(raw)
    return one_line(text, PREVIEW)


def log_action_object(event: LogPoolEvent) -> JSON:
    """The log action as received: ``log_action`` of the documented shape, else the flat one."""
    raw = event.raw
    if isinstance(raw, dict) and "log_action" in raw:
        return raw["log_action"]
    return raw


class ActionWriter:
    """Writes log actions to stdout, one line each, flushed once per batch.

    A closed pipe raises `BrokenPipeError` from `write`; the caller ends the run quietly.
    """

    def __init__(
        self,
        output_format: OutputFormat,
        names: NameLookup,
        tz: tzinfo,
        scrub: Scrubber,
        stream: TextIO | None = None,
    ) -> None:
        self.format = output_format
        self.names = names
        self.tz = tz
        self.scrub = scrub
        self._stream = stream if stream is not None else sys.stdout
        encoding = (getattr(self._stream, "encoding", None) or "").lower().replace("-", "")
        self._ascii = encoding != "utf8"
        """Escape non-ASCII in JSON when stdout is not UTF-8 (the JSON means the same)."""
        self.written = 0
        """Actions written so far."""
        self.non_finite = 0
        """Actions whose NaN or Infinity values were written as null (JSON has no such value)."""

    def write(self, events: Iterable[LogPoolEvent]) -> None:
        line = self._json_line if self.format == "json" else self._text_line
        lines = [self.scrub(line(event)) for event in events]
        if not lines:
            return
        self._stream.write("\n".join(lines) + "\n")
        self._stream.flush()
        self.written += len(lines)

    def _json_line(self, event: LogPoolEvent) -> str:
        action = log_action_object(event)
        try:
            return json.dumps(action, ensure_ascii=self._ascii, allow_nan=False)
        except ValueError:
            self.non_finite += 1
            return json.dumps(_finite(action), ensure_ascii=self._ascii, allow_nan=False)

    def _text_line(self, event: LogPoolEvent) -> str:
        action = event.action
        cells = row_cells(action, self.names)
        when = unix_ms_to_datetime(action.timestamp_ms).astimezone(self.tz)
        return "  ".join(
            (
                when.strftime("%Y-%m-%d %H:%M:%S"),
                fit(cells.type, TYPE_WIDTH),
                fit(cells.agent, NAME_WIDTH),
                fit(cells.subject, NAME_WIDTH),
                cells.summary,
            )
        ).rstrip()


def _finite(value: Any) -> Any:
    """``value`` with NaN and the infinities replaced by None, at any depth."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


def _char_width(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):  # marks, joiners, variation selectors
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _widths(text: str) -> Iterator[tuple[str, int]]:
    """Each character and its columns (a joined emoji counts as its parts, as most terminals
    draw it)."""
    for char in text:
        yield char, _char_width(char)


def text_width(text: str) -> int:
    """Terminal columns ``text`` takes on one line (as most terminals count them)."""
    return sum(size for _, size in _widths(text))


def fit(text: str, width: int) -> str:
    """``text`` padded or cut (ending in an ellipsis) to ``width`` terminal columns.

    Wide characters (CJK, most emoji) take two columns, so the table stays aligned with them;
    emoji joiners and modifiers are left out (`column_text`): terminals disagree on them.
    """
    text = column_text(text)
    used = 0
    kept: list[tuple[str, int]] = []
    for char, size in _widths(text):
        if used + size > width:
            while kept and used + 1 > width:  # make room for the ellipsis
                used -= kept.pop()[1]
            return "".join(char for char, _ in kept) + ELLIPSIS + " " * (width - used - 1)
        kept.append((char, size))
        used += size
    return text + " " * (width - used)
