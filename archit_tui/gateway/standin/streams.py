"""Making a guild's live stream: simulated traffic, or a recorded file played back."""

from __future__ import annotations

from collections.abc import Mapping

from archit_tui.protocol.actions import action_type
from archit_tui.protocol.json_values import JSON

from .entities import SimGuild
from .replay import ReplayTraffic
from .settings import StandInSettings
from .traffic import TrafficGenerator
from .traffic_pacer import GuildTraffic, Send, ShiftableClock


def new_stream(
    settings: StandInSettings, guild_id: int, guilds: Mapping[int, SimGuild], send: Send
) -> GuildTraffic | ReplayTraffic:
    """The live stream of ``guild_id``, as ``settings`` say; ``send`` broadcasts each action."""
    if settings.replay is not None:
        return ReplayTraffic(settings.replay, send, rate=settings.rate)
    clock = ShiftableClock(settings.clock)
    seed = settings.seed * 7919 + guild_id % 7919
    generator = TrafficGenerator(guilds[guild_id], seed=seed, clock=clock)
    return GuildTraffic(
        generator,
        clock,
        send,
        rate=settings.rate,
        burst=settings.burst,
        burst_interval=settings.burst_interval,
        history=settings.backlog,
    )


def is_pool_action(action: dict[str, JSON]) -> bool:
    """True for the actions a spectator without ``non_pool`` receives."""
    number = action.get("action_number")
    return isinstance(number, int) and action_type(number).pool
