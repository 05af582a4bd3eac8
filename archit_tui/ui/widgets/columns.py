"""The log table's columns: which show at a given width, how wide, and the header line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.cells import set_cell_size
from rich.segment import Segment
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from archit_tui.protocol.text import column_text

ColumnName = Literal["time", "type", "agent", "subject", "channel", "summary"]
COLUMNS: tuple[ColumnName, ...] = ("time", "type", "agent", "subject", "channel", "summary")
TITLES: dict[ColumnName, str] = {
    "time": "Time",
    "type": "Type",
    "agent": "Agent",
    "subject": "Subject",
    "channel": "Channel",
    "summary": "Summary",
}
GUTTER = 1
"""A one-cell column at the left that marks rows with unusable fields."""

_NARROW = 100
"""Below this width the subject column is left out (the summary names the subject)."""


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    """Visible columns and their widths, for one table width."""

    widths: tuple[tuple[ColumnName, int], ...]

    @classmethod
    def fit(cls, width: int) -> ColumnLayout:
        """Columns for a table ``width`` cells wide; the summary takes what is left."""
        fixed: list[tuple[ColumnName, int]] = [("time", 8), ("type", 14), ("agent", 12)]
        if width >= _NARROW:
            fixed = [("time", 8), ("type", 22), ("agent", 16), ("subject", 16), ("channel", 14)]
        else:
            fixed.append(("channel", 10))
        used = GUTTER + sum(size + 1 for _, size in fixed)
        return cls((*fixed, ("summary", max(width - used, 10))))

    @property
    def names(self) -> tuple[ColumnName, ...]:
        return tuple(name for name, _ in self.widths)

    def column_at(self, x: int) -> ColumnName | None:
        """The column under cell ``x`` of a row."""
        left = GUTTER
        for name, size in self.widths:
            if left <= x < left + size + 1:
                return name
            left += size + 1
        return None


def fit_cell(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (wide characters counted as two),
    written so that every terminal agrees on its width (`column_text`)."""
    return set_cell_size(column_text(text), width)


class ColumnHeader(Widget):
    """The header line of the log table: titles, and the sort column with its direction."""

    DEFAULT_CSS = """
    ColumnHeader { height: 1; }
    """
    COMPONENT_CLASSES = {"column-header--sorted"}

    columns: reactive[ColumnLayout] = reactive(ColumnLayout.fit(80), layout=False)
    """The table's current columns."""
    sort_column: reactive[ColumnName | None] = reactive(None)
    """The column rows are sorted by, or None for arrival order."""
    sort_reverse: reactive[bool] = reactive(False)

    class Clicked(Message):
        """A column title was clicked (sort by it)."""

        def __init__(self, column: ColumnName) -> None:
            super().__init__()
            self.column = column

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        sorted_style = base + self.get_component_rich_style("column-header--sorted", partial=True)
        segments = [Segment(" " * GUTTER, base)]
        for name, width in self.columns.widths:
            title = TITLES[name]
            style = base
            if name == self.sort_column:
                title += " ▼" if self.sort_reverse else " ▲"
                style = sorted_style
            segments.append(Segment(fit_cell(title, width) + " ", style))
        return Strip(segments).crop_extend(0, self.size.width, base)

    def on_click(self, event: events.Click) -> None:
        column = self.columns.column_at(event.x)
        if column is not None:
            self.post_message(self.Clicked(column))
