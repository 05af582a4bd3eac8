"""State shared by the traffic builders, and the small helpers they all use.

A builder returns a `Row`: ``(action_number, agent_id, subject_id, channel_id, content, reason,
old_data)``, ids as decimal strings; `TrafficGenerator` adds the id, time and guild.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, TypeAlias

from archit_tui.protocol.snowflake import DISCORD_EPOCH_MS

from .entities import SimGuild

Row: TypeAlias = tuple[int, str | None, str | None, str | None, str | None, str | None, Any]
"""(action_number, agent_id, subject_id, channel_id, content, reason, old_data)."""

RECENT_MESSAGES = 512
"""Messages remembered for edits, deletes, pins and reactions."""
_MESSAGE_WORKER = 1 << 21
"""Message ids set this bit; hoar frosts made by the same generator at the same ms may not."""


def pick(r: Callable[[], float], items: list[Any] | tuple[Any, ...]) -> Any:
    """A random item of ``items`` (non-empty), drawn with ``r`` = ``random.random``."""
    return items[int(r() * len(items))]


class TrafficState:
    """What a guild's traffic remembers; `TrafficGenerator.__init__` fills it in."""

    guild: SimGuild
    _rng: random.Random
    _random: Callable[[], float]
    _now: int
    """Unix ms of the action being made."""
    _guild_id: str
    _texts: list[str]
    _bot_texts: list[str]
    _talkers: list[str]
    """Human ids, the chatty ones many times over."""
    _humans: list[str]
    _mods: list[str]
    _admins: list[str]
    _bots: list[str]
    _architus: str
    _victims: list[str]
    _nicks: list[tuple[str, str | None]]
    _spare_nicks: list[str]
    _text_channels: list[str]
    """Text channel ids, busy channels many times over."""
    _voice_channels: list[str]
    _channels: list[tuple[str, str]]
    _roles: list[tuple[str, str, str]]
    _role_members: list[tuple[str, list[str], list[str]]]
    """(member id, assignable roles held, assignable roles not held)."""
    _emoji: list[tuple[str, str]]
    _reactions: list[str]
    _invites: list[str]
    _responses: list[list[Any]]
    """Live auto-responses: [id, trigger, response, messages that set it off]."""
    _recent: list[list[str]]
    """[message id, author id, channel id, text] of messages sent lately."""
    _reacted: list[tuple[str, str, str, str]]
    _undoable: list[tuple[str, int]]
    """(hoar frost, action number) of recent reversible actions."""
    _message_seq: int
    _last_message: int

    def _send(self) -> Row:
        """A MESSAGE_SEND row; the fallback of builders that find nothing to act on."""
        raise NotImplementedError  # `ChatActions` has it

    def _new_id(self) -> str:
        """A fresh snowflake for a message (or auto-response) made now; increasing and unique."""
        ms = self._now if self._now > DISCORD_EPOCH_MS else DISCORD_EPOCH_MS
        seq = self._message_seq
        self._message_seq = seq + 1
        snowflake = ((ms - DISCORD_EPOCH_MS) << 22) | _MESSAGE_WORKER | (seq & 0x1F_FFFF)
        if snowflake <= self._last_message:
            snowflake = self._last_message + 1
        self._last_message = snowflake
        return str(snowflake)

    def _keep(self, items: list[Any], item: Any, limit: int) -> None:
        """Append ``item``; once ``limit`` is reached it evicts a random older one instead."""
        if len(items) < limit:
            items.append(item)
        else:
            items[int(self._random() * limit)] = item

    def _remember(self, message: list[str]) -> None:
        """Keep ``[message_id, author_id, channel_id, text]`` for later edits and reactions."""
        self._keep(self._recent, message, RECENT_MESSAGES)

    @staticmethod
    def _take(items: list[Any], index: int) -> Any:
        """Remove and return ``items[index]`` in O(1) (order does not matter)."""
        item = items[index]
        last = items.pop()
        if index < len(items):
            items[index] = last
        return item
