"""Filtering the main screen's rows: by the filter in force, and by the cell under the cursor.

A mixin of `MainScreen`. The newest screenful of matches shows at once, in the frame of the key
press that asked for it; the rest are counted in a worker (`filtering.all_matches`) that a newer
filter cancels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from archit_tui.protocol.mentions import MENTION
from archit_tui.protocol.query import Query, term_for
from archit_tui.protocol.snowflake import unix_ms_to_datetime
from archit_tui.protocol.text import one_line
from archit_tui.protocol.views import MatchingRows

from .filtering import all_matches, newest_matches
from .widgets.columns import ColumnName

if TYPE_CHECKING:
    from .screens.main import MainScreen


CELL_PHRASE_LIMIT = 60
"""Characters of a message kept when filtering by the summary cell (a phrase matches within)."""


def matches_text(count: int) -> str:
    """``1 match``, ``1,234 matches``."""
    return f"{count:,} match" if count == 1 else f"{count:,} matches"


def plain_phrase(content: str, limit: int) -> str:
    """The longest stretch of ``content`` without mentions, cut at a word: a phrase to match."""
    marked = MENTION.sub("\x00", content[: limit * 8])
    pieces = [one_line(piece) for piece in marked.split("\x00")]
    longest = max((piece for piece in pieces if piece), key=len, default="")
    if len(longest) > limit:
        longest = longest[:limit].rsplit(" ", 1)[0] if " " in longest[:limit] else longest[:limit]
    return longest.strip()


class FilterRowsMixin:
    """The filter in force and filters by cell, for `MainScreen`."""

    @property
    def _filtering(self: MainScreen) -> bool:  # type: ignore[misc]
        """The matches of the filter in force are still being counted."""
        return self._counting != 0

    def filter_rows(self: MainScreen, query: Query | None) -> None:  # type: ignore[misc]
        """Show the rows ``query`` lets through (every row if None).

        The newest screenful of matches shows at once, with the key press that asked for it;
        all of them once counted, without blocking the screen.
        """
        self.query_in_force = query
        self.only_marked = False
        self.stop_counting()
        if query is None:
            self.filter_bar.count_text = ""
            self._install(None)
            return
        screenful = max(self.table.size.height, 1)
        self._show_first_screen(newest_matches(query, self.store, self.names, screenful))
        self._counting = self._filters_run
        self._count_matches(query, self._counting)

    def stop_counting(self: MainScreen) -> None:  # type: ignore[misc]
        """Let the count of matches under way go: its rows are not wanted any more."""
        self._filters_run += 1
        self._counting = 0
        self.workers.cancel_group(self, "filter")

    @work(exclusive=True, group="filter", exit_on_error=False)
    async def _count_matches(self: MainScreen, query: Query, number: int) -> None:
        try:
            matches = await all_matches(query, self.store, self.names)
        finally:
            if self._counting == number:
                self._counting = 0
        if self._filters_run == number:
            self._install(matches)

    def _show_first_screen(self: MainScreen, seqs: list[int]) -> None:  # type: ignore[misc]
        self.table.set_view(MatchingRows(seqs))
        self.filter_bar.count_text = f"{matches_text(len(seqs))} so far, counting…"

    def action_filter_by_cell(  # type: ignore[misc]
        self: MainScreen, exclude: bool = False
    ) -> None:
        """Add a term that keeps (or, with ``exclude``, drops) rows with this cell's value.

        On the time column it keeps the rows from that second on (or, excluded, before it).
        """
        seq = self.table.cursor_seq
        if seq is None:
            return
        term = self._cell_term(seq, self.table.cursor_column_name)
        if term is None:
            self.notify("That cell is empty.", severity="warning")
            return
        current = self.filter_bar.input.value.strip()
        self.filter_bar.set_query_text(f"{current} {'-' if exclude else ''}{term}".strip())

    def _cell_term(  # type: ignore[misc]
        self: MainScreen, seq: int, column: ColumnName
    ) -> str | None:
        index = self.store.index(seq)
        if column == "type":
            return term_for("type", self.store.numbers[index])
        if column == "time":
            moment = unix_ms_to_datetime(self.store.times[index] // 1000 * 1000)
            return "after:" + moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        if column == "summary":
            phrase = plain_phrase(self.store.action(seq).content or "", CELL_PHRASE_LIMIT)
            return term_for("text", phrase) if phrase else None
        ids = {"agent": self.store.agents, "subject": self.store.subjects}
        entity_id = ids.get(column, self.store.channels)[index]
        return term_for(column, entity_id) if entity_id else None  # type: ignore[arg-type]
