"""Log actions for the benchmarks, from the stand-in's own traffic generator."""

from __future__ import annotations

import json
from collections.abc import Iterator

from archit_tui.gateway.standin.guilds import SimGuild, build_guilds
from archit_tui.gateway.standin.settings import SteppingClock
from archit_tui.gateway.standin.traffic import TrafficGenerator
from archit_tui.protocol.models import LogPoolEvent
from archit_tui.protocol.parse import parse_log_pool

START_MS = 1_764_763_200_000


def bench_guild() -> SimGuild:
    return build_guilds(0)[0]


def payload_batches(count: int, batch: int = 10_000) -> Iterator[list[tuple[dict, str]]]:
    """``count`` log_pool payloads with their JSON text, in batches, like the wire brings them."""
    guild = bench_guild()
    generator = TrafficGenerator(guild, seed=1, clock=SteppingClock(START_MS, 50))
    made = 0
    while made < count:
        size = min(batch, count - made)
        payloads = [{"guild_id": str(guild.id), "log_action": a} for a in generator.burst(size)]
        yield [(p, json.dumps(p, separators=(",", ":"), ensure_ascii=False)) for p in payloads]
        made += size


def event_batches(count: int, batch: int = 10_000) -> Iterator[list[LogPoolEvent]]:
    """The same, parsed as the client parses them (with their wire text kept)."""
    for payloads in payload_batches(count, batch):
        events = [parse_log_pool(payload, text) for payload, text in payloads]
        yield [event for event in events if isinstance(event, LogPoolEvent)]
