"""table_speedup: the app's log table against Textual's DataTable, loading and painting rows."""

from __future__ import annotations

import asyncio
import time

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from archit_tui.protocol.cells import row_cells, time_cell
from archit_tui.protocol.names import NameBook

from .apps import offline_app
from .data import event_batches


class StockTableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="stock")


async def stock_seconds(rows: list[tuple[str, ...]]) -> float:
    app = StockTableApp()
    async with app.run_test(size=(160, 40)) as pilot:
        table = app.query_one(DataTable)
        table.add_columns("Time", "Type", "Agent", "Subject", "Channel", "Summary")
        await pilot.pause()
        started = time.perf_counter()
        table.add_rows(rows)
        table.move_cursor(row=len(rows) - 1)
        await pilot.pause()
        return time.perf_counter() - started


async def ours_seconds(events: list) -> float:  # noqa: ANN001
    app = offline_app(max_actions=len(events))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        app.main.add_actions(events, time.time())
        await pilot.pause()
        elapsed = time.perf_counter() - started
        assert app.main.table.cursor_seq == app.store.end_seq - 1
    return elapsed


def measure(count: int) -> dict[str, float]:
    events = [event for batch in event_batches(count) for event in batch]
    names = NameBook()
    rows = []
    for event in events:
        cells = row_cells(event.action, names)
        when = time_cell(event.action.timestamp_ms, "utc", 0, None)  # type: ignore[arg-type]
        rows.append((when, cells.type, cells.agent, cells.subject, cells.channel, cells.summary))
    ours = asyncio.run(ours_seconds(events))
    stock = asyncio.run(stock_seconds(rows))
    return {"ours_s": ours, "stock_s": stock, "speedup": stock / ours}
