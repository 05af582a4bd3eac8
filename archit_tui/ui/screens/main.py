"""The main screen: filter bar, log table with its header, detail pane and status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from time import monotonic

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from archit_tui.config.model import SavedFilter
from archit_tui.gateway.state import Phase
from archit_tui.protocol.cells import TimeFormat
from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.marks import Marks
from archit_tui.protocol.models import LogPoolEvent
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.query import Query
from archit_tui.protocol.rate import ActionRate
from archit_tui.protocol.rate_history import RateHistory
from archit_tui.protocol.views import AllRows, MatchingRows, RowView, SortedRows

from ..chat.column import ChatColumn
from ..exporting import ExportMixin
from ..filter_rows import FilterRowsMixin, matches_text
from ..filtering import select_seqs
from ..frames import PromptFrames
from ..navigation import NAVIGATION_BINDINGS, NavigationMixin
from ..saved_filters import SavedFiltersMixin
from ..sorting import sort_key
from ..widgets.columns import ColumnHeader, ColumnName
from ..widgets.detail_pane import DetailPane, pretty_json
from ..widgets.filter_bar import FilterBar
from ..widgets.log_table import LogTable
from ..widgets.status_bar import StatusBar

HOUSEKEEPING_SECONDS = 0.1
INDEX_ROWS_PER_STEP = 4_000
"""Rows whose search text is made per step: a few ms, so keys never wait long for it."""
COMPACT_CHUNKS_PER_STEP = 8
"""Payload chunks compressed per step (2-3 ms): 10,000 rows a second, ahead of the stream."""
DETAIL_FOLLOW_SECONDS = 1.0
"""While following, the detail pane shows the newest row at most once a second."""
RETIME_TICKS = 15
"""Every this many seconds a filter with times is re-read, so ``after:10m`` slides."""
WIDE = 140
"""From this width the detail pane sits beside the table, else below it."""

DEMO_HINT = "Demo: a built-in stand-in gateway. For a real guild: `archit-tui config init`."
"""One line in 80 columns; the config template says the rest (gateway_url, token_file)."""


class MainScreen(
    PromptFrames, FilterRowsMixin, NavigationMixin, ExportMixin, SavedFiltersMixin, Screen[None]
):
    """Where a moderator lives: the guild's log actions, filtered and inspected."""

    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="focus_filter"),
        Binding("escape", "leave_filter", "Table", show=False, id="leave_filter"),
        Binding("equals_sign", "filter_by_cell", "Match cell", show=False, id="filter_by_cell"),
        Binding("minus", "filter_by_cell(True)", "Exclude cell", show=False, id="exclude_cell"),
        Binding("s", "sort", "Sort", id="sort"),
        Binding("d", "toggle_detail", "Detail", id="toggle_detail"),
        Binding("c", "copy_raw", "Copy raw", show=False, id="copy_raw"),
        Binding("t", "toggle_chat", "Chat", id="toggle_chat"),
        Binding("f2", "toggle_inspector", "Raw events", show=False, id="toggle_inspector"),
        *NAVIGATION_BINDINGS,
        Binding("e", "export('view')", "Export", id="export"),
        Binding("F", "saved_filters", "Saved filters", show=False, id="saved_filters"),
    ]
    TABLE_ACTIONS = frozenset(
        {"filter_by_cell", "sort", "copy_raw", "toggle_detail"}
        | {binding.action.split("(")[0] for binding in NAVIGATION_BINDINGS}
        | {"export"}
    )
    """Actions on the log table's rows: off while the chat has the focus (its keys are text)."""

    def __init__(
        self,
        store: ActionStore,
        names: NameBook,
        *,
        time_format: TimeFormat,
        now_ms: Callable[[], int],
        tz: tzinfo,
        demo: bool,
        chat: ChatColumn,
        marks: Marks | None = None,
        saved_filters: tuple[SavedFilter, ...] = (),
        config_path: Path = Path("config.toml"),
    ) -> None:
        super().__init__()
        self.init_saved_filters(saved_filters, config_path)
        self.marks = marks if marks is not None else Marks()
        """Rows the moderator set aside (saved beside a capture, if there is one)."""
        self.only_marked = False
        """True while only marked rows are shown (`action_only_marked`)."""
        self.chat = chat
        self.store = store
        self.names = names
        self.time_format = time_format
        self.now_ms = now_ms
        self.tz = tz
        self.demo = demo
        self.query_in_force: Query | None = None
        """The filter applied to the table; None shows every row."""
        self.sort_column: ColumnName | None = None
        self.sort_reverse = False
        self._counting = 0
        """The number of the filter whose matches are being counted; 0 when none is."""
        self._filters_run = 0
        self._first_layout = True
        self._detail_timer: Timer | None = None
        self._detail_shown_at = -DETAIL_FOLLOW_SECONDS
        self._ticks = 0
        self._rate = ActionRate()
        self._history = RateHistory()
        # Kept as attributes: the stream keeps updating them, even while the screen closes.
        self.filter_bar = FilterBar(now_ms, tz, id="filter-bar")
        self.table = LogTable(
            store,
            names,
            time_format=time_format,
            now_ms=now_ms,
            tz=tz,
            marks=self.marks,
            id="log-table",
        )
        self.status = StatusBar(id="status-bar")
        self.header = ColumnHeader(id="column-header")
        self.detail = DetailPane(names, now_ms, tz, id="detail")

    def compose(self) -> ComposeResult:
        if self.demo:
            yield Static(DEMO_HINT, id="demo-hint", markup=False)
        yield self.filter_bar
        with Container(id="body"):
            with Vertical(id="log-pane"):
                yield self.header
                yield self.table
            yield self.detail
            yield self.chat
        yield self.status
        yield Footer()

    def on_mount(self) -> None:
        self.status.demo = self.demo
        self.status.max_actions = self.store.max_actions
        self.status.marked = len(self.marks)
        self.refresh_alert_queries()
        if self.enabled_filters:
            self.apply_filters()
        self.table.focus()
        self.set_interval(1.0, self._tick)
        self.set_interval(HOUSEKEEPING_SECONDS, self._housekeeping)

    # Rows in ------------------------------------------------------------------------------------

    def add_actions(self, events: list[LogPoolEvent], now: float) -> None:
        """Hold ``events`` and show the ones the filter lets through; one update per batch."""
        added = self.store.add(events)
        now_ms = int(now * 1000)
        first_new = max(added.first_seq - self.store.first_seq, 0)
        self._rate.add(self.store.times[first_new:], now_ms)
        self._history.add(self.store.times[first_new:], self.store.numbers[first_new:], now_ms)
        view = self.table.view
        view.forget_before(self.store.first_seq)
        new = 0
        if added.count and not self._filtering and not isinstance(view, AllRows):
            first_index = added.first_seq - self.store.first_seq
            seqs = (
                []  # new rows are never marked yet
                if self.only_marked
                else select_seqs(self.query_in_force, self.store, self.names, max(first_index, 0))
                if self.query_in_force is not None
                else list(range(max(added.first_seq, self.store.first_seq), self.store.end_seq))
            )
            view.add(seqs)
            new = len(seqs)
        elif isinstance(view, AllRows):
            new = added.count
        self.table.rows_added(new)
        if added.count:
            self.check_alerts(max(added.first_seq - self.store.first_seq, 0))
        self._update_counts()
        self.status.rate = self._rate.per_second(now_ms)

    def _update_counts(self) -> None:
        status = self.status
        status.held = len(self.store)
        status.shown = len(self.table.view)
        status.dropped = self.store.dropped
        if self.query_in_force is not None and not self._filtering:
            saved_on = len(self.enabled_filters)
            also = f" · {saved_on} saved filter{'s' if saved_on > 1 else ''} on" if saved_on else ""
            self.filter_bar.count_text = matches_text(len(self.table.view)) + also

    def _tick(self) -> None:
        """Once a second: let the rate decay when quiet, and age relative times."""
        self.status.rate = self._rate.per_second(self.now_ms())
        self.status.sparklines = self._history.lines(self.now_ms())
        if self.status.state.phase is Phase.RECONNECTING:
            self.status.refresh()  # the countdown moves on
        self._ticks += 1
        if self._ticks % RETIME_TICKS == 0:
            self.filter_bar.refresh_times()
            self.refresh_alert_queries()
        if self.time_format == "relative":
            self.table.refresh()
        if self.table.following:  # a layout may have come after the last scroll
            self.table.stick_to_bottom()
        if self.detail_shown:
            self._show_detail(self.table.cursor_seq)  # "12 s ago" moves on too

    def _housekeeping(self) -> None:
        """Index new rows' text and compress old payloads, a few milliseconds at a time."""
        self.store.index_texts(INDEX_ROWS_PER_STEP)
        self.store.compact(limit=COMPACT_CHUNKS_PER_STEP)

    def clear_rows(self) -> None:
        """Forget every row (another guild is about to be spectated)."""
        self.store.clear()
        self._rate.clear()
        self._history.clear()
        self._install(self._rows_matching_nothing_yet())
        self._update_counts()

    def _rows_matching_nothing_yet(self) -> list[int] | None:
        """The view of an empty store: every row, or none yet under a filter."""
        return None if self.query_in_force is None else []

    # Filter -------------------------------------------------------------------------------------

    @on(FilterBar.Changed)
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        self.bar_query = None if event.query.is_empty else event.query
        self.apply_filters()

    def _install(self, matches: list[int] | None) -> None:
        """Show ``matches`` (every row if None) in the current sort order."""
        view: RowView
        if self.sort_column is None:
            view = AllRows(self.store) if matches is None else MatchingRows(matches)
        else:
            seqs = range(self.store.first_seq, self.store.end_seq) if matches is None else matches
            key = sort_key(self.sort_column, self.store, self.names)
            view = SortedRows(seqs, key, reverse=self.sort_reverse)
        self.table.set_view(view)
        self._update_counts()

    def action_focus_filter(self) -> None:
        self.filter_bar.input.focus()

    def action_leave_filter(self) -> None:
        self.table.focus()

    @on(FilterBar.Done)
    def _filter_done(self) -> None:
        self.table.focus()

    # Sort ---------------------------------------------------------------------------------------

    @on(ColumnHeader.Clicked)
    def _header_clicked(self, event: ColumnHeader.Clicked) -> None:
        self._sort_by(event.column)

    def action_sort(self) -> None:
        """Sort by the cursor's column; again to reverse; a third time for arrival order."""
        self._sort_by(self.table.cursor_column_name)

    def _sort_by(self, column: ColumnName) -> None:
        if self.sort_column != column:
            self.sort_column, self.sort_reverse = column, False
        elif not self.sort_reverse:
            self.sort_reverse = True
        else:
            self.sort_column, self.sort_reverse = None, False
        header = self.header
        header.sort_column, header.sort_reverse = self.sort_column, self.sort_reverse
        view = self.table.view
        matches = None if isinstance(view, AllRows) else [view.seq_at(i) for i in range(len(view))]
        if matches is not None and self.query_in_force is None:
            matches = None
        if matches is not None:
            matches.sort()
        self._install(matches)

    # Detail -------------------------------------------------------------------------------------

    @on(LogTable.Highlighted)
    def _row_highlighted(self, event: LogTable.Highlighted) -> None:
        if not self.table.following:
            self._show_detail(event.seq)  # the user moved: show it at once
            return
        # A followed stream moves the cursor every frame: a detail costs a frame, so at most 1/s.
        if self._detail_timer is None:
            wait = self._detail_shown_at + DETAIL_FOLLOW_SECONDS - monotonic()
            if wait <= 0:
                self._show_followed()
            else:
                self._detail_timer = self.set_timer(wait, self._show_followed)

    def _show_followed(self) -> None:
        self._detail_timer = None
        self._detail_shown_at = monotonic()
        self._show_detail(self.table.cursor_seq)

    @property
    def detail_shown(self) -> bool:
        """The detail pane is asked for, and the chat does not take its place."""
        return self.has_class("-detail") and not self.has_class("-chat")

    def _show_detail(self, seq: int | None) -> None:
        detail = self.detail
        if not self.detail_shown:
            return
        if seq is None or not self.store.holds(seq):
            detail.show(None)
        else:
            detail.show(self.store.action(seq), self.store.raw(seq))

    async def action_toggle_detail(self) -> None:
        if self.has_class("-chat"):
            await self.action_toggle_chat()  # the detail pane takes the chat's place
            self.add_class("-detail")
        else:
            self.toggle_class("-detail")
        self._show_detail(self.table.cursor_seq)

    def action_copy_raw(self) -> None:
        seq = self.table.cursor_seq
        if seq is None or not self.store.holds(seq):
            self.notify("No row is selected.", severity="warning")
            return
        text = pretty_json(self.store.raw(seq))
        self.app.copy_to_clipboard(text)
        self.notify(
            f"Sent the raw payload ({len(text):,} characters) to the clipboard. "
            "(Through the terminal: it must allow clipboard writes, OSC 52.)"
        )

    @on(LogTable.FollowingChanged)
    def _following_changed(self, event: LogTable.FollowingChanged) -> None:
        self.status.unseen = None if event.following else event.unseen

    # Chat ---------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.TABLE_ACTIONS and self.chat in (
            self.focused.ancestors_with_self if self.focused else ()
        ):
            return False
        return True

    async def action_toggle_chat(self) -> None:
        """Show the mock chat beside the table (over it on narrow terminals), or hide it."""
        await self.chat.ready()
        self.toggle_class("-chat")
        self._place_chat()
        if self.has_class("-chat"):
            self.chat.pane.composer.focus()
        else:
            self.table.focus()
            self._show_detail(self.table.cursor_seq)

    async def action_toggle_inspector(self) -> None:
        if not self.has_class("-chat"):
            await self.action_toggle_chat()
        self.chat.toggle_inspector()

    def _place_chat(self) -> None:
        self.set_class(self.has_class("-chat") and not self.has_class("-wide"), "-chat-only")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.app.worker_failed(event.worker)  # type: ignore[attr-defined]

    # Layout -------------------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        wide = event.size.width >= WIDE
        if self._first_layout:
            self._first_layout = False
            self.set_class(wide, "-detail")  # room to spare: show details at once
        self.set_class(wide, "-wide")
        self._place_chat()

    @on(LogTable.ColumnsChanged)
    def _columns_changed(self, event: LogTable.LayoutChanged) -> None:
        self.header.columns = event.columns
