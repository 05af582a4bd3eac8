"""table_speedup: the app's log table against Textual's DataTable, loading and painting rows.

Each side is timed from handing it the rows to the end of the first frame written after that
(which shows the newest row, the cursor on it): `Pilot.pause` would add its wait for the CPU to
go quiet, which counts whatever else the app does in the background.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from archit_tui.protocol.cells import row_cells, time_cell
from archit_tui.protocol.names import NameBook

from .apps import offline_app
from .data import event_batches


class StockTableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="stock")


def paints(app: App[None]) -> list[float]:
    """When each frame of ``app`` was written from now on (appended as they are)."""
    painted: list[float] = []
    original_hook = app.post_display_hook

    def hook() -> None:
        original_hook()
        painted.append(time.perf_counter())

    app.post_display_hook = hook  # type: ignore[method-assign]
    return painted


async def seconds_to_frame(painted: list[float], load: Callable[[], None]) -> float:
    """Seconds from the start of ``load()`` to the end of the next frame written."""
    started = time.perf_counter()
    load()
    loaded = time.perf_counter()
    while not painted or painted[-1] < loaded:
        await asyncio.sleep(0.0005)
    return next(t for t in painted if t >= loaded) - started


async def stock_seconds(rows: list[tuple[str, ...]]) -> float:
    app = StockTableApp()
    painted = paints(app)
    async with app.run_test(size=(160, 40)) as pilot:
        table = app.query_one(DataTable)
        table.add_columns("Time", "Type", "Agent", "Subject", "Channel", "Summary")
        await pilot.pause()

        def load() -> None:
            table.add_rows(rows)
            table.move_cursor(row=len(rows) - 1)

        elapsed = await seconds_to_frame(painted, load)
        assert table.cursor_row == len(rows) - 1
        return elapsed


async def ours_seconds(events: list) -> float:  # noqa: ANN001
    app = offline_app(max_actions=len(events))
    painted = paints(app)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        elapsed = await seconds_to_frame(painted, lambda: app.main.add_actions(events, time.time()))
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
