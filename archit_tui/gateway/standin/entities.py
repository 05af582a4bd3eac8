"""The simulated guild and its entities, and their wire shape (PROTOCOL.md, "Pools").

`SimGuild.pool` and `SimGuild.entity` give fresh dicts with every id a decimal string.
`archit_tui.gateway.standin.guilds.build_guilds` makes the guilds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .flavours import ADMINISTRATOR, MODERATION

POOL_KINDS: tuple[str, ...] = ("member", "user", "channel", "role", "customEmoji", "guild")
"""Entity kinds `SimGuild.pool` and `SimGuild.entity` answer for."""

NO_COLOR = "#000000"
"""Discord's "no colour": a role or member shown in the default text colour."""


@dataclass(frozen=True, slots=True)
class SimMember:
    """A member of one guild (a person or a bot)."""

    id: int
    name: str
    """The username."""
    nick: str | None
    discriminator: str
    roles: tuple[int, ...]
    """Role ids, without ``@everyone``."""
    color: str
    """Colour of the highest coloured role, ``#000000`` if none."""
    joined_at: str
    """ISO 8601 with offset, as discord.py writes it."""
    bot: bool = False
    avatar: str | None = None

    @property
    def display_name(self) -> str:
        """What Discord shows: the nickname if there is one, else the username."""
        return self.nick or self.name


@dataclass(frozen=True, slots=True)
class SimRole:
    """A role; ``@everyone`` has the guild's id and position 0."""

    id: int
    name: str
    color: str
    position: int
    hoist: bool
    managed: bool
    mentionable: bool
    permissions: int = 0
    """Discord permission bits; they decide who moderates in the simulated traffic."""


@dataclass(frozen=True, slots=True)
class SimChannel:
    """A text or voice channel."""

    id: int
    name: str
    voice: bool = False


@dataclass(frozen=True, slots=True)
class SimEmoji:
    """A custom emoji of the guild."""

    id: int
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class SimGuild:
    """One simulated guild; immutable, so traffic generators can share it."""

    id: int
    name: str
    icon: str | None
    members: tuple[SimMember, ...]
    roles: tuple[SimRole, ...]
    """Highest position first; ``@everyone`` last."""
    channels: tuple[SimChannel, ...]
    emoji: tuple[SimEmoji, ...]
    owner_id: int = 0
    former_names: tuple[str, ...] = ()
    """Earlier names, for simulated GUILD_UPDATE actions."""
    _index: dict[str, dict[int, Any]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {
            "member": {m.id: m for m in self.members},
            "channel": {c.id: c for c in self.channels},
            "role": {r.id: r for r in self.roles},
            "customEmoji": {e.id: e for e in self.emoji},
            "guild": {self.id: self},
        }
        index["user"] = index["member"]
        object.__setattr__(self, "_index", index)

    def pool(self, kind: str) -> list[dict[str, Any]]:
        """Every entity of ``kind`` (see `POOL_KINDS`), as fresh dicts in wire shape."""
        return [_to_wire(kind, item) for item in self._kind_index(kind).values()]

    def entity(self, kind: str, entity_id: int) -> dict[str, Any] | None:
        """The entity of ``kind`` with ``entity_id`` in wire shape, or None if there is none."""
        item = self._kind_index(kind).get(entity_id)
        return None if item is None else _to_wire(kind, item)

    def summary(self) -> dict[str, Any]:
        """The ``guild`` entity: ``{id, name, icon, member_count}``."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": self.icon,
            "member_count": len(self.members),
        }

    def _kind_index(self, kind: str) -> dict[int, Any]:
        try:
            return self._index[kind]
        except KeyError:
            raise ValueError(f"{kind!r} is not a pool kind; use one of {POOL_KINDS}") from None

    @property
    def humans(self) -> tuple[SimMember, ...]:
        """Members that are not bots."""
        return tuple(m for m in self.members if not m.bot)

    @property
    def bots(self) -> tuple[SimMember, ...]:
        """Bot members."""
        return tuple(m for m in self.members if m.bot)

    @property
    def text_channels(self) -> tuple[SimChannel, ...]:
        """Channels people write in."""
        return tuple(c for c in self.channels if not c.voice)

    @property
    def voice_channels(self) -> tuple[SimChannel, ...]:
        """Voice channels."""
        return tuple(c for c in self.channels if c.voice)

    def members_with(self, permissions: int) -> tuple[SimMember, ...]:
        """Human members holding a role that grants any of ``permissions`` (or the owner)."""
        granting = {r.id for r in self.roles if r.permissions & (permissions | ADMINISTRATOR)}
        return tuple(
            m
            for m in self.members
            if not m.bot and (m.id == self.owner_id or granting.intersection(m.roles))
        )

    @property
    def moderators(self) -> tuple[SimMember, ...]:
        """Humans who can kick, ban, manage messages or roles."""
        return self.members_with(MODERATION)

    @property
    def admins(self) -> tuple[SimMember, ...]:
        """The owner and the humans with the administrator permission."""
        return self.members_with(ADMINISTRATOR)


def _to_wire(kind: str, item: Any) -> dict[str, Any]:
    if kind == "member":
        return {
            "id": str(item.id),
            "name": item.name,
            "nick": item.nick,
            "avatar": item.avatar,
            "discriminator": item.discriminator,
            "roles": [str(role) for role in item.roles],
            "color": item.color,
            "joined_at": item.joined_at,
        }
    if kind == "user":
        return {
            "id": str(item.id),
            "username": item.name,
            "avatar": item.avatar,
            "discriminator": item.discriminator,
        }
    if kind == "channel":
        return {"id": str(item.id), "name": item.name}
    if kind == "role":
        return {
            "id": str(item.id),
            "name": item.name,
            "color": item.color,
            "position": item.position,
            "hoist": item.hoist,
            "managed": item.managed,
            "mentionable": item.mentionable,
        }
    if kind == "customEmoji":
        return {"id": str(item.id), "name": item.name, "url": item.url}
    summary: dict[str, Any] = item.summary()
    return summary
