"""Models and parsers of what a client sends (PROTOCOL.md), for the stand-in gateway.

Like `archit_tui.protocol.parse`, every parser returns a model or a `MalformedEvent` and never
raises.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Malformed, ObjectReader, guarded, require_object
from .json_values import JSON, json_kind
from .models import ENTITY_KINDS, EntityKind, MalformedEvent
from .snowflake import parse_snowflake

MOCK_GUILD_ID_LIMIT = 10_000_000
"""Mock guild ids are below this (the real backend never persisted those guilds)."""


@dataclass(frozen=True, slots=True)
class ElevationRequest:
    """``request_elevation``. The token is a secret: it is left out of the repr."""

    token: str

    def __repr__(self) -> str:
        return "ElevationRequest(token=<hidden>)"


@dataclass(frozen=True, slots=True)
class SpectateRequest:
    """``spectate``: watch one guild's log actions."""

    guild_id: int
    non_pool: bool = False


@dataclass(frozen=True, slots=True)
class MockUserEvent:
    """``mock_user_event``: the user typed a message, or reacted to one."""

    guild_id: int
    message_id: int
    content: str | None = None
    added_reactions: tuple[str, ...] = ()
    removed_reactions: tuple[str, ...] = ()
    allowed_commands: tuple[str, ...] | None = None
    """None: the client did not say, so every command is allowed."""
    silent: bool = False


@dataclass(frozen=True, slots=True)
class PoolRequest:
    """``pool_request`` (``ids`` given) or ``pool_all_request`` (``ids`` is None)."""

    kind: EntityKind
    guild_id: int | None
    request_id: int
    ids: tuple[int, ...] | None = None


def parse_elevation_request(payload: JSON) -> ElevationRequest | MalformedEvent:
    """``{"token": str}``."""

    def build() -> ElevationRequest:
        token = ObjectReader(require_object(payload, "the payload")).string("token")
        return ElevationRequest(token)

    # The raw payload holds the token: never keep it in a value that may be shown or logged.
    result = guarded("request_elevation", payload, build)
    if isinstance(result, MalformedEvent):
        return MalformedEvent(result.event, result.reason, None)
    return result


def parse_spectate(payload: JSON) -> SpectateRequest | MalformedEvent:
    """``{"guild_id": snowflake, "non_pool"?: bool}``, or a bare guild id (deployed client)."""

    def build() -> SpectateRequest:
        if not isinstance(payload, dict):
            return SpectateRequest(guild_id=parse_snowflake(payload))
        reader = ObjectReader(payload)
        guild_id = reader.snowflake("guild_id")
        non_pool = payload.get("non_pool", False)
        if non_pool is None:
            non_pool = False
        if not isinstance(non_pool, bool):
            raise Malformed(f"non_pool should be true or false, got {json_kind(non_pool)}")
        return SpectateRequest(guild_id=guild_id, non_pool=non_pool)

    return guarded("spectate", payload, build)


def parse_mock_user_event(payload: JSON) -> MockUserEvent | MalformedEvent:
    """``mock_user_event``; accepts ``removed_reacions`` (documented) and ``removed_reactions``."""

    def build() -> MockUserEvent:
        obj = require_object(payload, "the payload")
        reader = ObjectReader(obj)
        guild_id = reader.snowflake(reader.first_key("guild_id", "guildId") or "guild_id")
        if guild_id >= MOCK_GUILD_ID_LIMIT:
            raise Malformed(
                f"guild_id {guild_id} is not a mock guild (mock ids are below 10000000)"
            )
        message_id = reader.snowflake(reader.first_key("message_id", "messageId") or "message_id")
        content = obj.get("content")
        if content is not None and not isinstance(content, str):
            raise Malformed(f"content should be a string or null, got {json_kind(content)}")
        removed_key = (
            reader.first_key("removed_reacions", "removed_reactions") or "removed_reacions"
        )
        allowed = obj.get("allowed_commands")
        if allowed is not None:
            allowed = _strings(allowed, "allowed_commands")
        silent = obj.get("silent", False)
        if silent is None:
            silent = False
        if not isinstance(silent, bool):
            raise Malformed(f"silent should be true or false, got {json_kind(silent)}")
        return MockUserEvent(
            guild_id=guild_id,
            message_id=message_id,
            content=content,
            added_reactions=_strings(obj.get("added_reactions"), "added_reactions"),
            removed_reactions=_strings(obj.get(removed_key), removed_key),
            allowed_commands=allowed,
            silent=silent,
        )

    return guarded("mock_user_event", payload, build)


def parse_pool_request(payload: JSON, *, all_of_kind: bool) -> PoolRequest | MalformedEvent:
    """``pool_request {type, guildId, ids, _id}`` or ``pool_all_request {type, guildId, _id}``."""
    event = "pool_all_request" if all_of_kind else "pool_request"

    def build() -> PoolRequest:
        obj = require_object(payload, "the payload")
        reader = ObjectReader(obj)
        kind = reader.string("type")
        if kind not in ENTITY_KINDS:
            raise Malformed(f"type {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
        request_id = reader.integer("_id")
        guild_key = reader.first_key("guildId", "guild_id")
        guild_id = reader.snowflake(guild_key) if guild_key else None
        if kind != "guild" and guild_id is None:
            raise Malformed(f"guildId is missing (a {kind} pool belongs to a guild)")
        ids = None
        if not all_of_kind:
            raw_ids = obj.get("ids")
            if not isinstance(raw_ids, list):
                raise Malformed(f"ids should be an array, got {json_kind(raw_ids)}")
            ids = tuple(parse_snowflake(item) for item in raw_ids)
        return PoolRequest(kind=kind, guild_id=guild_id, request_id=request_id, ids=ids)  # type: ignore[arg-type]

    return guarded(event, payload, build)


def _strings(value: JSON, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Malformed(f"{key} should be an array of strings, got {json_kind(value)}")
    return tuple(value)
