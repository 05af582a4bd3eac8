"""Connection gaps: where the stream stopped and started again, kept as rows of their own.

A moderator scrolling back must see that nothing is missing between two rows because nothing
happened, or because the app was not listening. `GapWatch` follows the connection's phases;
when spectating resumes after a loss, `gap_event` makes the row that says so
("disconnected 12:01:03 – 12:01:09"), with the `CONNECTION_GAP` type the wire never sends.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actions import CONNECTION_GAP
from .models import LogAction, LogPoolEvent
from .snowflake import DISCORD_EPOCH_MS

_GAP_ID_BITS = (1 << 22) - 1
"""The low bits of a gap's id start from every worker and sequence bit set, which no real
action of that millisecond is likely to have, and count down with the gap's number: two gaps
of the same millisecond (a fixed clock, a replay) are still two rows."""


@dataclass(frozen=True, slots=True)
class Gap:
    """The stream of ``guild_id`` stopped at ``start`` and resumed at ``end`` (Unix seconds)."""

    guild_id: int
    start: float
    end: float
    reason: str | None
    number: int = 0
    """Which gap of its `GapWatch` this is, from 0: it keeps gap ids apart."""


class GapWatch:
    """Turns the connection's phases into gaps: lost while spectating, until spectating again."""

    def __init__(self) -> None:
        self._lost: tuple[int, float, str | None] | None = None
        self._count = 0

    def spectating(self, guild_id: int, at: float) -> Gap | None:
        """Spectating ``guild_id`` (again); the gap this ends, if one was open for it."""
        lost, self._lost = self._lost, None
        if lost is None or lost[0] != guild_id:
            return None
        self._count += 1
        return Gap(guild_id, lost[1], max(at, lost[1]), lost[2], number=self._count - 1)

    def lost(self, guild_id: int | None, at: float, reason: str | None) -> None:
        """The connection went while ``guild_id`` was spectated (the first loss counts)."""
        if guild_id is not None and self._lost is None:
            self._lost = (guild_id, at, reason)

    def forget(self) -> None:
        """Another guild is chosen: an open gap belongs to nobody now."""
        self._lost = None


def gap_event(gap: Gap, text: str) -> LogPoolEvent:
    """The row of ``gap``, its summary ``text`` (the caller formats the times its own way)."""
    start_ms, end_ms = round(gap.start * 1000), round(gap.end * 1000)
    low_bits = _GAP_ID_BITS - gap.number % (_GAP_ID_BITS + 1)
    action_id = (max(start_ms - DISCORD_EPOCH_MS, 0) << 22) | low_bits
    raw = {
        "id": str(action_id),
        "action_number": CONNECTION_GAP.number,
        "timestamp": start_ms,
        "guild_id": str(gap.guild_id),
        "content": text,
        "reason": gap.reason,
        "data": {"disconnected_ms": start_ms, "reconnected_ms": end_ms},
        "made_by": "archit-tui: not received from the gateway",
    }
    action = LogAction(
        id=action_id,
        action_number=CONNECTION_GAP.number,
        timestamp_ms=start_ms,
        guild_id=gap.guild_id,
        content=text,
        reason=gap.reason,
        old_data=raw["data"],
    )
    return LogPoolEvent(gap.guild_id, action, raw)
