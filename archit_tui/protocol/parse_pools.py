"""Parsing ``pool_response``: the gateway's answers about members, users, channels, roles,
emoji and guilds (PROTOCOL.md). As in `parse`, nothing here raises, whatever JSON arrives."""

from __future__ import annotations

from .fields import Malformed, ObjectReader, guarded, require_object
from .json_values import JSON, json_kind
from .models import (
    Channel,
    CustomEmoji,
    Entity,
    EntityKind,
    Guild,
    MalformedEvent,
    Member,
    PoolResponse,
    Role,
    User,
)

# pool_response ---------------------------------------------------------------------------------


def parse_pool_response(payload: JSON) -> PoolResponse | MalformedEvent:
    """``pool_response``: ``{"_id", "finished", "nonexistant", "data"}``."""

    def build() -> PoolResponse:
        obj = require_object(payload, "the payload")
        reader = ObjectReader(obj)
        request_id = reader.integer("_id")
        finished = reader.boolean("finished") if "finished" in obj else True
        data = obj.get("data")
        if data is None:
            data = []
        if not isinstance(data, list):
            raise Malformed(f"data should be an array, got {json_kind(data)}")
        missing_key = reader.first_key("nonexistant", "nonexistent") or "nonexistant"
        nonexistent = reader.opt_snowflakes(missing_key)
        if reader.problems:
            raise Malformed("; ".join(reader.problems))
        return PoolResponse(request_id, finished, tuple(data), nonexistent)

    return guarded("pool_response", payload, build)


def parse_entity(kind: EntityKind, obj: JSON) -> Entity | MalformedEvent:
    """One entity of a pool reply, of the kind the request asked for."""

    def build() -> Entity:
        reader = ObjectReader(require_object(obj, f"a {kind}"))
        entity_id = reader.snowflake("id")
        if kind == "member":
            return Member(
                id=entity_id,
                name=reader.string("name"),
                nick=reader.opt_string("nick"),
                avatar=reader.opt_string("avatar"),
                discriminator=_opt_text(reader, "discriminator"),
                roles=reader.opt_snowflakes("roles"),
                color=_opt_text(reader, "color"),
                joined_at=_opt_text(reader, "joined_at"),
            )
        if kind == "user":
            return User(
                id=entity_id,
                username=reader.string(reader.first_key("username", "name") or "username"),
                avatar=reader.opt_string("avatar"),
                discriminator=_opt_text(reader, "discriminator"),
            )
        if kind == "channel":
            return Channel(id=entity_id, name=reader.string("name"))
        if kind == "role":
            return Role(
                id=entity_id,
                name=reader.string("name"),
                color=_opt_text(reader, "color"),
                position=reader.opt_integer("position") or 0,
                hoist=reader.opt_boolean("hoist"),
                managed=reader.opt_boolean("managed"),
                mentionable=reader.opt_boolean("mentionable"),
            )
        if kind == "customEmoji":
            return CustomEmoji(
                id=entity_id, name=reader.string("name"), url=reader.opt_string("url")
            )
        if kind == "guild":
            known = {"id", "name", "icon", "member_count"}
            return Guild(
                id=entity_id,
                name=reader.string("name"),
                icon=reader.opt_string("icon"),
                member_count=reader.opt_integer("member_count"),
                extra={key: value for key, value in obj.items() if key not in known},
            )
        raise Malformed(f"{kind!r} is not an entity kind")

    return guarded("pool_response", obj, build)


def _opt_text(reader: ObjectReader, key: str) -> str | None:
    """A field some producers send as a string and others as a number (colours, dates)."""
    value = reader.obj.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return reader.opt_string(key)
