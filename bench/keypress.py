"""keypress_p99_ms: key press in the filter bar to repainted screen, while actions stream in."""

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

TYPED = "type:message_send,reaction_add -bot agent:a spam"


async def latencies(url: str, keys: int, warm_up: float) -> tuple[list[float], int]:
    client = GatewayClient(transports=["websocket"])
    app = headless_app(url, Secret(BENCH_TOKEN), GUILD, client=client, max_actions=1_000_000)
    painted: list[float] = []
    original_hook = app.post_display_hook

    def hook() -> None:
        painted.append(time.perf_counter())
        original_hook()

    app.post_display_hook = hook  # type: ignore[method-assign]
    results: list[float] = []
    async with app.run_test(size=(140, 40)) as pilot:
        while len(app.store) < 1_000:
            await asyncio.sleep(0.05)
        await asyncio.sleep(warm_up)
        bar = app.main.filter_bar
        await pilot.press("slash")
        text = (TYPED * (keys // len(TYPED) + 1))[:keys]
        for char in text:
            key = {" ": "space", ",": "comma", "-": "minus", ":": "colon", "_": "underscore"}
            expected = bar.input.value + char
            name = key.get(char, char)
            started = time.perf_counter()
            app.post_message(events.Key(name, char))
            while bar.input.value != expected:
                await asyncio.sleep(0.0005)
            changed = time.perf_counter()
            while not painted or painted[-1] < changed:
                await asyncio.sleep(0.0005)
            results.append(next(t for t in painted if t >= changed) - started)
            await asyncio.sleep(0.1)  # a brisk typist
        held = len(app.store)
    return results, held


async def measure(keys: int = 100, rate: int = 5_000, warm_up: float = 5.0) -> dict[str, float]:
    async with standin_process("--rate", str(rate), "--backlog", "0", "--seed", "0") as url:
        results, held = await latencies(url, keys, warm_up)
    results.sort()
    p99 = results[min(len(results) - 1, round(0.99 * (len(results) - 1)))]
    return {"p99_ms": p99 * 1000, "median_ms": statistics.median(results) * 1000, "held": held}
