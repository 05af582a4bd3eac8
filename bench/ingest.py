"""ingest_ratio: a bare python-socketio client against the full app, on the same burst."""

from __future__ import annotations

import asyncio
import time

import socketio

from archit_tui.gateway.standin.guilds import build_guilds

from .standin_process import BENCH_TOKEN, standin_process

GUILD = build_guilds(0)[0].id


async def bare_client_seconds(url: str, count: int, same_transport: bool = False) -> float:
    """Seconds from spectate to the ``count``-th ``log_pool`` for a client that does nothing.

    With ``same_transport``, the client decodes and dispatches as the app's does (orjson,
    messages handled inline): what is left is the app's own work.
    """
    if same_transport:
        from archit_tui.gateway.inline import InlineClient
        from archit_tui.gateway.wire_json import FastPacket

        client = InlineClient(reconnection=False, handle_sigint=False, serializer=FastPacket)
    else:
        client = socketio.AsyncClient(reconnection=False, handle_sigint=False)
    received = 0
    done = asyncio.Event()
    elevated = asyncio.Event()

    @client.on("log_pool")
    def on_log_pool(*payload: object) -> None:
        nonlocal received
        received += 1
        if received == count:
            done.set()

    @client.on("request_elevation_return")
    def on_elevated(*payload: object) -> None:
        elevated.set()

    await client.connect(url, transports=["websocket"])
    await client.emit("request_elevation", {"token": BENCH_TOKEN})
    await elevated.wait()
    started = time.perf_counter()
    await client.emit("spectate", {"guild_id": str(GUILD), "non_pool": True})
    await asyncio.wait_for(done.wait(), 600)
    elapsed = time.perf_counter() - started
    await client.disconnect()
    return elapsed


async def app_seconds(url: str, count: int) -> float:
    """Seconds from spectate to the ``count``-th row held and painted by the headless app."""
    from archit_tui.gateway.client import GatewayClient
    from archit_tui.protocol.secret import Secret

    from .apps import headless_app

    client = GatewayClient(transports=["websocket"])
    app = headless_app(url, Secret(BENCH_TOKEN), GUILD, client=client, max_actions=count * 2)
    started = 0.0
    original = client.spectate

    async def timed_spectate(guild_id: int, non_pool: bool = True) -> None:
        nonlocal started
        started = time.perf_counter()
        await original(guild_id, non_pool)

    client.spectate = timed_spectate  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        while len(app.store) < count:
            await asyncio.sleep(0.005)
        await pilot.pause()  # the frame that shows the last row
        elapsed = time.perf_counter() - started
        assert app.main.table.cursor_seq == app.store.end_seq - 1
    return elapsed


async def measure(count: int, rounds: int = 3) -> dict[str, float]:
    """Best of ``rounds`` each, interleaved (this machine is noisy)."""
    bare, same, app = [], [], []
    async with standin_process("--rate", "0", "--backlog", str(count), "--seed", "0") as url:
        await bare_client_seconds(url, count)  # warm up: the stand-in builds its history
        for _ in range(rounds):
            bare.append(await bare_client_seconds(url, count))
            same.append(await bare_client_seconds(url, count, same_transport=True))
            app.append(await app_seconds(url, count))
    return {
        "bare_s": min(bare),
        "same_transport_s": min(same),
        "app_s": min(app),
        "ratio": min(bare) / min(app),
        "same_transport_ratio": min(same) / min(app),
    }
