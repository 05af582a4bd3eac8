"""filter_first_screen_ms / filter_full_ms: a filter over 1,000,000 held actions, key to screen."""

from __future__ import annotations

import asyncio
import time

from .apps import offline_app
from .data import event_batches

QUERIES = {"word": "lol", "field": "type:ban,kick", "regex": "/ra+id/"}


async def _timings(count: int) -> dict[str, tuple[float, float, int]]:
    app = offline_app(max_actions=count)
    painted: list[float] = []
    original_hook = app.post_display_hook

    def hook() -> None:
        painted.append(time.perf_counter())
        original_hook()

    app.post_display_hook = hook  # type: ignore[method-assign]
    results = {}
    async with app.run_test(size=(140, 40)) as pilot:
        main = app.main
        for batch in event_batches(count, batch=20_000):
            main.add_actions(batch, time.time())
            await pilot.pause()
        app.store.index_texts(count)  # what the app's housekeeping does while rows arrive
        while app.store.compact(limit=64):
            pass
        await pilot.pause()
        shown_first: list[float] = []
        original_first = main._show_first_screen  # noqa: SLF001

        def first(seqs: list[int]) -> None:
            original_first(seqs)
            shown_first.append(time.perf_counter())

        main._show_first_screen = first  # type: ignore[method-assign]  # noqa: SLF001
        bar = main.filter_bar
        await pilot.press("slash")
        for name, query in QUERIES.items():
            shown_first.clear()
            started = time.perf_counter()
            bar.set_query_text(query)
            while not shown_first:
                await asyncio.sleep(0.0005)
            first_paint = await _next_paint(painted, shown_first[0])
            while bar.applied is None or bar.applied.source != query or main._filtering:  # noqa: SLF001
                await asyncio.sleep(0.0005)
            done = time.perf_counter()
            full_paint = await _next_paint(painted, done)
            results[name] = (first_paint - started, full_paint - started, len(main.table.view))
            bar.set_query_text("")
            await pilot.pause(0.5)
    return results


async def _next_paint(painted: list[float], after: float) -> float:
    while not painted or painted[-1] < after:
        await asyncio.sleep(0.0005)
    return next(t for t in painted if t >= after)


def measure(count: int) -> dict[str, dict[str, float]]:
    timings = asyncio.run(_timings(count))
    return {
        name: {"first_ms": first * 1000, "full_ms": full * 1000, "matches": matches}
        for name, (first, full, matches) in timings.items()
    }
