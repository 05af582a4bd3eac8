"""Simulated log-action traffic: wire shape, realism, determinism and speed."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from archit_tui.gateway.standin.chatter import utf16_len
from archit_tui.gateway.standin.corpus import UNICODE_EMOJI
from archit_tui.gateway.standin.guilds import SimGuild, build_guilds
from archit_tui.gateway.standin.traffic import TrafficGenerator
from archit_tui.protocol.actions import ACTION_TYPES
from archit_tui.protocol.models import LogAction
from archit_tui.protocol.parse import parse_log_action
from archit_tui.protocol.snowflake import snowflake_to_unix_ms

SEED = 4242
START_MS = 1_700_000_000_000
COUNT = 20_000
WIRE_KEYS = {
    "id", "action_number", "reversible", "agent_id", "subject_id", "channel_id", "guild_id",
    "timestamp", "content", "reason", "old_data", "origin",
}  # fmt: skip
MEMBER_SUBJECT = {20, 22, 23, 24, 25, 26, 27, 28}
MODERATOR_AGENT = {20, 22, 23, 25, 26, 27, 74, 75}
MESSAGE_SUBJECT = {3002, 72, 3003, 74, 75, 3100, 3101}
NEW_MESSAGE = {3001, 3203}
CHANNEL_SUBJECT = {10, 11, 12, 13, 14, 15}
ROLE_SUBJECT = {30, 31, 32}
EMOJI_SUBJECT = {60, 61, 62, 3400, 3401, 3402, 3403}


def stepping_clock(start: int = START_MS, step: int = 7) -> Callable[[], int]:
    """A clock that moves ``step`` ms on each reading, the same every run."""
    times: Iterator[int] = iter(range(start, start + step * 10_000_000, step))
    return lambda: next(times)


@pytest.fixture(scope="module")
def guilds() -> tuple[SimGuild, ...]:
    return build_guilds(SEED)


@pytest.fixture(scope="module")
def stream(guilds: tuple[SimGuild, ...]) -> list[dict[str, Any]]:
    """20,000 actions of the busy guild."""
    return TrafficGenerator(guilds[0], SEED, stepping_clock()).burst(COUNT)


@pytest.fixture(scope="module")
def parsed(stream: list[dict[str, Any]]) -> list[LogAction]:
    actions = [parse_log_action(raw) for raw in stream]
    assert all(isinstance(action, LogAction) for action in actions)
    return actions  # type: ignore[return-value]


def test_same_guild_seed_and_clock_give_the_same_actions(guilds: tuple[SimGuild, ...]) -> None:
    first = TrafficGenerator(guilds[1], 9, stepping_clock()).burst(3000)
    second = TrafficGenerator(guilds[1], 9, stepping_clock()).burst(3000)
    assert json.dumps(first) == json.dumps(second)
    other = TrafficGenerator(guilds[1], 10, stepping_clock()).burst(3000)
    assert json.dumps(other) != json.dumps(first)


def test_burst_continues_the_same_sequence(guilds: tuple[SimGuild, ...]) -> None:
    one = TrafficGenerator(guilds[2], 1, stepping_clock())
    other = TrafficGenerator(guilds[2], 1, stepping_clock())
    assert one.burst(500) == [other.next_action() for _ in range(500)]
    assert one.burst(0) == []


def test_every_action_parses_without_problems(
    stream: list[dict[str, Any]], parsed: list[LogAction], guilds: tuple[SimGuild, ...]
) -> None:
    for raw, action in zip(stream, parsed, strict=True):
        assert action.problems == (), raw
        assert action.action_number == raw["action_number"]
        assert action.guild_id == guilds[0].id
        assert action.timestamp_ms == raw["timestamp"]


def test_wire_shape(stream: list[dict[str, Any]]) -> None:
    for raw in stream:
        assert set(raw) == WIRE_KEYS
        for key in ("id", "agent_id", "subject_id", "channel_id", "guild_id"):
            value = raw[key]
            assert value is None or (isinstance(value, str) and value.isdigit()), (key, raw)
        assert isinstance(raw["id"], str) and raw["agent_id"] is not None
        assert type(raw["action_number"]) is int and type(raw["timestamp"]) is int
        assert type(raw["reversible"]) is bool
        assert raw["origin"] in (1, 2, 3)
        assert raw["content"] is None or isinstance(raw["content"], str)
        assert raw["reason"] is None or isinstance(raw["reason"], str)
    assert json.loads(json.dumps(stream)) == stream


def test_every_action_type_appears_in_every_guild(
    stream: list[dict[str, Any]], guilds: tuple[SimGuild, ...]
) -> None:
    assert {raw["action_number"] for raw in stream} == set(ACTION_TYPES)
    for guild in guilds[1:]:
        actions = TrafficGenerator(guild, SEED, stepping_clock()).burst(COUNT)
        assert {raw["action_number"] for raw in actions} == set(ACTION_TYPES), guild.name


def test_the_mix_looks_like_a_real_guild(stream: list[dict[str, Any]]) -> None:
    counts = Counter(raw["action_number"] for raw in stream)
    share = {number: count / COUNT for number, count in counts.items()}
    assert 0.50 <= share[3001] <= 0.62
    top = {number for number, _ in counts.most_common(4)}
    assert top == {3001, 3100, 3002, 3101} or top <= {3001, 3100, 3002, 3101, 3003}
    assert 0.08 <= share[3100] + share[3101] <= 0.20
    assert 0.05 <= share[3002] <= 0.11
    assert 0.02 <= share[72] + share[3003] <= 0.08
    for rare in (1, 21, 28, 80, 3300, 3403):
        assert 0.0003 <= share[rare] <= 0.003, rare


def test_ids_strictly_increase_with_a_constant_clock(guilds: tuple[SimGuild, ...]) -> None:
    generator = TrafficGenerator(guilds[2], 3, lambda: START_MS)
    ids = [int(raw["id"]) for raw in generator.burst(10_000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert {snowflake_to_unix_ms(i) for i in ids} == {START_MS}


def test_ids_keep_increasing_when_the_clock_goes_back(guilds: tuple[SimGuild, ...]) -> None:
    readings = iter([START_MS + 5_000 - 10 * i for i in range(400)] + [START_MS - 1] * 100)
    generator = TrafficGenerator(guilds[2], 3, lambda: next(readings))
    actions = generator.burst(500)
    ids = [int(raw["id"]) for raw in actions]
    assert all(a < b for a, b in zip(ids, ids[1:], strict=False))
    assert actions[-1]["timestamp"] == START_MS - 1


def test_ids_survive_the_sequence_wrapping(guilds: tuple[SimGuild, ...]) -> None:
    generator = TrafficGenerator(guilds[2], 3, lambda: START_MS)
    generator._seq = 2**22 - 3  # as after four million actions within one millisecond
    ids = [int(raw["id"]) for raw in generator.burst(10)]
    assert all(a < b for a, b in zip(ids, ids[1:], strict=False))


def test_ids_and_timestamps_follow_the_clock(stream: list[dict[str, Any]]) -> None:
    for index, raw in enumerate(stream[:2000]):
        expected = START_MS + 7 * index
        assert raw["timestamp"] == expected
        assert snowflake_to_unix_ms(int(raw["id"])) == expected


def test_ids_belong_to_the_guild(
    stream: list[dict[str, Any]], guilds: tuple[SimGuild, ...]
) -> None:
    guild = guilds[0]
    members = {str(m.id) for m in guild.members}
    humans = {str(m.id) for m in guild.humans}
    bots = {str(m.id) for m in guild.bots}
    moderators = {str(m.id) for m in guild.moderators}
    channels = {str(c.id) for c in guild.channels}
    voice = {str(c.id) for c in guild.voice_channels}
    roles = {str(r.id) for r in guild.roles}
    emoji = {str(e.id) for e in guild.emoji}
    messages: set[str] = set()
    earlier: dict[str, dict[str, Any]] = {}
    human_sends = 0
    for raw in stream:
        number, agent, subject = raw["action_number"], raw["agent_id"], raw["subject_id"]
        assert raw["guild_id"] == str(guild.id)
        assert agent in members, raw
        assert raw["channel_id"] is None or raw["channel_id"] in channels, raw
        if number in NEW_MESSAGE:
            assert subject not in messages
            messages.add(subject)
            human_sends += agent in humans
        elif number in MESSAGE_SUBJECT:
            assert subject in messages, raw
        elif number in MEMBER_SUBJECT:
            assert subject in (bots if number == 28 else humans), raw
        elif number in CHANNEL_SUBJECT:
            assert subject == raw["channel_id"] and subject in channels
        elif number in ROLE_SUBJECT:
            assert subject in roles
        elif number in EMOJI_SUBJECT:
            assert subject in emoji
        elif number == 1:
            assert subject == str(guild.id)
        elif number in (3300, 3301):
            target = earlier[subject]
            assert target["reversible"] and raw["old_data"] == {
                "action_number": target["action_number"]
            }
        if number in MODERATOR_AGENT or number == 72 and agent not in bots:
            assert agent in moderators, raw
        if number in (26, 27):
            assert raw["channel_id"] in voice
        earlier[raw["id"]] = raw
    assert human_sends / sum(1 for raw in stream if raw["action_number"] in NEW_MESSAGE) > 0.9


def test_fields_follow_each_types_conventions(
    stream: list[dict[str, Any]], guilds: tuple[SimGuild, ...]
) -> None:
    guild = guilds[0]
    custom = {f"<:{e.name}:{e.id}>" for e in guild.emoji}
    roles = {str(r.id) for r in guild.roles}
    emoji_names = {e.name for e in guild.emoji}
    added: set[tuple[str, str, str]] = set()
    text: dict[str, str] = {}
    for raw in stream:
        number, data, content = raw["action_number"], raw["old_data"], raw["content"]
        if number in (3001, 3203):
            assert content and raw["channel_id"]
            text[raw["subject_id"]] = content
        if number == 3001:
            assert data is None
        elif number == 3002:
            assert data == {
                "before": {"content": text[raw["subject_id"]]},
                "after": {"content": content},
            }
            text[raw["subject_id"]] = content
        elif number in (72, 3003):
            assert data == {"author_id": data["author_id"], "content": content}
            assert content == text[raw["subject_id"]]
        elif number == 73:
            assert set(data) == {"count"} and data["count"] >= 2
        elif number in (74, 75):
            assert content == text[raw["subject_id"]]
        elif number in (3100, 3101):
            assert content in custom or content in UNICODE_EMOJI
            key = (raw["agent_id"], raw["subject_id"], content)
            if number == 3100:
                added.add(key)
            else:
                assert key in added
        elif number in (20, 22, 23):
            assert data is None
        elif number == 21:
            assert set(data) == {"days", "removed"}
        elif number == 24:
            assert set(data) == {"before", "after"} and data["before"] != data["after"]
        elif number == 25:
            assert set(data["added"] + data["removed"]) <= roles
            assert data["added"] or data["removed"]
        elif number in (40, 41, 42):
            assert set(data) == {"code", "max_uses"} and raw["channel_id"]
        elif number in (50, 51, 52):
            assert set(data) == {"name"} and raw["channel_id"]
        elif number in (10, 12, 30, 32, 60, 62, 3400, 3401, 3402):
            assert data["name"]
        elif number in (11, 31, 61, 14, 3202):
            assert data["before"] != data["after"]
        elif number == 3403:
            assert {data["added"], data["removed"]} <= emoji_names
        elif number in (80, 81, 82):
            assert set(data) == {"name", "type"}
        elif number in (3200, 3201, 3203):
            assert set(data) == {"trigger", "response"}
        if number in (20, 22, 23) and raw["reason"] is not None:
            assert raw["reason"]
    reasons = [raw["reason"] for raw in stream if raw["action_number"] in (20, 22, 23)]
    assert None in reasons and any(reasons)


def test_message_text_is_rich_and_real(
    stream: list[dict[str, Any]], guilds: tuple[SimGuild, ...]
) -> None:
    guild = guilds[0]
    texts = [raw["content"] for raw in stream if raw["action_number"] in (3001, 3002)]
    joined = "\n".join(texts)
    for needle in ("<@", "<@&", "<#", "<:", "**", "*", "__", "~~", "`", "||", "https://"):
        assert needle in joined, needle
    assert any(t.startswith("```") and "\n" in t for t in texts)
    for needle in ("[bold]", "[@click=app.quit]", "[link=", "\u200d", "👨‍👩‍👧"):
        assert needle in joined, needle
    for script in ("CJK", "CYRILLIC", "ARABIC", "HEBREW", "DEVANAGARI", "HIRAGANA"):
        assert any(script in unicodedata.name(ch, "") for ch in joined), script
    lengths = [utf16_len(t) for t in texts]
    assert max(lengths) == 2000
    assert any(1000 <= n < 2000 for n in lengths)
    assert all(n <= 2000 for n in lengths)
    mentioned = {
        "<@": {str(m.id) for m in guild.members},
        "<@&": {str(r.id) for r in guild.roles},
        "<#": {str(c.id) for c in guild.channels},
    }
    for sigil, known in mentioned.items():
        found = set(re.findall(re.escape(sigil) + r"(\d+)>", joined))
        assert found and found <= known, sigil
    emoji = set(re.findall(r"<:(\w+):(\d+)>", joined))
    assert emoji and emoji <= {(e.name, str(e.id)) for e in guild.emoji}


def test_no_control_characters_in_normal_traffic(stream: list[dict[str, Any]]) -> None:
    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    for raw in stream:
        for text in strings(raw):
            assert not any(unicodedata.category(ch) == "Cc" and ch != "\n" for ch in text), raw
