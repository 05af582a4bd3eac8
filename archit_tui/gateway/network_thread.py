"""The socket on a thread of its own, so that a busy stream never delays a key press.

A guild streaming thousands of actions a second keeps an event loop busy receiving and parsing;
on the UI's loop, key presses would queue behind them. Here the gateway client (and the demo's
stand-in) run on their own asyncio loop in a daemon thread. The UI awaits the client's methods
through `RemoteClient`, and takes events from a `CrossThreadStream`; the network thread calls
nothing on the UI's side but ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from collections.abc import Coroutine
from typing import Any, TypeVar

from archit_tui.protocol.models import ElevationResult, EntityKind
from archit_tui.protocol.secret import Secret

from .client import GatewayClient
from .events import GatewayEvent, WireLog
from .pools import PoolResult
from .state import ConnectionState

T = TypeVar("T")


class NetworkThread:
    """An asyncio event loop running in a daemon thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="archit-tui network", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    async def call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run ``coroutine`` on the network loop; await its result from another loop."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coroutine, self.loop))

    def stop(self) -> None:
        """Stop the loop and wait for the thread (call after everything on it has closed)."""
        if self._thread.is_alive():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=5)


class CrossThreadStream:
    """The client's event stream, filled on the network thread, read on the UI's loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._items: deque[GatewayEvent] = deque()
        self._ready = asyncio.Event()
        self._woken = False

    def put(self, event: GatewayEvent) -> None:
        """From any thread."""
        self._items.append(event)
        if not self._woken:
            self._woken = True
            self._loop.call_soon_threadsafe(self._ready.set)

    def __len__(self) -> int:
        return len(self._items)

    def drain(self) -> list[GatewayEvent]:
        """Everything queued now (on the UI's loop)."""
        self._woken = False  # first: an event put from here on wakes the reader again
        items = []
        pop = self._items.popleft
        while True:
            try:
                items.append(pop())
            except IndexError:
                break
        self._ready.clear()
        return items

    async def next_batch(self) -> list[GatewayEvent]:
        """Wait for at least one event, then return all that are queued."""
        while True:
            items = self.drain()
            if items:
                return items
            await self._ready.wait()


class RemoteClient:
    """A `GatewayClient` on the network thread, driven from the UI's loop."""

    def __init__(self, client: GatewayClient, network: NetworkThread) -> None:
        self._client = client
        self.network = network
        self.events = CrossThreadStream(asyncio.get_running_loop())
        client.events = self.events  # type: ignore[assignment]

    @property
    def state(self) -> ConnectionState:
        return self._client.state

    @property
    def wire(self) -> WireLog:
        return self._client.wire

    @property
    def reconnects(self) -> int:
        return self._client.reconnects

    async def connect(self, url: str) -> None:
        await self.network.call(self._client.connect(url))

    async def elevate(self, token: str | Secret) -> ElevationResult:
        return await self.network.call(self._client.elevate(token))

    async def spectate(self, guild_id: int, non_pool: bool = True) -> None:
        await self.network.call(self._client.spectate(guild_id, non_pool))

    async def request_pool(
        self, kind: EntityKind, guild_id: int, ids: list[int] | tuple[int, ...]
    ) -> PoolResult:
        return await self.network.call(self._client.request_pool(kind, guild_id, ids))

    async def request_all(self, kind: EntityKind, guild_id: int | None) -> PoolResult:
        return await self.network.call(self._client.request_all(kind, guild_id))

    async def send_message(
        self,
        guild_id: int,
        content: str,
        allowed_commands: list[str] | tuple[str, ...] | None = None,
        silent: bool = False,
    ) -> int:
        return await self.network.call(
            self._client.send_message(guild_id, content, allowed_commands, silent)
        )

    async def react(self, guild_id: int, message_id: int, emoji: str) -> None:
        await self.network.call(self._client.react(guild_id, message_id, emoji))

    async def unreact(self, guild_id: int, message_id: int, emoji: str) -> None:
        await self.network.call(self._client.unreact(guild_id, message_id, emoji))

    async def close(self) -> None:
        await self.network.call(self._client.close())
