"""Paces one guild's simulated log actions to its spectators: a steady rate plus bursts."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from .traffic import TrafficGenerator

Send = Callable[[dict[str, Any]], Awaitable[None]]

TICK_SECONDS = 0.05
"""How often a paced stream wakes up; at high rates each tick sends many actions."""


class ShiftableClock:
    """A clock that can be held at chosen times (for history) and otherwise follows ``base``."""

    def __init__(self, base: Callable[[], int]) -> None:
        self.base = base
        self.held: int | None = None

    def __call__(self) -> int:
        return self.base() if self.held is None else self.held


class GuildTraffic:
    """One guild's stream: history for new spectators, then live actions at a rate and in bursts."""

    def __init__(
        self,
        generator: TrafficGenerator,
        clock: ShiftableClock,
        send: Send,
        *,
        rate: float,
        burst: int,
        burst_interval: float,
        history: int,
    ) -> None:
        self.generator = generator
        self.clock = clock
        self.send = send
        self.rate = rate
        self.burst = burst
        self.burst_interval = burst_interval
        self.history: deque[dict[str, Any]] = deque(maxlen=history or None)
        self._task: asyncio.Task[None] | None = None
        if history:
            self._fill_history(history)

    def _fill_history(self, count: int) -> None:
        """Make ``count`` actions that happened before now, one every second or so."""
        spacing_ms = int(1000 / self.rate) if self.rate > 0 else 1500
        now = self.clock()
        for index in range(count):
            self.clock.held = now - (count - index) * spacing_ms
            self.history.append(self.generator.next_action())
        self.clock.held = None

    def start(self) -> None:
        if self._task is None and (self.rate > 0 or self.burst > 0):
            self._task = asyncio.get_running_loop().create_task(
                self._run(), name="stand-in traffic"
            )

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def emit(self, count: int) -> None:
        """Make and send ``count`` new actions now."""
        for _ in range(count):
            action = self.generator.next_action()
            if self.history.maxlen:
                self.history.append(action)
            await self.send(action)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        owed = 0.0
        last = loop.time()
        next_burst = last + self.burst_interval if self.burst else None
        while True:
            await asyncio.sleep(TICK_SECONDS)
            now = loop.time()
            owed += (now - last) * self.rate
            last = now
            due = int(owed)
            owed -= due
            await self.emit(due)
            if next_burst is not None and now >= next_burst:
                await self.emit(self.burst)
                next_burst = now + self.burst_interval
