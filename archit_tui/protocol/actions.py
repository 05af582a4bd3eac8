"""The registry of log-action types: number -> name, category and pool flag (PROTOCOL.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Literal


class Category(str, Enum):
    """What part of a guild an action concerns; the UI colours types by it."""

    GUILD = "guild"
    CHANNEL = "channel"
    MEMBER = "member"
    MODERATION = "moderation"
    ROLE = "role"
    INVITE = "invite"
    WEBHOOK = "webhook"
    EMOJI = "emoji"
    MESSAGE = "message"
    INTEGRATION = "integration"
    REACTION = "reaction"
    AUTO_RESPONSE = "auto-response"
    ARCHITUS = "architus"
    CONNECTION = "connection"
    UNKNOWN = "unknown"


SubjectKind = Literal[
    "member", "message", "channel", "role", "emoji", "guild", "action", "other", "none"
]
"""What an action's ``subject_id`` refers to."""


@dataclass(frozen=True, slots=True)
class ActionType:
    """One kind of log action."""

    number: int
    """The ``action_number`` on the wire."""
    name: str
    """Upper-case name, e.g. ``MESSAGE_SEND``; ``UNKNOWN(n)`` for numbers nobody documented."""
    category: Category
    """The part of the guild it concerns."""
    pool: bool
    """True if the gateway sends it even without ``non_pool`` (it keeps entity pools current)."""
    subject: SubjectKind = "none"
    """What ``subject_id`` names for this type."""

    @property
    def known(self) -> bool:
        """False for numbers missing from the registry."""
        return self.category is not Category.UNKNOWN


_C = Category
_REGISTRY_ROWS: tuple[tuple[int, str, Category, bool], ...] = (
    (1, "GUILD_UPDATE", _C.GUILD, True),
    (10, "CHANNEL_CREATE", _C.CHANNEL, True),
    (11, "CHANNEL_UPDATE", _C.CHANNEL, True),
    (12, "CHANNEL_DELETE", _C.CHANNEL, True),
    (13, "CHANNEL_OVERWRITE_CREATE", _C.CHANNEL, True),
    (14, "CHANNEL_OVERWRITE_UPDATE", _C.CHANNEL, True),
    (15, "CHANNEL_OVERWRITE_DELETE", _C.CHANNEL, True),
    (20, "MEMBER_KICK", _C.MODERATION, True),
    (21, "MEMBER_PRUNE", _C.MODERATION, True),
    (22, "MEMBER_BAN_ADD", _C.MODERATION, True),
    (23, "MEMBER_BAN_REMOVE", _C.MODERATION, True),
    (24, "MEMBER_UPDATE", _C.MEMBER, True),
    (25, "MEMBER_ROLE_UPDATE", _C.MEMBER, True),
    (26, "MEMBER_MOVE", _C.MEMBER, False),
    (27, "MEMBER_DISCONNECT", _C.MEMBER, False),
    (28, "BOT_ADD", _C.MEMBER, True),
    (30, "ROLE_CREATE", _C.ROLE, True),
    (31, "ROLE_UPDATE", _C.ROLE, True),
    (32, "ROLE_DELETE", _C.ROLE, True),
    (40, "INVITE_CREATE", _C.INVITE, True),
    (41, "INVITE_UPDATE", _C.INVITE, True),
    (42, "INVITE_DELETE", _C.INVITE, True),
    (50, "WEBHOOK_CREATE", _C.WEBHOOK, True),
    (51, "WEBHOOK_UPDATE", _C.WEBHOOK, True),
    (52, "WEBHOOK_DELETE", _C.WEBHOOK, True),
    (60, "EMOJI_CREATE", _C.EMOJI, True),
    (61, "EMOJI_UPDATE", _C.EMOJI, True),
    (62, "EMOJI_DELETE", _C.EMOJI, True),
    (72, "MESSAGE_DELETE", _C.MESSAGE, False),
    (73, "MESSAGE_BULK_DELETE", _C.MESSAGE, False),
    (74, "MESSAGE_PIN", _C.MESSAGE, False),
    (75, "MESSAGE_UNPIN", _C.MESSAGE, False),
    (80, "INTEGRATION_CREATE", _C.INTEGRATION, True),
    (81, "INTEGRATION_UPDATE", _C.INTEGRATION, True),
    (82, "INTEGRATION_DELETE", _C.INTEGRATION, True),
    (3001, "MESSAGE_SEND", _C.MESSAGE, False),
    (3002, "MESSAGE_EDIT", _C.MESSAGE, False),
    (3003, "MESSAGE_DELETE", _C.MESSAGE, False),
    (3100, "REACTION_ADD", _C.REACTION, False),
    (3101, "REACTION_REMOVE", _C.REACTION, False),
    (3200, "AUTO_RESPONSE_ADD", _C.AUTO_RESPONSE, True),
    (3201, "AUTO_RESPONSE_REMOVE", _C.AUTO_RESPONSE, True),
    (3202, "AUTO_RESPONSE_EDIT", _C.AUTO_RESPONSE, True),
    (3203, "AUTO_RESPONSE_TRIGGER", _C.AUTO_RESPONSE, False),
    (3300, "LOG_REVERT", _C.ARCHITUS, False),
    (3301, "LOG_ROLLBACK", _C.ARCHITUS, False),
    (3400, "EMOJI_MANAGER_TRIGGER", _C.EMOJI, False),
    (3401, "EMOJI_MANAGER_CREATE", _C.EMOJI, True),
    (3402, "EMOJI_MANAGER_DELETE", _C.EMOJI, True),
    (3403, "EMOJI_MANAGER_EXCHANGE", _C.EMOJI, True),
)

_SUBJECTS: dict[SubjectKind, tuple[int, ...]] = {
    "guild": (1,),
    "channel": (10, 11, 12, 13, 14, 15),
    "member": (20, 22, 23, 24, 25, 26, 27, 28),
    "role": (30, 31, 32),
    "emoji": (60, 61, 62, 3400, 3401, 3402, 3403),
    "message": (72, 74, 75, 3001, 3002, 3003, 3100, 3101, 3203),
    "action": (3300, 3301),
    "other": (50, 51, 52, 80, 81, 82, 3200, 3201, 3202),
}
_SUBJECT_OF = {number: kind for kind, numbers in _SUBJECTS.items() for number in numbers}

CONNECTION_GAP = ActionType(-1, "CONNECTION_GAP", Category.CONNECTION, False)
"""A row the app adds where the connection was lost: nothing arrived between its two times."""

APP_TYPES: tuple[ActionType, ...] = (CONNECTION_GAP,)
"""Types of rows the app makes itself; negative numbers, which the wire parser refuses."""

ACTION_TYPES: dict[int, ActionType] = {
    number: ActionType(number, name, category, pool, _SUBJECT_OF.get(number, "none"))
    for number, name, category, pool in _REGISTRY_ROWS
}
"""Every documented action type by number (what the wire may carry)."""

NAMED_TYPES: dict[int, ActionType] = {**ACTION_TYPES, **{kind.number: kind for kind in APP_TYPES}}
"""Every type with a name of its own: the documented ones and the app's (any other number is
shown as ``UNKNOWN(n)``)."""


@lru_cache(maxsize=4096)
def action_type(number: int) -> ActionType:
    """The type of ``number``; numbers outside the registry become ``UNKNOWN(n)``, kept."""
    known = NAMED_TYPES.get(number)
    if known is not None:
        return known
    return ActionType(number, f"UNKNOWN({number})", Category.UNKNOWN, False)


def types_matching(term: str) -> frozenset[int]:
    """Numbers whose type matches ``term``: a number, an exact name or a name prefix.

    Case-insensitive; ``message`` matches every ``MESSAGE_*``; ``3001`` matches ``MESSAGE_SEND``
    and a number outside the registry still matches itself.
    """
    term = term.strip()
    if term.isascii() and term.isdigit():
        return frozenset({int(term)})
    wanted = term.upper().replace("-", "_")
    exact = {t.number for t in NAMED_TYPES.values() if t.name == wanted}
    if exact:
        return frozenset(exact)
    return frozenset(t.number for t in NAMED_TYPES.values() if t.name.startswith(wanted))
