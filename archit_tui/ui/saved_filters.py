"""Saved filters and watch rules on the main screen.

A mixin of `MainScreen`. Saved filters come from the config file (``[[filters]]``); those turned
on (``F``) add their terms to the filter bar's, as the filter language joins terms with "and".
Those marked ``alert`` are watch rules: each batch of new rows is checked against them, and a
match rings the bell, shows a toast (at most one per rule every `TOAST_SECONDS`) and is counted
in the status bar, whatever pane has the focus.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from archit_tui.config.model import SavedFilter
from archit_tui.config.saved_filters import save_filter
from archit_tui.protocol.query import Query, QueryError, parse_query
from archit_tui.protocol.summary import summarize
from archit_tui.protocol.text import one_line

from .filtering import select_seqs
from .screens.prompt import PromptScreen
from .screens.saved_filters import SavedFiltersScreen

if TYPE_CHECKING:
    from .screens.main import MainScreen

TOAST_SECONDS = 5.0
"""A busy watch rule toasts at most this often (every match is still counted)."""


class SavedFiltersMixin:
    """Saved filters and watch rules, for `MainScreen`."""

    def init_saved_filters(self, filters: tuple[SavedFilter, ...], config_path: Path) -> None:
        self.saved_filters = list(filters)
        self.config_path = config_path
        self.enabled_filters = {saved.name for saved in filters if saved.enabled}
        self.bar_query: Query | None = None
        """The filter bar's own query (None: empty)."""
        self.alert_counts: dict[str, int] = {}
        self._alert_queries: list[tuple[SavedFilter, Query]] = []
        self._last_toast: dict[str, float] = {}

    # Filters in force ---------------------------------------------------------------------------

    def combined_query(self: MainScreen) -> Query | None:  # type: ignore[misc]
        """The filter bar's query and every saved filter turned on, all of whose terms must hold."""
        parts = [saved.query for saved in self.saved_filters if saved.name in self.enabled_filters]
        if self.bar_query is not None:
            parts.append(self.bar_query.source)
        if not parts:
            return None
        try:
            return parse_query(" ".join(parts), now_ms=self.now_ms(), tz=self.tz)
        except QueryError as error:  # checked when read; a time may have become impossible
            self.notify(f"A saved filter stopped working: {error}", severity="error", markup=False)
            return self.bar_query

    def apply_filters(self: MainScreen) -> None:  # type: ignore[misc]
        """Filter the rows by the filter bar and the saved filters turned on."""
        self.filter_rows(self.combined_query())

    def action_saved_filters(self: MainScreen) -> None:  # type: ignore[misc]
        """The saved filters: toggle them, or save the filter bar's query."""

        def changed(enabled: set[str]) -> None:
            self.enabled_filters = enabled
            self.apply_filters()

        self.app.push_screen(
            SavedFiltersScreen(
                self.saved_filters,
                self.enabled_filters,
                self.alert_counts,
                changed,
                self.save_current_filter,
            )
        )

    @work(group="save-filter", exclusive=True, exit_on_error=False)
    async def save_current_filter(self: MainScreen) -> None:  # type: ignore[misc]
        """Ask for a name, and keep the filter bar's query under it in the config file."""
        if self.bar_query is None:
            self.notify("The filter bar is empty: type a filter first, then save it.")
            return
        query = self.bar_query.source
        name = await self.app.push_screen(
            PromptScreen(
                f"Save “{one_line(query, 200)}” as", f"A name; it is added to {self.config_path}"
            ),
            wait_for_dismiss=True,
        )
        if not name or not name.strip():
            return
        saved = SavedFilter(name.strip(), query, enabled=False, alert=False)
        problem = save_filter(self.config_path, saved)
        if problem:
            self.notify(problem, title="Saved filters", severity="error", markup=False)
            return
        self.saved_filters.append(saved)
        self.notify(
            f"Saved {saved.name!r} in {self.config_path} (F lists saved filters).", markup=False
        )

    # Watch rules --------------------------------------------------------------------------------

    def refresh_alert_queries(self: MainScreen) -> None:  # type: ignore[misc]
        """Parse the watch rules against now (``after:10m`` slides along)."""
        now_ms, tz = self.now_ms(), self.tz
        self._alert_queries = [
            (saved, parse_query(saved.query, now_ms=now_ms, tz=tz))
            for saved in self.saved_filters
            if saved.alert
        ]

    def check_alerts(self: MainScreen, first_index: int) -> None:  # type: ignore[misc]
        """Count new rows (from store index ``first_index``) that a watch rule matches.

        Not in a replay: history is not news (its rows still filter by the rules).
        """
        if self.app.replay_path is not None:  # type: ignore[attr-defined]
            return
        for saved, query in self._alert_queries:
            seqs = select_seqs(query, self.store, self.names, first_index)
            if not seqs:
                continue
            self.alert_counts[saved.name] = self.alert_counts.get(saved.name, 0) + len(seqs)
            self.status.alerts += len(seqs)
            now = time.monotonic()
            if now - self._last_toast.get(saved.name, -TOAST_SECONDS) >= TOAST_SECONDS:
                self._last_toast[saved.name] = now
                self.app.bell()
                latest = one_line(summarize(self.store.action(seqs[-1]), self.names), 120)
                more = f" (+{len(seqs) - 1:,} more)" if len(seqs) > 1 else ""
                self.notify(
                    latest + more, title=f"⚑ {saved.name}", severity="warning", markup=False
                )
