"""The filter bar: a query in the filter language, checked as it is typed.

An invalid query is marked where it goes wrong and the last valid filter stays in force.
Keys typed are read at once; keys that come faster than the screen draws (a paste into a
terminal without bracketed paste arrives as one key per character) are read once a frame.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from time import monotonic

from rich.highlighter import Highlighter
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Label

from archit_tui.protocol.query import Query, QueryError, parse_query
from archit_tui.protocol.text import one_line

MAX_QUERY_LENGTH = 4_096
"""Characters a filter may have: room for a pasted message, a bound on a runaway paste."""
READ_EVERY = 1 / 60
"""The shortest time between two readings of the query (one a frame)."""


class _ErrorSpan(Highlighter):
    """Underlines the part of the query that is wrong."""

    def __init__(self) -> None:
        self.span: tuple[int, int] | None = None
        self.style = "bold underline"

    def highlight(self, text: Text) -> None:
        if self.span is not None:
            start, end = self.span
            text.stylize(self.style, start, max(end, start + 1))


PLACEHOLDER = "words  type:ban  agent:alice  -spam  /regex/  after:10m  (? help)"
"""Examples that fit beside the match count in 80 columns."""


class FilterBar(Vertical):
    """A one-line query input, with the match count or what is wrong beside it."""

    DEFAULT_CSS = """
    FilterBar { height: auto; }
    FilterBar > Horizontal { height: 1; }
    FilterBar Input { width: 1fr; min-width: 16; }
    FilterBar Label { width: auto; }
    FilterBar > #filter-error { display: none; width: 1fr; }
    FilterBar.-invalid > #filter-error { display: block; }
    """

    count_text: reactive[str] = reactive("")
    """The match count shown beside the input."""

    class Changed(Message):
        """A new valid query is in force."""

        def __init__(self, query: Query) -> None:
            super().__init__()
            self.query = query

    class Done(Message):
        """The user pressed Enter or Escape in the input."""

    def __init__(self, now_ms: Callable[[], int], tz: tzinfo, id: str | None = None) -> None:
        super().__init__(id=id)
        self.now_ms = now_ms
        self.tz = tz
        self._errors = _ErrorSpan()
        self.error: QueryError | None = None
        self.applied: Query | None = None
        """The query in force (the last valid one)."""
        self._read_at = -READ_EVERY
        self._read_text: str | None = None
        self._read_later = False

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(" Filter ", id="filter-label")
            yield Input(
                placeholder=PLACEHOLDER,
                highlighter=self._errors,
                compact=True,
                max_length=MAX_QUERY_LENGTH,
                id="filter-input",
            )
            yield Label("", id="filter-status")
        yield Label("", id="filter-error")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    def set_query_text(self, text: str) -> None:
        """Replace the query (e.g. from "filter by cell"); it is checked and applied as typed."""
        self.input.value = text
        self.input.cursor_position = len(text)

    def watch_count_text(self, text: str) -> None:
        if self.error is None:
            self.query_one("#filter-status", Label).update(Text(text))

    @on(Input.Changed, "#filter-input")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._read_later:
            return  # the reading already due takes the newest text
        wait = self._read_at + READ_EVERY - monotonic()
        if wait > 0:
            self._read_later = True
            self.set_timer(wait, self._read_newest)
        else:
            self._read(event.value)

    def _read_newest(self) -> None:
        self._read_later = False
        if self.input.value != self._read_text:
            self._read(self.input.value)

    def _read(self, text: str) -> None:
        """Check ``text``: apply it, or mark what is wrong with it."""
        self._read_at, self._read_text = monotonic(), text
        try:
            query = parse_query(text, now_ms=self.now_ms(), tz=self.tz)
        except QueryError as error:
            self._show_error(error)
            return
        except Exception as error:  # noqa: BLE001 - a filter must never take the app down
            self.log.error(f"filter {text!r} could not be read: {error!r}")
            self._show_error(QueryError(f"this filter could not be read ({error})", 0, len(text)))
            return
        self._show_error(None)
        self._apply(query)

    def _apply(self, query: Query) -> None:
        self.applied = query
        self.post_message(self.Changed(query))

    def refresh_times(self) -> None:
        """Re-read the query in force at the current time: ``after:10m`` keeps sliding."""
        query = self.applied
        if query is None or not ("after:" in query.source or "before:" in query.source):
            return
        try:
            self._apply(parse_query(query.source, now_ms=self.now_ms(), tz=self.tz))
        except QueryError:
            pass  # it parsed a moment ago; a time gone out of range keeps the last filter

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def _show_error(self, error: QueryError | None) -> None:
        self.error = error
        self._errors.span = None if error is None else (error.start, error.end)
        self._errors.style = f"bold underline {self.app.current_theme.error}"
        self.set_class(error is not None, "-invalid")
        status = self.query_one("#filter-status", Label)
        if error is None:
            status.update(Text(self.count_text))
        else:
            kept = self.applied.source.strip() if self.applied is not None else ""
            status.update(Text(f"✗ still: {one_line(kept, 32)}" if kept else "✗ showing all rows"))
            self.query_one("#filter-error", Label).update(Text(f" ✗ {error.message}"))
        self.input.refresh()
