"""The names of a guild's entities, learnt from pool replies, for showing names instead of ids.

A `NameBook` answers the summaries (`NameLookup`) and the filter language (member and channel
ids whose names pass a test), remembers which ids it still has to ask the gateway about, and
stays bounded: beyond `MAX_NAMES` per kind, the oldest entries are forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from .models import Channel, CustomEmoji, Entity, Guild, Member, Role, User

MAX_NAMES = 250_000
"""Entries kept per kind; a guild bigger than this gets its oldest names asked again."""

LookupKind = Literal["member", "channel", "role", "customEmoji"]


class _Names:
    """One kind's names: display name, and the lower-cased names a filter searches."""

    def __init__(self) -> None:
        self.display: dict[int, str] = {}
        self.searchable: dict[int, str] = {}

    def set(self, entity_id: int, display: str, *aliases: str | None) -> None:
        self.display.pop(entity_id, None)
        self.display[entity_id] = display
        names = dict.fromkeys(name.lower() for name in (display, *aliases) if name)
        self.searchable.pop(entity_id, None)
        self.searchable[entity_id] = "\n".join(names)
        while len(self.display) > MAX_NAMES:
            oldest = next(iter(self.display))
            del self.display[oldest]
            del self.searchable[oldest]

    def ids_where(self, test: Callable[[str], bool]) -> set[int]:
        return {entity_id for entity_id, names in self.searchable.items() if test(names)}


class NameBook:
    """Names of members, users, channels, roles and custom emoji of the spectated guild."""

    def __init__(self) -> None:
        self.version = 0
        """Bumped whenever a name is learnt, so that caches of rendered rows know to refresh."""
        self.guilds: dict[int, Guild] = {}
        """The guilds the token may spectate, from ``pool_all_request {type: guild}``."""
        self._kinds: dict[LookupKind, _Names] = {
            "member": _Names(),
            "channel": _Names(),
            "role": _Names(),
            "customEmoji": _Names(),
        }
        self._asked: dict[LookupKind, set[int]] = {kind: set() for kind in self._kinds}
        self._wanted: dict[LookupKind, dict[int, None]] = {kind: {} for kind in self._kinds}

    def clear(self) -> None:
        """Forget the guild's names (another guild is about to be spectated)."""
        for names in self._kinds.values():
            names.display.clear()
            names.searchable.clear()
        for asked in self._asked.values():
            asked.clear()
        for wanted in self._wanted.values():
            wanted.clear()
        self.version += 1

    def learn(self, entities: Iterable[Entity]) -> None:
        """Remember the names of ``entities``."""
        for entity in entities:
            if isinstance(entity, Member):
                self._kinds["member"].set(entity.id, entity.display_name, entity.name, entity.nick)
            elif isinstance(entity, User):
                if entity.id not in self._kinds["member"].display:
                    self._kinds["member"].set(entity.id, entity.username)
            elif isinstance(entity, Channel):
                self._kinds["channel"].set(entity.id, entity.name)
            elif isinstance(entity, Role):
                self._kinds["role"].set(entity.id, entity.name)
            elif isinstance(entity, CustomEmoji):
                self._kinds["customEmoji"].set(entity.id, entity.name)
            elif isinstance(entity, Guild):
                self.guilds[entity.id] = entity
        self.version += 1

    def learn_missing(self, kind: LookupKind, ids: Iterable[int]) -> None:
        """The gateway does not know ``ids``: stop asking about them."""
        self._asked[kind].update(ids)

    # NameLookup, for summaries ----------------------------------------------------------------

    def member_name(self, member_id: int) -> str | None:
        return self._kinds["member"].display.get(member_id)

    def channel_name(self, channel_id: int) -> str | None:
        return self._kinds["channel"].display.get(channel_id)

    def role_name(self, role_id: int) -> str | None:
        return self._kinds["role"].display.get(role_id)

    def emoji_name(self, emoji_id: int) -> str | None:
        return self._kinds["customEmoji"].display.get(emoji_id)

    def guild_name(self, guild_id: int | None) -> str | None:
        guild = self.guilds.get(guild_id) if guild_id is not None else None
        return guild.name if guild is not None else None

    # NameIndex, for the filter language -------------------------------------------------------

    def member_ids(self, test: Callable[[str], bool]) -> set[int]:
        """Ids of members whose lower-cased names (display, user name, nickname) pass ``test``."""
        return self._kinds["member"].ids_where(test)

    def channel_ids(self, test: Callable[[str], bool]) -> set[int]:
        """Ids of channels whose lower-cased name passes ``test``."""
        return self._kinds["channel"].ids_where(test)

    # What to ask the gateway ------------------------------------------------------------------

    def want(self, kind: LookupKind, entity_id: int) -> None:
        """Note that a row shows ``entity_id``; ask for its name unless known or already asked."""
        if entity_id and entity_id not in self._kinds[kind].display:
            if entity_id not in self._asked[kind]:
                self._wanted[kind][entity_id] = None

    def take_wanted(self, kind: LookupKind, limit: int = 100) -> list[int]:
        """Up to ``limit`` ids to ask about now; they count as asked from here on."""
        wanted = self._wanted[kind]
        known = self._kinds[kind].display
        batch = []
        for entity_id in list(wanted):
            if len(batch) == limit:
                break
            del wanted[entity_id]
            if entity_id not in known:  # a pool reply may have brought it meanwhile
                batch.append(entity_id)
        self._asked[kind].update(batch)
        return batch

    def give_back(self, kind: LookupKind, ids: Iterable[int]) -> None:
        """Asking about ``ids`` failed: ask again later."""
        for entity_id in ids:
            self._asked[kind].discard(entity_id)
            self._wanted[kind][entity_id] = None
