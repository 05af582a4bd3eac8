"""Chaos mode's schedule: which fault each live log action gets, drawn from a seed.

`ChaosSchedule` only decides; `chaos_stream.ChaosStream` carries the faults out. The decisions
depend on nothing but the seed and how many were asked for, so the same seed and the same
traffic give the same faults in the same order, whatever the timing.
"""

from __future__ import annotations

import enum
import random
from dataclasses import asdict, dataclass

from .settings import ChaosSettings


class Fault(enum.Enum):
    """What chaos mode does to one live log action."""

    NONE = "none"
    """Sent as it is."""
    DROP = "drop"
    """Sent, then one spectator of the guild is disconnected by the server."""
    DELAY = "delay"
    """The guild's stream stalls for a moment before it is sent (and then catches up)."""
    DUPLICATE = "duplicate"
    """Sent twice."""
    REORDER = "reorder"
    """Held back, and sent right after the next action."""
    MALFORMED = "malformed"
    """Sent, followed by the next sample of `MALFORMED_SAMPLES`."""
    ODD = "odd"
    """Replaced by an odd but valid variant of itself (the next sample of `ODD_SAMPLES`)."""
    UNDECODABLE = "undecodable"
    """Sent, followed by the next packet of `UNDECODABLE_PACKETS` (not valid JSON)."""


@dataclass(frozen=True, slots=True)
class ChaosStep:
    """One decision of the schedule."""

    fault: Fault
    delay: float = 0.0
    """Seconds the stream stalls (`Fault.DELAY` only)."""
    pick: float = 0.0
    """In ``[0, 1)``: which of the guild's spectators a `Fault.DROP` disconnects."""


class ChaosSchedule:
    """Draws a fault (or none) for each live log action, and a delay for each reply.

    ``salt`` gives each guild's stream a sequence of its own, so that two streams running side
    by side do not make each other's faults depend on timing.
    """

    def __init__(self, settings: ChaosSettings, salt: int | str = 0) -> None:
        shares = [
            (Fault.DROP, settings.drop),
            (Fault.DELAY, settings.delay),
            (Fault.DUPLICATE, settings.duplicate),
            (Fault.REORDER, settings.reorder),
            (Fault.MALFORMED, settings.malformed),
            (Fault.ODD, settings.odd),
            (Fault.UNDECODABLE, settings.undecodable),
        ]
        if any(share < 0 for _, share in shares) or sum(share for _, share in shares) > 1:
            raise ValueError("chaos shares must be at least 0 and add up to at most 1")
        self.settings = settings
        self._thresholds: list[tuple[float, Fault]] = []
        total = 0.0
        for fault, share in shares:
            if share > 0:
                total += share
                self._thresholds.append((total, fault))
        self._actions = random.Random(f"chaos:{settings.seed}:{salt}:actions")
        self._replies = random.Random(f"chaos:{settings.seed}:{salt}:replies")

    def next_step(self) -> ChaosStep:
        """The fault for the next live log action."""
        rng = self._actions
        draw, parameter = rng.random(), rng.random()  # two draws each, whatever the fault
        fault = next((f for limit, f in self._thresholds if draw < limit), Fault.NONE)
        delay = parameter * self.settings.max_delay if fault is Fault.DELAY else 0.0
        return ChaosStep(fault, delay=delay, pick=parameter)

    def next_reply_delay(self) -> float:
        """Seconds to hold the next reply back (0 for most)."""
        rng = self._replies
        draw, parameter = rng.random(), rng.random()
        return parameter * self.settings.max_delay if draw < self.settings.reply_delay else 0.0


@dataclass
class ChaosTally:
    """What chaos mode did, counting only what reached a connected client.

    A test or the soak script compares it with what a client saw: with one spectator,
    ``malformed + undecodable`` is exactly the malformed events it received, ``duplicated``
    the deliveries a log store collapses, and ``dropped`` its reconnections.
    """

    sent: int = 0
    """Log actions delivered, each delivery counted (duplicates and late ones too)."""
    dropped: int = 0
    """Connections the server closed."""
    delayed: int = 0
    """Stalls of a stream before an action."""
    duplicated: int = 0
    """Actions delivered a second time."""
    reordered: int = 0
    """Actions delivered after one that came later."""
    malformed: int = 0
    """Malformed payloads delivered."""
    odd: int = 0
    """Odd but valid actions delivered."""
    undecodable: int = 0
    """Packets delivered that are not valid JSON."""
    replies_delayed: int = 0
    """Replies to requests held back for a moment."""

    def as_dict(self) -> dict[str, int]:
        return asdict(self)
