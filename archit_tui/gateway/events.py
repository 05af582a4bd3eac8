"""What the client hands its consumer: one ordered stream of events, taken in batches."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, NamedTuple, TypeAlias

from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.models import GatewayError, LogPoolEvent, MalformedEvent, MockBotEvent

from .state import ConnectionState


@dataclass(frozen=True, slots=True)
class StateChanged:
    """The connection moved to ``state``."""

    state: ConnectionState
    at: float = 0.0
    """Unix seconds when it did (0 when nobody said)."""


GatewayEvent: TypeAlias = LogPoolEvent | MockBotEvent | GatewayError | MalformedEvent | StateChanged
"""Everything the consumer is told, in the order it happened."""


class WireRecord(NamedTuple):
    """One event as it crossed the wire, for the raw inspector. Tokens are already redacted."""

    direction: Literal["in", "out"]
    event: str
    payload: JSON
    at: float
    """Unix time in seconds."""
    seq: int = 0
    """Its place among every record the log took (1, 2, ...), for merging the two buffers."""


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


STREAM_EVENTS = frozenset({"log_pool"})
"""Events a `WireLog` keeps apart, so that a busy log stream cannot push the rest out."""


class WireLog:
    """The last events sent and received, for a raw inspector to read on demand.

    Two ring buffers: `stream` keeps the last ``stream_size`` log stream events
    (`STREAM_EVENTS`), `chat` the last ``size`` of everything else (chat, errors, elevation,
    pools). A guild streaming hundreds of actions a second thus never hides a chat event.
    """

    def __init__(
        self,
        size: int,
        stream_size: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.clock = clock
        """Unix seconds now, for each record's time."""
        self.chat: deque[WireRecord] = deque(maxlen=size)
        """Everything but the log stream, oldest first."""
        self.stream: deque[WireRecord] = deque(maxlen=size if stream_size is None else stream_size)
        """Log stream events, oldest first."""
        self.chat_added = 0
        """Records ever added to `chat` (a reader compares it to see whether anything is new)."""
        self.stream_added = 0
        """Records ever added to `stream`."""

    def add(self, direction: Literal["in", "out"], event: str, payload: JSON) -> None:
        seq = self.chat_added + self.stream_added + 1
        record = WireRecord(direction, event, payload, self.clock(), seq)
        if event in STREAM_EVENTS:
            self.stream_added += 1
            self.stream.append(record)
        else:
            self.chat_added += 1
            self.chat.append(record)

    @property
    def records(self) -> list[WireRecord]:
        """Both buffers together, oldest first."""
        return self.latest(len(self.chat) + len(self.stream), with_stream=True)

    def latest(self, count: int, with_stream: bool) -> list[WireRecord]:
        """The last ``count`` records, oldest first; log stream events only ``with_stream``."""
        if count <= 0:
            return []
        chat = list(itertools.islice(reversed(self.chat), count))
        if not with_stream:
            return chat[::-1]
        stream = list(itertools.islice(reversed(self.stream), count))
        newest = heapq.merge(chat, stream, key=lambda record: -record.seq)
        return list(itertools.islice(newest, count))[::-1]
