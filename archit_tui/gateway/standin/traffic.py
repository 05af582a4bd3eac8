"""Realistic log-action traffic for one simulated guild, in wire shape (PROTOCOL.md).

`TrafficGenerator.next_action` returns one log action object: ids as decimal strings, a
strictly increasing hoar frost per generator, fields filled as each action type expects. The
mix is weighted like a real guild (mostly messages and reactions, rarely admin work) and every
registered action number turns up. The same guild, seed and clock readings give the same output.

Speed matters (the stand-in streams tens of thousands of actions a second in benchmarks), so
all text and every id string is prepared in ``__init__`` and each action is one dict literal.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from archit_tui.protocol.snowflake import (
    DISCORD_EPOCH_MS,
    snowflake_from_unix_ms,
    snowflake_to_unix_ms,
)

from .chatter import Chatter
from .corpus import UNICODE_EMOJI
from .entities import SimGuild
from .flavours import ADMINISTRATOR
from .names import nickname
from .traffic_admin import AdminActions
from .traffic_chat import ChatActions
from .traffic_state import Row
from .traffic_tables import AUTO_RESPONSES, MIX, ORIGIN, REVERSIBLE

__all__ = ["TrafficGenerator"]

_LOW_BITS = (1 << 22) - 1
_TEXTS = 1536
"""Distinct member messages per generator; enough that repeats go unnoticed."""
_UNDOABLE = 64
_SET_UP_BY_MS = 1_735_689_600_000
"""2025-01-01: the guild's first auto-responses were set up before then."""


class TrafficGenerator(ChatActions, AdminActions):
    """Makes one guild's log actions, one at a time or in bursts."""

    def __init__(self, guild: SimGuild, seed: int, clock: Callable[[], int]) -> None:
        """``clock`` returns Unix milliseconds; it is read once per action."""
        rng = random.Random(f"archit-tui/traffic/{seed}/{guild.id}")
        self.guild = guild
        self._clock = clock
        self._rng = rng
        self._random = rng.random
        self._guild_id = str(guild.id)
        chatter = Chatter(rng, guild)
        self._texts = chatter.message_texts(_TEXTS)
        self._bot_texts = chatter.bot_texts(64)
        humans = guild.humans or guild.members
        self._humans = [str(m.id) for m in humans]
        self._talkers = _zipf(rng, self._humans, 2048)
        moderators = guild.moderators or humans
        self._mods = [str(m.id) for m in moderators]
        self._admins = [str(m.id) for m in guild.admins] or self._mods
        self._bots = [str(m.id) for m in guild.bots]
        architus = [str(m.id) for m in guild.bots if m.name == "architus"]
        self._architus = (architus or self._bots or self._admins)[0]
        staff = set(self._mods)
        self._victims = [h for h in self._humans if h not in staff] or self._humans
        self._nicks = [(str(m.id), m.nick) for m in humans]
        self._spare_nicks = [nickname(rng, rng.choice(humans).name) for _ in range(32)]
        self._text_channels = _channel_weights(rng, guild)
        self._voice_channels = [str(c.id) for c in guild.voice_channels] or self._text_channels
        self._channels = [(str(c.id), c.name) for c in guild.channels]
        roles = [r for r in guild.roles if r.id != guild.id]
        self._roles = [(str(r.id), r.name, r.color) for r in roles] or [
            (self._guild_id, "@everyone", "#000000")
        ]
        assignable = [r for r in roles if not r.managed and not r.permissions & ADMINISTRATOR]
        self._role_members = [
            (
                str(m.id),
                [str(r.id) for r in assignable if r.id in m.roles],
                [str(r.id) for r in assignable if r.id not in m.roles],
            )
            for m in humans
        ]
        self._emoji = [(str(e.id), e.name) for e in guild.emoji]
        custom = [f"<:{e.name}:{e.id}>" for e in guild.emoji]
        self._reactions = [*UNICODE_EMOJI, *UNICODE_EMOJI[:8], *custom, *custom]
        self._invites = [
            "".join(rng.choices(_CODE_CHARS, k=rng.randrange(7, 11))) for _ in range(16)
        ]
        founded = snowflake_to_unix_ms(guild.id)
        self._responses: list[list[Any]] = [
            [str(snowflake_from_unix_ms(rng.randrange(founded, _SET_UP_BY_MS), i)), *row]
            for i, row in enumerate(AUTO_RESPONSES[:10])
        ]
        self._recent: list[list[str]] = []
        self._reacted: list[tuple[str, str, str, str]] = []
        self._undoable: list[tuple[str, int]] = []
        self._seq = 0
        self._last_id = 0
        self._message_seq = 0
        self._last_message = 0
        self._now = DISCORD_EPOCH_MS
        builders = self._builders()
        self._pick_builder = [builders[number] for number, _ in MIX]
        cumulative = list(accumulate(weight for _, weight in MIX))
        self._total = cumulative[-1]
        cumulative[-1] = float("inf")  # random() * total may round up to total itself
        self._cumulative = cumulative

    def next_action(self) -> dict[str, Any]:
        """The next log action object, in wire shape."""
        ms = int(self._clock())
        self._now = ms
        builder = self._pick_builder[bisect_right(self._cumulative, self._random() * self._total)]
        number, agent, subject, channel, content, reason, old_data = builder()
        seq = self._seq
        self._seq = seq + 1
        clamped = ms if ms > DISCORD_EPOCH_MS else DISCORD_EPOCH_MS
        hoar_frost = snowflake_from_unix_ms(clamped, seq & _LOW_BITS)
        if hoar_frost <= self._last_id:  # the clock stood still long or went back
            hoar_frost = self._last_id + 1
        self._last_id = hoar_frost
        action_id = str(hoar_frost)
        reversible = number in REVERSIBLE
        if reversible:
            self._keep(self._undoable, (action_id, number), _UNDOABLE)
        return {
            "id": action_id,
            "action_number": number,
            "reversible": reversible,
            "agent_id": agent,
            "subject_id": subject,
            "channel_id": channel,
            "guild_id": self._guild_id,
            "timestamp": ms,
            "content": content,
            "reason": reason,
            "old_data": old_data,
            "origin": ORIGIN[number],
        }

    def burst(self, count: int) -> list[dict[str, Any]]:
        """``count`` actions at once (the clock is still read for each)."""
        next_action = self.next_action
        return [next_action() for _ in range(count)]

    def _builders(self) -> dict[int, Callable[[], Row]]:
        """Action number -> the method that makes the rest of such an action."""
        return {**self._chat_builders(), **self._admin_builders()}


_CODE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _zipf(rng: random.Random, ids: list[str], size: int) -> list[str]:
    """A sample where a few people do most of the talking, as in any real guild."""
    order = list(ids)
    rng.shuffle(order)
    weights = [1.0 / (rank + 1) for rank in range(len(order))]
    return rng.choices(order, weights, k=size)


def _channel_weights(rng: random.Random, guild: SimGuild) -> list[str]:
    """Text channel ids, #general often, announcements and rules seldom."""
    channels = guild.text_channels
    if not channels:
        return [str(c.id) for c in guild.channels] or [str(guild.id)]
    quiet = {"announcements", "rules"}
    weights = [6.0 if c.name == "general" else 0.2 if c.name in quiet else 1.0 for c in channels]
    return rng.choices([str(c.id) for c in channels], weights, k=512)
