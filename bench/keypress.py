"""keypress_p99_ms: key press in the filter bar to the screen that shows its effect, while actions
stream in.

Each key changes the query: the time runs from posting the key to the end of the first frame
written after its effect was ready, which is the first screen of the new filter's matches (or,
for a query that does not parse, the mistake underlined).
"""

from __future__ import annotations

import asyncio
import statistics
import time

from textual import events

from archit_tui.gateway.client import GatewayClient
from archit_tui.protocol.secret import Secret

from .apps import headless_app
from .ingest import GUILD
from .standin_process import BENCH_TOKEN, standin_process
from .table import paints

TYPED = "type:message_send,reaction_add -bot agent:a spam"
KEY_NAMES = {" ": "space", ",": "comma", "-": "minus", ":": "colon", "_": "underscore"}


async def latencies(url: str, keys: int, warm_up: float) -> tuple[list[float], int]:
    client = GatewayClient(transports=["websocket"])
    app = headless_app(url, Secret(BENCH_TOKEN), GUILD, client=client, max_actions=1_000_000)
    painted = paints(app)
    results: list[float] = []
    async with app.run_test(size=(140, 40)) as pilot:
        while len(app.store) < 1_000:
            await asyncio.sleep(0.05)
        await asyncio.sleep(warm_up)
        main, bar = app.main, app.main.filter_bar
        shown: list[float] = []
        show_first, show_error = main._show_first_screen, bar._show_error  # noqa: SLF001

        def first_screen(seqs: list[int]) -> None:
            show_first(seqs)
            shown.append(time.perf_counter())

        def error_shown(error: object) -> None:
            show_error(error)  # type: ignore[arg-type]
            if error is not None:
                shown.append(time.perf_counter())

        main._show_first_screen = first_screen  # type: ignore[method-assign]  # noqa: SLF001
        bar._show_error = error_shown  # type: ignore[method-assign]  # noqa: SLF001
        await pilot.press("slash")
        text = (TYPED * (keys // len(TYPED) + 1))[:keys]
        for char in text:
            shown.clear()
            started = time.perf_counter()
            app.post_message(events.Key(KEY_NAMES.get(char, char), char))
            while not shown:
                await asyncio.sleep(0.0005)
            ready = shown[0]
            while not painted or painted[-1] < ready:
                await asyncio.sleep(0.0005)
            results.append(next(t for t in painted if t >= ready) - started)
            await asyncio.sleep(0.1)  # a brisk typist
        held = len(app.store)
    return results, held


async def measure(keys: int = 100, rate: int = 5_000, warm_up: float = 5.0) -> dict[str, float]:
    async with standin_process("--rate", str(rate), "--backlog", "0", "--seed", "0") as url:
        results, held = await latencies(url, keys, warm_up)
    results.sort()
    p99 = results[min(len(results) - 1, round(0.99 * (len(results) - 1)))]
    return {"p99_ms": p99 * 1000, "median_ms": statistics.median(results) * 1000, "held": held}
