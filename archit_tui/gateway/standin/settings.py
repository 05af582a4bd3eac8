"""What a stand-in gateway is told to be: address, token, seed, traffic and chaos."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archit_tui.protocol.secret import Secret


def wall_clock_ms() -> int:
    """Unix time now, in milliseconds."""
    return time.time_ns() // 1_000_000


@dataclass(frozen=True)
class ChaosSettings:
    """How often chaos mode misbehaves; `chaos.ChaosSchedule` draws the faults from ``seed``.

    Each live log action gets at most one fault, each fault with the share of actions given
    here (0 to 1, adding up to at most 1). At the default rate of 5 actions a second, the
    defaults drop a connection about once a minute and send a malformed payload about every
    20 seconds: a demo stays usable.
    """

    seed: int = 0
    """Same seed (and the same traffic), same faults in the same order."""
    drop: float = 1 / 300
    """Share of actions after which the server disconnects one of the guild's spectators."""
    delay: float = 0.02
    """Share of actions before which the guild's stream stalls (then catches up)."""
    duplicate: float = 0.02
    """Share of actions sent twice."""
    reorder: float = 0.02
    """Share of actions held back and sent after the next one."""
    malformed: float = 0.01
    """Share of actions followed by a malformed payload (`MALFORMED_SAMPLES`, in turn)."""
    odd: float = 0.01
    """Share of actions made odd but valid (`ODD_SAMPLES`, in turn: markup, ANSI, 1 MB, ...)."""
    undecodable: float = 0.005
    """Share of actions followed by a packet that is not valid JSON."""
    reply_delay: float = 0.1
    """Share of replies (elevation, pools, mock bot, errors) sent late."""
    max_delay: float = 1.0
    """Longest stall or reply delay, in seconds (each is drawn between 0 and this)."""


@dataclass(frozen=True)
class StandInSettings:
    """Everything a `StandInGateway` needs; the defaults suit a demo."""

    token: Secret
    """The one token that elevates."""
    host: str = "127.0.0.1"
    port: int = 8765
    """0 picks a free port (read it back from `StandInGateway.url`)."""
    seed: int = 0
    """Same seed, same guilds and same traffic."""
    guild_count: int = 3
    rate: float = 5.0
    """Log actions per second per spectated guild; 0 is quiet."""
    burst: int = 0
    """Actions sent at once every `burst_interval` seconds, on top of `rate`."""
    burst_interval: float = 5.0
    backlog: int = 0
    """Actions sent at once to a new spectator, with times spread over the minutes before."""
    replay: Path | None = None
    """A ``.jsonl`` file of recorded log actions to play instead of simulated traffic."""
    clock: Callable[[], int] = field(default=wall_clock_ms, compare=False)
    """Unix milliseconds; tests fix it so that ids and times are the same every run."""
    max_content: int = 100_000
    """Characters of chat content accepted in one ``mock_user_event``."""
    chaos: ChaosSettings | None = None
    """Misbehave on purpose (``--chaos``): drops, delays, duplicates, bad payloads; None is off."""


class SteppingClock:
    """A clock for repeatable runs: starts at ``start_ms`` and moves ``step_ms`` per reading."""

    def __init__(self, start_ms: int, step_ms: int = 1_000) -> None:
        self.now = start_ms
        self.step_ms = step_ms

    def __call__(self) -> int:
        self.now += self.step_ms
        return self.now


DEMO_STANDIN = StandInSettings(token=Secret(""), port=0, rate=8.0, backlog=300)
"""The demo's stand-in (the app's and ``tail``'s): a free loopback port, a lively rate and
some history. Its token is made per run."""
