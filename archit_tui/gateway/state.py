"""The client's connection state, explicit at every moment."""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class ConnectionState:
    """A snapshot of the connection; each change reaches the consumer as a `StateChanged`."""

    phase: Phase
    guild_id: int | None = None
    """The spectated guild (``SPECTATING``)."""
    attempt: int = 0
    """Which reconnection attempt is next (``RECONNECTING``)."""
    delay: float = 0.0
    """Seconds until that attempt (``RECONNECTING``)."""
    reason: str | None = None
    """Why the connection is where it is: the disconnect cause, a refused elevation, ..."""

    def describe(self, guild_name: str | None = None) -> str:
        """The state in words, for a status bar."""
        phase = self.phase
        if phase is Phase.SPECTATING:
            name = guild_name or (str(self.guild_id) if self.guild_id is not None else "a guild")
            return f"spectating {name}"
        if phase is Phase.RECONNECTING:
            return f"reconnecting in {self.delay:.0f} s (attempt {self.attempt})"
        if self.reason:
            return f"{phase.value}: {self.reason}"
        return phase.value


DISCONNECTED = ConnectionState(Phase.DISCONNECTED)
