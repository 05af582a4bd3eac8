"""Finding things fast on the main screen: jump keys, time steps, go to time, and marks.

A mixin of `MainScreen` (its bindings are listed in `NAVIGATION_BINDINGS`, which the screen
adds to its own). The searching itself is `protocol.navigation`, over the store's columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding

from archit_tui.protocol.navigation import (
    GOTO_HINT,
    RowTest,
    at_or_after,
    at_or_before,
    by_agent,
    find_row,
    moderation,
    parse_goto,
)
from archit_tui.protocol.query.times import TimeError

from .screens.prompt import PromptScreen

if TYPE_CHECKING:
    from .screens.main import MainScreen

MINUTE_MS = 60_000
HOUR_MS = 3_600_000

NAVIGATION_BINDINGS = [
    Binding(
        "n",
        "next_moderation(1)",
        "Next mod",
        tooltip="Next ban, kick, deletion, role change",
        id="next_moderation",
    ),
    Binding("N", "next_moderation(-1)", "Previous mod", show=False, id="previous_moderation"),
    Binding("a", "next_by_agent(1)", "Same agent", show=False, id="next_by_agent"),
    Binding("A", "next_by_agent(-1)", "Same agent, back", show=False, id="previous_by_agent"),
    Binding("right_square_bracket", "step_time(60000)", "+1 minute", show=False, id="minute_later"),
    Binding(
        "left_square_bracket", "step_time(-60000)", "-1 minute", show=False, id="minute_earlier"
    ),
    Binding("right_curly_bracket", "step_time(3600000)", "+1 hour", show=False, id="hour_later"),
    Binding("left_curly_bracket", "step_time(-3600000)", "-1 hour", show=False, id="hour_earlier"),
    Binding("at", "go_to_time", "Go to time", show=False, id="go_to_time"),
    Binding("m", "toggle_mark", "Mark", id="toggle_mark"),
    Binding("apostrophe", "next_mark(1)", "Next mark", show=False, id="next_mark"),
    Binding("quotation_mark", "next_mark(-1)", "Previous mark", show=False, id="previous_mark"),
    Binding("M", "only_marked", "Only marked", show=False, id="only_marked"),
]


class NavigationMixin:
    """Jumps, time steps and marks, for `MainScreen`."""

    def _jump(self: MainScreen, step: int, wanted: RowTest, what: str) -> None:  # type: ignore[misc]
        table = self.table
        position = find_row(table.view, self.store, table.cursor_position, step, wanted)
        if position is None:
            where = "below" if step > 0 else "above"
            self.notify(f"No {what} {where}.", timeout=2)
            return
        table.go_to(position)

    def action_next_moderation(self: MainScreen, step: int) -> None:  # type: ignore[misc]
        """The next (``step`` 1) or previous (-1) ban, kick, deletion or role change."""
        self._jump(step, moderation(self.store), "moderation action")

    def action_next_by_agent(self: MainScreen, step: int) -> None:  # type: ignore[misc]
        """The next or previous action by the selected row's agent."""
        seq = self.table.cursor_seq
        agent = self.store.action(seq).agent_id if seq is not None else None
        if not agent:
            self.notify("The selected row has no agent.", timeout=2)
            return
        name = self.names.member_name(agent) or str(agent)
        self._jump(step, by_agent(self.store, agent), f"action by {name}")

    def action_step_time(self: MainScreen, step_ms: int) -> None:  # type: ignore[misc]
        """The first row a minute or an hour later (or the last one that much earlier)."""
        seq = self.table.cursor_seq
        if seq is None:
            return
        target = self.store.action(seq).timestamp_ms + step_ms
        if step_ms > 0:
            self._jump(1, at_or_after(self.store, target), "row that much later")
        else:
            self._jump(-1, at_or_before(self.store, target), "row that much earlier")

    @work(group="go-to-time", exclusive=True, exit_on_error=False)
    async def action_go_to_time(self: MainScreen) -> None:  # type: ignore[misc]
        """Ask for a time ("14:05", "10 minutes ago", "+1h") and put the cursor there."""
        answer = await self.app.push_screen(
            PromptScreen("Go to time", GOTO_HINT), wait_for_dismiss=True
        )
        if not answer:
            return
        seq = self.table.cursor_seq
        cursor_ms = self.store.action(seq).timestamp_ms if seq is not None else None
        try:
            target = parse_goto(answer, cursor_ms=cursor_ms, now_ms=self.now_ms(), tz=self.tz)
        except TimeError as error:
            self.notify(str(error), title="Go to time", severity="error", markup=False)
            return
        view = self.table.view
        if not len(view):
            return
        position = find_row(view, self.store, None, 1, at_or_after(self.store, target))
        if position is None:
            self.notify("Every row shown is before that time; the cursor is on the last.")
            position = len(view) - 1
        elif position == 0 and self.store.times[self.store.index(view.seq_at(0))] > target:
            self.notify("Every row shown is after that time; the cursor is on the first.")
        self.table.go_to(position)

    # Marks --------------------------------------------------------------------------------------

    def action_toggle_mark(self: MainScreen) -> None:  # type: ignore[misc]
        """Mark the selected row, or unmark it."""
        seq = self.table.cursor_seq
        if seq is None:
            return
        self.marks.toggle(self.store.action(seq).id)
        if self.marks.problem:
            self.notify(self.marks.problem, severity="error", markup=False)
            self.marks.problem = None
        self.status.marked = len(self.marks)
        self.table.refresh()

    def action_next_mark(self: MainScreen, step: int) -> None:  # type: ignore[misc]
        ids, marks = self.store.ids, self.marks
        self._jump(step, lambda index: ids[index] in marks, "marked row")

    def action_only_marked(self: MainScreen) -> None:  # type: ignore[misc]
        """Show only the marked rows, or everything the filter lets through again."""
        if not self.only_marked:
            self.stop_counting()
            self.only_marked = True
            ids, marks, first = self.store.ids, self.marks, self.store.first_seq
            self._install([first + i for i, action_id in enumerate(ids) if action_id in marks])
            self.notify("Only marked rows: M shows the others again.", timeout=3)
        else:
            self.filter_rows(self.query_in_force)
