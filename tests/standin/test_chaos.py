"""Chaos mode: a seeded schedule of faults, and a client that lives through them."""

from __future__ import annotations

import argparse
import asyncio
import json
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import pytest
from support.events import EventLog
from support.standin import TEST_TOKEN, running_standin

from archit_tui.gateway.client import GatewayClient, ReconnectPolicy
from archit_tui.gateway.standin import cli
from archit_tui.gateway.standin.chaos import ChaosSchedule, Fault
from archit_tui.gateway.standin.guilds import build_guilds
from archit_tui.gateway.standin.malformed import MALFORMED_SAMPLES, UNDECODABLE_PACKETS
from archit_tui.gateway.standin.odd import MEGABYTE, ODD_SAMPLES, odd_action
from archit_tui.gateway.standin.server import StandInGateway
from archit_tui.gateway.standin.settings import ChaosSettings
from archit_tui.gateway.standin.traffic import TrafficGenerator
from archit_tui.gateway.state import Phase
from archit_tui.gateway.wire_json import FastPacket, UndecodableJSON, loads
from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.models import LogPoolEvent, MalformedEvent
from archit_tui.protocol.parse import parse_log_pool

SEED = 11

BUSY = ChaosSettings(
    seed=SEED,
    drop=0.01,
    delay=0.02,
    duplicate=0.08,
    reorder=0.08,
    malformed=0.15,
    odd=0.05,
    undecodable=0.04,
    reply_delay=0.3,
    max_delay=0.03,
)
"""Faults often enough to see each kind many times in a second or two."""


def steps(settings: ChaosSettings, count: int, salt: int = 0) -> list:
    schedule = ChaosSchedule(settings, salt=salt)
    return [schedule.next_step() for _ in range(count)]


def test_the_same_seed_gives_the_same_faults() -> None:
    first = steps(BUSY, 3000, salt=5)
    assert first == steps(BUSY, 3000, salt=5)
    assert first != steps(replace(BUSY, seed=SEED + 1), 3000, salt=5)
    assert first != steps(BUSY, 3000, salt=6)  # each guild has a sequence of its own
    one, other = ChaosSchedule(BUSY), ChaosSchedule(BUSY)
    delays = [one.next_reply_delay() for _ in range(500)]
    assert delays == [other.next_reply_delay() for _ in range(500)]
    assert 0 < sum(1 for delay in delays if delay) < 500


def test_faults_come_at_their_shares_and_samples_in_turn() -> None:
    drawn = steps(ChaosSettings(seed=SEED), 60_000)
    counts = Counter(step.fault for step in drawn)
    defaults = ChaosSettings()
    for fault, share in [
        (Fault.DROP, defaults.drop),
        (Fault.DUPLICATE, defaults.duplicate),
        (Fault.MALFORMED, defaults.malformed),
        (Fault.UNDECODABLE, defaults.undecodable),
    ]:
        assert 0.8 * share < counts[fault] / len(drawn) < 1.2 * share, fault
    delays = [step.delay for step in drawn if step.fault is Fault.DELAY]
    assert all(0 <= delay <= defaults.max_delay for delay in delays)


def test_shares_must_add_up_to_at_most_one() -> None:
    with pytest.raises(ValueError, match="add up to at most 1"):
        ChaosSchedule(ChaosSettings(duplicate=0.6, reorder=0.6))
    with pytest.raises(ValueError):
        ChaosSchedule(ChaosSettings(drop=-0.1))


def test_each_odd_sample_is_a_valid_log_action() -> None:
    guild = build_guilds(SEED)[0]
    action = TrafficGenerator(guild, SEED, lambda: 1_764_763_200_000).next_action()
    for index, sample in enumerate(ODD_SAMPLES):
        odd = odd_action(action, index)
        assert odd["id"] == action["id"]
        text = json.dumps(["log_pool", {"guild_id": str(guild.id), "log_action": odd}])
        _, payload, raw_text = loads(text)  # as the client decodes what the stand-in sends
        event = parse_log_pool(payload, raw_text)
        assert isinstance(event, LogPoolEvent), (sample.what, event)
        assert not event.action.problems, sample.what
    assert any(len(sample.changes.get("content", "")) >= MEGABYTE for sample in ODD_SAMPLES)


def test_undecodable_packets_reach_a_client_as_undecodable() -> None:
    for text in UNDECODABLE_PACKETS:
        packet = FastPacket(encoded_packet=text)
        assert isinstance(packet.data[1], UndecodableJSON), text


def chaos_options(*argv: str) -> ChaosSettings | None:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    return cli.chaos_settings(parser.parse_args(list(argv)))


def test_the_command_line_turns_the_drop_interval_into_a_share() -> None:
    assert chaos_options() is None
    default = chaos_options("--chaos", "--seed", "4")
    assert default is not None and default.seed == 4
    assert default.drop == pytest.approx(1 / (cli.DEFAULT_DROP_SECONDS * 5))
    fast = chaos_options("--chaos-seed", "9", "--chaos-drop-every", "2", "--rate", "10")
    assert fast is not None and fast.seed == 9 and fast.drop == pytest.approx(1 / 20)
    never = chaos_options("--chaos", "--chaos-drop-every", "0")
    assert never is not None and never.drop == 0


async def until(condition: Callable[[], bool], what: str, timeout: float = 10) -> None:
    """Let the loop run until ``condition()`` holds; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def late_arrivals(events: list[LogPoolEvent]) -> int:
    """Actions that arrived after one with a higher id (ids grow with time)."""
    late, highest = 0, 0
    for event in events:
        if event.action.id < highest:
            late += 1
        highest = max(highest, event.action.id)
    return late


@pytest.mark.parametrize("transports", [None, ["websocket"]], ids=["upgrade", "websocket"])
async def test_a_client_lives_through_chaos_and_counts_what_was_done(
    transports: list[str] | None,
) -> None:
    """Bursts of actions until every kind of fault has reached the client, then compare.

    Each burst waits until the client spectates again after any drop. What is sent while
    nobody watches is not counted by the stand-in, so the counts must agree exactly.
    """
    async with running_standin(chaos=BUSY) as gateway:
        guild_id = next(iter(gateway.guilds))
        client = GatewayClient(
            request_timeout=5,
            connect_timeout=5,
            reconnect=ReconnectPolicy(first_delay=0.02, max_delay=0.1),
            transports=transports,
            rng=random.Random(SEED),
        )
        log = EventLog(client)
        tally = gateway.chaos_tally
        assert tally is not None and gateway.chaos is not None
        chaos = gateway.chaos

        def settled() -> bool:
            """Spectating again after every drop, none pending."""
            return (
                chaos.pending_drops == 0
                and client.reconnects == tally.dropped
                and gateway.spectators(guild_id) != []
            )

        def seen_enough() -> bool:
            return (
                tally.malformed >= len(MALFORMED_SAMPLES)
                and tally.undecodable >= len(UNDECODABLE_PACKETS)
                and tally.odd >= len(ODD_SAMPLES)
                and tally.dropped >= 2
            )

        try:
            await client.connect(gateway.url)
            assert (await client.elevate(TEST_TOKEN)).success
            await client.spectate(guild_id)
            for _ in range(150):
                await until(settled, "the client spectating again")
                if seen_enough():
                    break
                await gateway.send_burst(guild_id, 20)
            assert seen_enough(), tally
            await client.request_all("guild", None)  # a round trip: everything sent has arrived
            log.drain()
        finally:
            await client.close()
    assert_the_client_saw_what_chaos_did(gateway, log, client)


def assert_the_client_saw_what_chaos_did(
    gateway: StandInGateway, log: EventLog, client: GatewayClient
) -> None:
    tally = gateway.chaos_tally
    assert tally is not None
    actions = log.of_type(LogPoolEvent)
    malformed = log.of_type(MalformedEvent)
    assert len(actions) == tally.sent
    assert len(malformed) == tally.malformed + tally.undecodable
    undecodable = [event for event in malformed if event.reason.startswith("not valid JSON")]
    assert len(undecodable) == tally.undecodable
    assert "(undecodable packet)" in {event.event for event in undecodable}
    samples = [e.event for e in malformed if not e.reason.startswith("not valid JSON")]
    in_turn = [MALFORMED_SAMPLES[i % len(MALFORMED_SAMPLES)].event for i in range(len(samples))]
    assert samples == in_turn  # each sample reached the client, in turn
    store = ActionStore(max_actions=100_000)
    store.add(actions)
    assert store.duplicates == tally.duplicated > 0
    assert late_arrivals(actions) == tally.reordered > 0
    assert sum(event.action.action_number == 99999 for event in actions) >= 1
    assert client.reconnects == tally.dropped >= 2
    assert tally.delayed > 0
    spectating = [p for p in log.phases if p is Phase.SPECTATING]
    assert len(spectating) == tally.dropped + 1


async def test_late_replies_still_answer_their_requests() -> None:
    always_late = ChaosSettings(seed=SEED, reply_delay=1.0, max_delay=0.05)
    async with running_standin(chaos=always_late) as gateway:
        client = GatewayClient(request_timeout=5, connect_timeout=5)
        try:
            await client.connect(gateway.url)
            assert (await client.elevate(TEST_TOKEN)).success
            guilds = await client.request_all("guild", None)
            assert len(guilds.entities) == len(gateway.guilds)
        finally:
            await client.close()
    tally = gateway.chaos_tally
    assert tally is not None and tally.replies_delayed == 2  # the elevation and the pool reply
