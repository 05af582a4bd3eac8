"""The client's connection state, explicit at every moment."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum


class Phase(str, Enum):
    """Where the connection stands."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    ELEVATED = "elevated"
    SPECTATING = "spectating"
    RECONNECTING = "reconnecting"
    REPLAY = "replay"
    """No connection: a capture file is played back (``reason`` names it)."""


@dataclass(frozen=True, slots=True)
class ConnectionState:
    """A snapshot of the connection; each change reaches the consumer as a `StateChanged`."""

    phase: Phase
    guild_id: int | None = None
    """The spectated guild (``SPECTATING``)."""
    attempt: int = 0
    """Which reconnection attempt is next (``RECONNECTING``)."""
    delay: float = 0.0
    """Seconds until that attempt, when it was scheduled (``RECONNECTING``)."""
    retry_at: float | None = None
    """`time.monotonic` of that attempt, for a countdown (``RECONNECTING``)."""
    reason: str | None = None
    """Why the connection is where it is: the disconnect cause, a refused elevation, ..."""

    def describe(self, guild_name: str | None = None) -> str:
        """The state in words, for a status bar."""
        phase = self.phase
        if phase is Phase.SPECTATING:
            name = guild_name or (str(self.guild_id) if self.guild_id is not None else "a guild")
            return f"spectating {name}"
        if phase is Phase.REPLAY:
            return f"replay of {guild_name or 'a capture'}: {self.reason}"
        if phase is Phase.RECONNECTING:
            left = self.delay if self.retry_at is None else self.retry_at - time.monotonic()
            return f"reconnecting in {max(left, 0):.0f} s (attempt {self.attempt})"
        if self.reason:
            return f"{phase.value}: {self.reason}"
        return phase.value


DISCONNECTED = ConnectionState(Phase.DISCONNECTED)
