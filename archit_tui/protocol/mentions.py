"""Discord mention syntax: ``<@id>``, ``<@!id>``, ``<@&id>``, ``<#id>``, ``<:name:id>``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

MENTION = re.compile(r"<(@!?|@&|#|a?:(?P<emoji>[A-Za-z0-9_~]{1,64}):)(?P<id>\d{1,20})>")
"""One mention; group 1 is the sigil, ``emoji`` the custom emoji's name, ``id`` the id."""


class NameLookup(Protocol):
    """Resolves ids to names through the entity pools; ``None`` while a name is unknown."""

    def member_name(self, member_id: int) -> str | None: ...
    def channel_name(self, channel_id: int) -> str | None: ...
    def role_name(self, role_id: int) -> str | None: ...
    def emoji_name(self, emoji_id: int) -> str | None: ...


class NoNames:
    """A `NameLookup` that knows nothing: every id shows bare."""

    def member_name(self, member_id: int) -> str | None:
        return None

    def channel_name(self, channel_id: int) -> str | None:
        return None

    def role_name(self, role_id: int) -> str | None:
        return None

    def emoji_name(self, emoji_id: int) -> str | None:
        return None


def mention_text(sigil: str, emoji: str | None, entity_id: int, names: NameLookup) -> str:
    """What a mention reads as: ``@alice``, ``#general``, ``@Moderators`` or ``:blobwave:``."""
    if emoji is not None:
        return f":{emoji}:"
    if sigil == "#":
        return f"#{names.channel_name(entity_id) or entity_id}"
    if sigil == "@&":
        return f"@{names.role_name(entity_id) or entity_id}"
    return f"@{names.member_name(entity_id) or entity_id}"


def replace_mentions(text: str, names: NameLookup) -> str:
    """``text`` with every mention written as the name it stands for (ids while unknown)."""
    if "<" not in text:
        return text
    return MENTION.sub(_replacer(names), text)


def _replacer(names: NameLookup) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        return mention_text(match.group(1), match.group("emoji"), int(match.group("id")), names)

    return replace
