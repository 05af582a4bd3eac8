"""Chaos mode carried out: the stand-in's live log stream, with the faults `ChaosSchedule` draws.

The server hands every live log action to `ChaosStream.broadcast` instead of sending it, and
awaits `ChaosStream.delay_reply` before each reply. Everything delivered to a connected client
is counted in `ChaosStream.tally`.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable

import socketio

from archit_tui.protocol.json_values import JSON

from .chaos import ChaosSchedule, ChaosStep, ChaosTally, Fault
from .malformed import MALFORMED_SAMPLES, UNDECODABLE_PACKETS
from .odd import odd_action
from .settings import ChaosSettings

Action = dict[str, JSON]
Deliver = Callable[[str, int, Action], Awaitable[bool]]
"""Send one log action of a guild to one socket; False if it was not sent (gone, filtered)."""


class ChaosStream:
    """Sends live log actions to spectators, misbehaving on a seeded schedule."""

    def __init__(
        self,
        settings: ChaosSettings,
        sio: socketio.AsyncServer,
        *,
        spectators: Callable[[int], list[str]],
        is_connected: Callable[[str], bool],
        deliver: Deliver,
    ) -> None:
        self.settings = settings
        self.tally = ChaosTally()
        """What was done, counting only what reached a connected client."""
        self._sio = sio
        self._spectators = spectators
        self._is_connected = is_connected
        self._deliver = deliver
        self._schedules: dict[int, ChaosSchedule] = {}
        self._replies = ChaosSchedule(settings, salt="replies")
        self._held: dict[int, Action] = {}
        """Per guild: the action held back by a reorder, sent after the next one."""
        self._drops: dict[str, asyncio.Task[None]] = {}
        self._turns: Counter[Fault] = Counter()
        """Samples of each kind that reached someone: the next one sent is the next in turn."""

    @property
    def pending_drops(self) -> int:
        """Disconnects decided on and not yet carried out."""
        return len(self._drops)

    def schedule(self, guild_id: int) -> ChaosSchedule:
        """The guild's own schedule; it lives as long as the gateway, across stream restarts."""
        schedule = self._schedules.get(guild_id)
        if schedule is None:
            schedule = self._schedules[guild_id] = ChaosSchedule(self.settings, salt=guild_id)
        return schedule

    async def broadcast(self, guild_id: int, action: Action) -> None:
        """Send ``action`` to the guild's spectators, with the next fault of its schedule."""
        step = self.schedule(guild_id).next_step()
        held = self._held.pop(guild_id, None)
        if step.fault is Fault.REORDER and held is None:
            self._held[guild_id] = action
            return
        if step.fault is Fault.DELAY:
            self.tally.delayed += 1
            await asyncio.sleep(step.delay)
        if step.fault is Fault.ODD:
            action = odd_action(action, self._turns[Fault.ODD])
        # A spectator about to be dropped gets nothing more: the disconnect yields to the loop
        # part way through, and what is sent then is lost, uncounted.
        spectators = [sid for sid in self._spectators(guild_id) if sid not in self._drops]
        reached = False
        for sid in spectators:
            reached = await self._send(sid, guild_id, action, step) or reached
            if held is not None and await self._deliver(sid, guild_id, held):
                self.tally.sent += 1
                self.tally.reordered += 1
        if reached:
            self._turns[step.fault] += 1
        if step.fault is Fault.DROP and spectators:
            self._drop_soon(spectators[int(step.pick * len(spectators))])

    async def _send(self, sid: str, guild_id: int, action: Action, step: ChaosStep) -> bool:
        """Send ``action`` to ``sid`` with ``step``'s fault; True if a fault reached it."""
        tally, turn = self.tally, self._turns[step.fault]
        if await self._deliver(sid, guild_id, action):
            tally.sent += 1
            if step.fault is Fault.ODD:
                tally.odd += 1
                return True
            if step.fault is Fault.DUPLICATE and await self._deliver(sid, guild_id, action):
                tally.sent += 1
                tally.duplicated += 1
                return True
        if step.fault is Fault.MALFORMED and self._is_connected(sid):
            sample = MALFORMED_SAMPLES[turn % len(MALFORMED_SAMPLES)]
            await self._sio.emit(sample.event, sample.payload, to=sid)
            tally.malformed += 1
            return True
        if step.fault is Fault.UNDECODABLE and self._is_connected(sid):
            eio_sid = self._sio.manager.eio_sid_from_sid(sid, "/")
            if eio_sid is not None:
                await self._sio.eio.send(
                    eio_sid, UNDECODABLE_PACKETS[turn % len(UNDECODABLE_PACKETS)]
                )
                tally.undecodable += 1
                return True
        return False

    def _drop_soon(self, sid: str) -> None:
        """Disconnect ``sid`` from a task of its own.

        Not inline: the disconnect stops the guild's stream when nobody else watches, and the
        stream's task is the one running this.
        """
        if sid not in self._drops:
            task = asyncio.get_running_loop().create_task(self._drop(sid), name="chaos drop")
            self._drops[sid] = task

    async def _drop(self, sid: str) -> None:
        try:
            if self._is_connected(sid):
                self.tally.dropped += 1
                await self._sio.disconnect(sid)
        finally:
            self._drops.pop(sid, None)

    async def delay_reply(self) -> None:
        """Before a reply: now and then, wait a moment."""
        delay = self._replies.next_reply_delay()
        if delay > 0:
            self.tally.replies_delayed += 1
            await asyncio.sleep(delay)

    def forget(self, guild_id: int) -> None:
        """The guild's stream stopped: an action held back goes nowhere."""
        self._held.pop(guild_id, None)

    async def close(self) -> None:
        """Cancel the disconnects not yet carried out."""
        tasks = list(self._drops.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
