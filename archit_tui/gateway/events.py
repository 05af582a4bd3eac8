"""What the client hands its consumer: one ordered stream of events, taken in batches."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass
from typing import Literal, TypeAlias

from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.models import GatewayError, LogPoolEvent, MalformedEvent, MockBotEvent

from .state import ConnectionState


@dataclass(frozen=True, slots=True)
class StateChanged:
    """The connection moved to ``state``."""

    state: ConnectionState


GatewayEvent: TypeAlias = LogPoolEvent | MockBotEvent | GatewayError | MalformedEvent | StateChanged
"""Everything the consumer is told, in the order it happened."""


@dataclass(frozen=True, slots=True)
class WireRecord:
    """One event as it crossed the wire, for the raw inspector. Tokens are already redacted."""

    direction: Literal["in", "out"]
    event: str
    payload: JSON
    at: float
    """Unix time in seconds."""


class EventStream:
    """An unbounded FIFO of `GatewayEvent` that the consumer drains in batches.

    Producers call `put` from the event loop; nothing is ever dropped. `next_batch` waits for at
    least one event and returns everything queued, so a consumer that paces itself (one batch per
    frame) does one update per frame however fast events arrive.
    """

    def __init__(self) -> None:
        self._items: deque[GatewayEvent] = deque()
        self._ready = asyncio.Event()

    def put(self, event: GatewayEvent) -> None:
        self._items.append(event)
        self._ready.set()

    def __len__(self) -> int:
        return len(self._items)

    def drain(self) -> list[GatewayEvent]:
        """Everything queued now, without waiting."""
        items = list(self._items)
        self._items.clear()
        self._ready.clear()
        return items

    async def next_batch(self) -> list[GatewayEvent]:
        """Wait for at least one event, then return all that are queued."""
        while not self._items:
            self._ready.clear()
            await self._ready.wait()
        return self.drain()


class WireLog:
    """The last ``size`` events sent and received, for a raw inspector to read on demand."""

    def __init__(self, size: int) -> None:
        self.records: deque[WireRecord] = deque(maxlen=size)

    def add(self, direction: Literal["in", "out"], event: str, payload: JSON) -> None:
        self.records.append(WireRecord(direction, event, payload, time.time()))
