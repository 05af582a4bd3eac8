"""The log table: a virtualised view of held log actions that draws only the visible rows.

Built on Textual's line API (as toolong does): `render_line` renders one row from the store's
columns on demand, so adding a row costs nothing until it scrolls into view. The table follows
the newest row while the cursor is on the last row; moving up or scrolling up pauses following
and counts the rows that arrive meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from time import perf_counter

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from archit_tui.protocol.actions import Category
from archit_tui.protocol.cells import RowCells, TimeFormat, row_cells, time_cell
from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.marks import Marks
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.views import AllRows, RowView

from .columns import ColumnLayout, ColumnName, fit_cell

CATEGORY_CLASSES = {category: f"log-table--{category.value}" for category in Category}


class LogTable(ScrollView, can_focus=True):
    """Held log actions, one row each; the cursor selects a row and a column."""

    DEFAULT_CSS = """
    LogTable { overflow-x: hidden; overflow-y: auto; }
    """
    COMPONENT_CLASSES = {
        "log-table--cursor",
        "log-table--cursor-cell",
        "log-table--time",
        "log-table--name",
        "log-table--dim",
        "log-table--flag",
        "log-table--mark",
        *CATEGORY_CLASSES.values(),
    }
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page_down"),
        Binding("home", "first", "Oldest", show=False, id="first"),
        Binding("end,G", "follow", "Newest", show=False, id="follow"),
        Binding("left,h", "cursor_left", "Column left", show=False, id="cursor_left"),
        Binding("right,l", "cursor_right", "Column right", show=False, id="cursor_right"),
    ]

    following: reactive[bool] = reactive(True)
    """True while the table keeps the newest row in view with the cursor on it."""
    cursor_column: reactive[int] = reactive(0)
    """Index, in the visible columns, of the column the cursor is on."""

    class Highlighted(Message):
        """The cursor moved to another row (``seq``), or off every row (None)."""

        def __init__(self, seq: int | None) -> None:
            super().__init__()
            self.seq = seq

    class FollowingChanged(Message):
        """Following paused or resumed; ``unseen`` rows arrived while paused."""

        def __init__(self, following: bool, unseen: int) -> None:
            super().__init__()
            self.following = following
            self.unseen = unseen

    class ColumnsChanged(Message):
        """The columns changed with the table's width."""

        def __init__(self, columns: ColumnLayout) -> None:
            super().__init__()
            self.columns = columns

    def __init__(
        self,
        store: ActionStore,
        names: NameBook,
        *,
        time_format: TimeFormat,
        now_ms: Callable[[], int],
        tz: tzinfo,
        marks: Marks | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.marks = marks if marks is not None else Marks()
        """Marked rows show a ◆ in the first column."""
        self.store = store
        self.names = names
        self.view: RowView = AllRows(store)
        self.time_format = time_format
        self.now_ms = now_ms
        self.tz = tz
        self.columns = ColumnLayout.fit(80)
        self._columns_width = 80
        self.unseen = 0
        """Rows added to the view while following was paused."""
        self._cursor_seq: int | None = None
        self._cells: LRUCache[tuple[int, int], RowCells] = LRUCache(1024)
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] | None = None
        self._render_seconds = 0.0

    # Data in ------------------------------------------------------------------------------------

    def set_view(self, view: RowView) -> None:
        """Show ``view`` instead (a new filter or sort); the cursor stays on its row if shown."""
        self.view = view
        if self.unseen:
            self.unseen = 0  # they were counted against the rows shown before
            self.post_message(self.FollowingChanged(self.following, 0))
        self._rows_changed()

    def rows_added(self, count: int) -> None:
        """``count`` rows joined the view (and maybe old ones left): update, follow, count."""
        if not self.following and count:
            self.unseen += count
            self.post_message(self.FollowingChanged(False, self.unseen))
        self._rows_changed()

    def names_changed(self) -> None:
        """Names were learnt: redraw the visible rows with them."""
        self._cells.clear()
        self.refresh()

    def _rows_changed(self) -> None:
        previous_top = self._top_seq()
        self.virtual_size = Size(self.size.width, len(self.view))
        if self.following:
            self._move_cursor_to(len(self.view) - 1)
            self.stick_to_bottom()
        else:
            top = self.view.position_of(previous_top) if previous_top is not None else None
            if top is not None and top != round(self.scroll_y):
                self.scroll_to(y=top, animate=False, immediate=True)
            if self._cursor_seq is not None and self.view.position_of(self._cursor_seq) is None:
                self._move_cursor_to(min(self.cursor_position or 0, len(self.view) - 1))
        self.refresh()

    def stick_to_bottom(self) -> None:
        """Scroll to the newest row now, and again once layout has settled the height."""
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.scroll_end(animate=False)

    def _top_seq(self) -> int | None:
        top = round(self.scroll_y)
        return self.view.seq_at(top) if 0 <= top < len(self.view) else None

    # Cursor -------------------------------------------------------------------------------------

    @property
    def cursor_seq(self) -> int | None:
        """The seq of the row under the cursor."""
        return self._cursor_seq

    @property
    def cursor_position(self) -> int | None:
        return None if self._cursor_seq is None else self.view.position_of(self._cursor_seq)

    @property
    def cursor_column_name(self) -> ColumnName:
        names = self.columns.names
        return names[min(self.cursor_column, len(names) - 1)]

    def _move_cursor_to(self, position: int, *, scroll: bool = False) -> None:
        if not len(self.view):
            seq = None
        else:
            position = max(0, min(position, len(self.view) - 1))
            seq = self.view.seq_at(position)
            if scroll:
                self.scroll_to_region_for(position)
        if seq != self._cursor_seq:
            self._cursor_seq = seq
            self.post_message(self.Highlighted(seq))
            self.refresh()

    def scroll_to_region_for(self, position: int) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if position < top:
            self.scroll_to(y=position, animate=False, immediate=True)
        elif position >= top + height:
            self.scroll_to(y=position - height + 1, animate=False, immediate=True)

    def _set_following(self, following: bool) -> None:
        if following == self.following:
            return
        self.following = following
        if following:
            self.unseen = 0
        self.post_message(self.FollowingChanged(following, self.unseen))

    def _step(self, rows: int) -> None:
        position = self.cursor_position
        self.go_to((len(self.view) - 1 if position is None else position) + rows)

    def go_to(self, position: int) -> None:
        """Put the cursor on the row at ``position`` in view; following only at the last row."""
        self._set_following(position >= len(self.view) - 1)
        self._move_cursor_to(position, scroll=True)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_page_up(self) -> None:
        self._step(-max(self.scrollable_content_region.height - 1, 1))

    def action_page_down(self) -> None:
        self._step(max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        self._set_following(False)
        self._move_cursor_to(0, scroll=True)

    def action_follow(self) -> None:
        """Jump to the newest row and follow again."""
        self._set_following(True)
        self._rows_changed()

    def action_cursor_left(self) -> None:
        self.cursor_column = max(self.cursor_column - 1, 0)

    def action_cursor_right(self) -> None:
        self.cursor_column = min(self.cursor_column + 1, len(self.columns.widths) - 1)

    def watch_cursor_column(self) -> None:
        self.refresh()

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self.refresh()

    # Mouse --------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        position = round(self.scroll_y) + event.y
        if position < len(self.view):
            self._set_following(position == len(self.view) - 1)
            self._move_cursor_to(position)
            column = self.columns.column_at(event.x)
            if column is not None:
                self.cursor_column = self.columns.names.index(column)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        super()._on_mouse_scroll_up(event)
        self._set_following(False)

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        super()._on_mouse_scroll_down(event)
        if round(self.scroll_y) >= self.max_scroll_y:
            self.action_follow()

    # Drawing ------------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit_columns(self.scrollable_content_region.width)
        self.virtual_size = Size(event.size.width, len(self.view))
        if self.following:
            self.stick_to_bottom()

    def cells(self, seq: int) -> RowCells:
        """The cells of row ``seq`` (cached until names change)."""
        key = (seq, self.names.version)
        cells = self._cells.get(key)
        if cells is None:
            cells = row_cells(self.store.action(seq), self.names)
            self._cells[key] = cells
        return cells

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._strips.clear()

    def _palette(self) -> dict[str, Style]:
        """The rich styles of the table and its component classes (cached until CSS changes)."""
        if self._styles is None:
            styles = {
                name: self.get_component_rich_style(name, partial=True)
                for name in self.COMPONENT_CLASSES
            }
            styles["base"] = self.rich_style
            self._styles = styles
        return self._styles

    def take_render_seconds(self) -> float:
        """Time spent drawing rows since the last call (the app paces the stream by it)."""
        seconds, self._render_seconds = self._render_seconds, 0.0
        return seconds

    def render_line(self, y: int) -> Strip:
        started = perf_counter()
        try:
            return self._render_row(y)
        finally:
            self._render_seconds += perf_counter() - started

    def _fit_columns(self, width: int) -> None:
        """Lay the columns out for ``width``, and say so when that changes their layout.

        Called from drawing too: Textual may draw at a new width before the Resize event
        arrives, and a row drawn then must not keep (or cache) the old layout.
        """
        self._columns_width = width
        columns = ColumnLayout.fit(width)
        if columns != self.columns:
            self.columns = columns
            self.post_message(self.ColumnsChanged(columns))

    def _render_row(self, y: int) -> Strip:
        position = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if width != self._columns_width:
            self._fit_columns(width)
        palette = self._palette()
        if position >= len(self.view):
            return Strip.blank(width, palette["base"])
        seq = self.view.seq_at(position)
        if not self.store.holds(seq):
            return Strip.blank(width, palette["base"])
        index = self.store.index(seq)
        time_text = self._time_text(index)
        cursor = seq == self._cursor_seq
        focus_cell = self.cursor_column if cursor and self.has_focus else -1
        marked = self.store.ids[index] in self.marks
        key = (seq, width, self.names.version, time_text, cursor, focus_cell, marked)
        strip = self._strips.get(key)
        if strip is None:
            segments = self._row_segments(seq, index, time_text, palette, cursor, focus_cell)
            if marked:
                segments[0] = Segment("◆", segments[0].style + palette["log-table--mark"])
            strip = Strip(segments).crop_extend(0, width, palette["base"])
            self._strips[key] = strip
        return strip

    def _row_segments(
        self,
        seq: int,
        index: int,
        time_text: str,
        palette: dict[str, Style],
        cursor: bool,
        focus_cell: int,
    ) -> list[Segment]:
        cells = self.cells(seq)
        base = palette["base"]
        row_style = base + palette["log-table--cursor"] if cursor else base
        flag = "!" if self.store.flagged[index] else " "
        segments = [Segment(flag, row_style + palette["log-table--flag"])]
        category = self.store.action(seq).type.category
        texts: dict[ColumnName, tuple[str, Style]] = {
            "time": (time_text, palette["log-table--time"]),
            "type": (cells.type, palette[CATEGORY_CLASSES[category]]),
            "agent": (cells.agent, palette["log-table--name"]),
            "subject": (cells.subject, palette["log-table--name"]),
            "channel": (cells.channel, palette["log-table--dim"]),
            "summary": (cells.summary, _gap_style(category, palette)),
        }
        for column_index, (name, width) in enumerate(self.columns.widths):
            text, style = texts[name]
            style = row_style + style
            if column_index == focus_cell:
                style += palette["log-table--cursor-cell"]
            segments.append(Segment(fit_cell(text, width), style))
            segments.append(Segment(" ", row_style))
        return segments

    def _time_text(self, index: int) -> str:
        return time_cell(self.store.times[index], self.time_format, self.now_ms(), self.tz)


def _gap_style(category: Category, palette: dict[str, Style]) -> Style:
    """A connection gap's summary stands out like its type; other summaries are plain."""
    return palette[CATEGORY_CLASSES[category]] if category is Category.CONNECTION else Style()
