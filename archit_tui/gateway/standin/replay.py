"""Playing recorded log actions (``--replay FILE.jsonl``) instead of simulated traffic.

Each line holds one log action, a ``log_pool`` payload (``{"guild_id", "log_action"}``) or a
capture record (``{"event": "log_pool", "payload": {...}}``). Lines that are none of these are
skipped and counted; the count is logged when the file is read.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from pathlib import Path
from typing import Any

from .traffic_pacer import TICK_SECONDS, Send

log = logging.getLogger(__name__)


def read_replay(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The log actions recorded in ``path``, and how many lines held none."""
    actions: list[dict[str, Any]] = []
    skipped = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                skipped += 1
                continue
            action = _log_action_of(record)
            if action is None:
                skipped += 1
            else:
                actions.append(action)
    return actions, skipped


def _log_action_of(record: Any) -> dict[str, Any] | None:
    if not isinstance(record, dict):
        return None
    if record.get("event") == "log_pool" and "payload" in record:
        return _log_action_of(record["payload"])
    inner = record.get("log_action")
    if isinstance(inner, dict):
        return inner
    if "id" in record and ("action_number" in record or "type" in record):
        return record
    return None


class ReplayTraffic:
    """Sends a recorded file's actions in order, ``rate`` a second (0: all at once)."""

    def __init__(self, path: Path, send: Send, *, rate: float) -> None:
        actions, skipped = read_replay(path)
        if skipped:
            log.warning("%s: skipped %d lines that hold no log action", path, skipped)
        self.pending = deque(actions)
        self.send = send
        self.rate = rate
        self.history: deque[dict[str, Any]] = deque(maxlen=0)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="stand-in replay")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _run(self) -> None:
        owed = 0.0
        while self.pending:
            if self.rate <= 0:
                due = len(self.pending)
            else:
                await asyncio.sleep(TICK_SECONDS)
                owed += TICK_SECONDS * self.rate
                due = int(owed)
                owed -= due
            for _ in range(min(due, len(self.pending))):
                await self.send(self.pending.popleft())
