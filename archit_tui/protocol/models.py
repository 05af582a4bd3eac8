"""Typed, immutable models of what the gateway sends (PROTOCOL.md).

Every model is built by a parse function in `archit_tui.protocol.parse`; nothing here touches
the network. Ids are ``int`` (see `archit_tui.protocol.snowflake`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple, TypeAlias

from .actions import ActionType, action_type
from .json_values import JSON
from .snowflake import snowflake_to_unix_ms


@dataclass(frozen=True, slots=True)
class MalformedEvent:
    """An incoming event that could not be understood. Counted and shown, never dropped."""

    event: str
    """The Socket.IO event name it arrived as."""
    reason: str
    """What is wrong with it, in plain words."""
    raw: JSON
    """The payload exactly as decoded."""


class LogAction(NamedTuple):
    """One entry of a guild's audit log, as streamed by ``log_pool``.

    A named tuple rather than a frozen dataclass: as immutable, and three times quicker to
    build, which a stream of thousands a second notices.
    """

    id: int
    """Hoar frost: unique per action, and it carries the creation time."""
    action_number: int
    """What happened; see `type`."""
    timestamp_ms: int
    """Unix milliseconds: the ``timestamp`` field when present, else derived from `id`."""
    reversible: bool = False
    agent_id: int | None = None
    """Who did it."""
    subject_id: int | None = None
    """What it was done to (a member, a message, a channel, ... depending on the type)."""
    guild_id: int | None = None
    channel_id: int | None = None
    content: str | None = None
    """Display text: Discord markdown with ``<@id>``-style mentions."""
    reason: str | None = None
    old_data: JSON = None
    """What is needed to rebuild the object (``old_data``, or the deployed ``data``)."""
    origin: int | None = None
    """0 unknown, 1 gateway, 2 audit log, 3 hybrid."""
    private: bool = False
    problems: tuple[str, ...] = ()
    """Optional fields that were present but unusable, and so ignored (kept in the raw payload)."""

    @property
    def type(self) -> ActionType:
        """The registry entry for `action_number` (``UNKNOWN(n)`` when undocumented)."""
        return action_type(self.action_number)

    @property
    def id_time_ms(self) -> int:
        """Unix milliseconds encoded in the hoar frost itself."""
        return snowflake_to_unix_ms(self.id)


class LogPoolEvent(NamedTuple):
    """A ``log_pool`` event: one log action of a spectated guild."""

    guild_id: int
    action: LogAction
    raw: JSON
    """The payload as decoded, for the detail pane and for captures."""
    raw_text: str | None = None
    """The payload as received (JSON text), when the transport kept it."""


@dataclass(frozen=True, slots=True)
class ElevationResult:
    """The answer to ``request_elevation``."""

    success: bool
    room: str | None = None
    """The elevated room, ``<sid>_auth``, when given."""
    reason: str | None = None
    """Why elevation failed, in plain words, when it did."""


@dataclass(frozen=True, slots=True)
class BotMessageSent:
    """The bot sent a new message."""

    message_id: int
    content: str


@dataclass(frozen=True, slots=True)
class BotMessageEdited:
    """The bot replaced the content of an earlier message."""

    message_id: int
    content: str


@dataclass(frozen=True, slots=True)
class BotReactionAdded:
    """The bot reacted to a message (its own, or the user's)."""

    message_id: int
    emoji: str


@dataclass(frozen=True, slots=True)
class BotReactionRemoved:
    """A reaction was removed from a message."""

    message_id: int
    emoji: str
    targets_user: bool = False
    """True when the user's own reaction was removed rather than the bot's."""


@dataclass(frozen=True, slots=True)
class BotMessageDeleted:
    """The bot deleted a message."""

    message_id: int


BotChange: TypeAlias = (
    BotMessageSent | BotMessageEdited | BotReactionAdded | BotReactionRemoved | BotMessageDeleted
)


@dataclass(frozen=True, slots=True)
class MockBotEvent:
    """A ``mock_bot_event``, normalised into the changes it makes to the chat, in order."""

    guild_id: int
    changes: tuple[BotChange, ...]
    raw: JSON = None


@dataclass(frozen=True, slots=True)
class GatewayError:
    """An ``error`` event from the gateway."""

    message: str
    """The technical message."""
    human: str | None = None
    """What a person should read, when the gateway gave it."""
    details: str | None = None
    context: tuple[JSON, ...] = ()
    """What the error concerns, e.g. ``["mock_user_event", 4]``."""
    code: int | None = None
    """HTTP-like status: 401 means the socket is not elevated."""
    request_id: int | None = None
    """The ``_id`` of the request it answers, if any."""
    raw: JSON = None

    @property
    def text(self) -> str:
        """The best sentence to show a person."""
        return self.human or self.message


@dataclass(frozen=True, slots=True)
class PoolResponse:
    """One ``pool_response`` reply; a request may get several, the last one ``finished``."""

    request_id: int
    finished: bool
    data: tuple[JSON, ...]
    """Entity objects, still raw: their kind is known only to the request."""
    nonexistent: tuple[int, ...] = ()
    """Ids the gateway does not know (``nonexistant`` on the wire)."""


EntityKind = Literal["member", "user", "channel", "role", "customEmoji", "guild"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("member", "user", "channel", "role", "customEmoji", "guild")


@dataclass(frozen=True, slots=True)
class Member:
    """A guild member."""

    id: int
    name: str
    nick: str | None = None
    avatar: str | None = None
    discriminator: str | None = None
    roles: tuple[int, ...] = ()
    color: str | None = None
    joined_at: str | None = None

    @property
    def display_name(self) -> str:
        """The nickname when set, else the user name."""
        return self.nick or self.name


@dataclass(frozen=True, slots=True)
class User:
    """A Discord user."""

    id: int
    username: str
    avatar: str | None = None
    discriminator: str | None = None

    @property
    def display_name(self) -> str:
        return self.username


@dataclass(frozen=True, slots=True)
class Channel:
    """A guild channel."""

    id: int
    name: str

    @property
    def display_name(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Role:
    """A guild role."""

    id: int
    name: str
    color: str | None = None
    position: int = 0
    hoist: bool = False
    managed: bool = False
    mentionable: bool = False

    @property
    def display_name(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class CustomEmoji:
    """A guild's custom emoji."""

    id: int
    name: str
    url: str | None = None

    @property
    def display_name(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Guild:
    """A guild the token may spectate."""

    id: int
    name: str
    icon: str | None = None
    member_count: int | None = None
    extra: dict[str, JSON] = field(default_factory=dict, compare=False, hash=False)
    """Fields beyond the documented ones, kept for the detail view."""

    @property
    def display_name(self) -> str:
        return self.name


Entity: TypeAlias = Member | User | Channel | Role | CustomEmoji | Guild
