"""The filter bar: a query in the filter language, checked as it is typed.

An invalid query is marked where it goes wrong and the last valid filter stays in force.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from rich.highlighter import Highlighter
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Label

from archit_tui.protocol.query import Query, QueryError, parse_query


class _ErrorSpan(Highlighter):
    """Underlines the part of the query that is wrong."""

    def __init__(self) -> None:
        self.span: tuple[int, int] | None = None
        self.style = "bold underline"

    def highlight(self, text: Text) -> None:
        if self.span is not None:
            start, end = self.span
            text.stylize(self.style, start, max(end, start + 1))


class FilterBar(Horizontal):
    """A one-line query input, with the match count or what is wrong beside it."""

    DEFAULT_CSS = """
    FilterBar { height: 1; }
    FilterBar > Input { width: 1fr; min-width: 16; }
    FilterBar > Label { width: auto; }
    FilterBar > #filter-status { max-width: 55%; }
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

    def __init__(self, now_ms: Callable[[], int], tz: tzinfo | None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.now_ms = now_ms
        self.tz = tz
        self._errors = _ErrorSpan()
        self.error: QueryError | None = None

    def compose(self) -> ComposeResult:
        yield Label(" Filter ", id="filter-label")
        yield Input(
            placeholder="words  type:ban  agent:alice  -channel:bots  /regex/  after:10m  (? help)",
            highlighter=self._errors,
            compact=True,
            id="filter-input",
        )
        yield Label("", id="filter-status")

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
        try:
            query = parse_query(event.value, now_ms=self.now_ms(), tz=self.tz)
        except QueryError as error:
            self._show_error(error)
            return
        self._show_error(None)
        self.post_message(self.Changed(query))

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
            status.update(Text(f"✗ last valid filter kept: {error.message}"))
        status.tooltip = None if error is None else error.message
        self.input.refresh()
