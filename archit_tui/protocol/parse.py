"""One parse function per incoming event (PROTOCOL.md).

Each accepts the documented shape and the known variants, and returns a model or a
`MalformedEvent` saying why in plain words. None of them raises, whatever JSON arrives.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from .fields import Malformed, ObjectReader, guarded, require_object
from .json_values import JSON, json_kind
from .models import (
    BotChange,
    BotMessageDeleted,
    BotMessageEdited,
    BotMessageSent,
    BotReactionAdded,
    BotReactionRemoved,
    ElevationResult,
    GatewayError,
    LogAction,
    LogPoolEvent,
    MalformedEvent,
    MockBotEvent,
)
from .parse_pools import parse_entity, parse_pool_response
from .snowflake import DISCORD_EPOCH_MS, SNOWFLAKE_MAX, parse_snowflake, snowflake_to_unix_ms

_LATEST_SANE_MS = 2**53
"""Timestamps beyond this cannot be real Unix milliseconds."""


# request_elevation_return / elevation_return ---------------------------------------------------


def parse_elevation_return(payload: JSON) -> ElevationResult | MalformedEvent:
    """``request_elevation_return``: ``{"success": bool, "room": str|null}``."""

    def build() -> ElevationResult:
        reader = ObjectReader(require_object(payload, "the payload"))
        success = reader.boolean("success")
        room = reader.opt_string("room")
        reason = None if success else "the gateway refused the token"
        return ElevationResult(success=success, room=room if success else None, reason=reason)

    return guarded("request_elevation_return", payload, build)


def parse_deployed_elevation_return(payload: JSON) -> ElevationResult | MalformedEvent:
    """The deployed variant ``elevation_return``: ``{"message": "success"}`` or a reason."""

    def build() -> ElevationResult:
        message = ObjectReader(require_object(payload, "the payload")).string("message")
        if message == "success":
            return ElevationResult(success=True)
        return ElevationResult(success=False, reason=message or "the gateway refused the token")

    return guarded("elevation_return", payload, build)


# log_pool ----------------------------------------------------------------------------------------


def parse_log_pool(payload: JSON, text: str | None = None) -> LogPoolEvent | MalformedEvent:
    """``log_pool``: ``{"guild_id", "log_action": {...}}``, or the flat deployed variant.

    ``text``, when given, is the payload as it was received (JSON text), kept on the event.
    """
    event = quick_log_pool(payload, text)
    if event is None:
        parsed = checked_log_pool(payload)
        if isinstance(parsed, MalformedEvent) or text is None:
            return parsed
        event = parsed._replace(raw_text=text)
    return event


def checked_log_pool(payload: JSON) -> LogPoolEvent | MalformedEvent:
    """`parse_log_pool` field by field, naming what is wrong; for whatever the quick path skips."""

    def build() -> LogPoolEvent:
        outer = require_object(payload, "the payload")
        if "log_action" in outer:
            inner = require_object(outer["log_action"], "log_action")
            action = _read_log_action(inner, where="log_action")
            guild_key = "guild_id" if outer.get("guild_id") is not None else None
            guild_id = ObjectReader(outer).snowflake("guild_id") if guild_key else action.guild_id
            if action.guild_id is None and guild_id is not None:
                action = action._replace(guild_id=guild_id)
        else:
            action = _read_log_action(outer, where="")
            guild_id = action.guild_id
        if guild_id is None:
            raise Malformed("guild_id is missing")
        return LogPoolEvent(guild_id=guild_id, action=action, raw=payload)

    return guarded("log_pool", payload, build)


_NOT_QUICK = object()
_QUICK_DIGITS = 19
"""Ids of at most 19 digits are below 2**63: no range check needed on the quick path."""


def _quick_id(value: Any) -> Any:
    """An id read the quick way, None for null, or `_NOT_QUICK` for anything less plain."""
    kind = type(value)
    if kind is str:
        if 0 < len(value) <= _QUICK_DIGITS and value.isascii() and value.isdigit():
            return int(value)
        return _NOT_QUICK
    if kind is int:
        return value if 0 <= value < 2**63 else _NOT_QUICK
    return None if value is None else _NOT_QUICK


def quick_log_pool(payload: JSON, text: str | None = None) -> LogPoolEvent | None:
    """The documented ``log_pool`` shape with every field plainly right, read fast.

    None when anything is unusual (a variant, a wrong type, a missing field); the caller then
    uses `checked_log_pool`, which gives the same result for what this accepts and a reason
    for what it refuses. A busy guild sends thousands of these a second.
    """
    if type(payload) is not dict:
        return None
    inner = payload.get("log_action")
    if type(inner) is not dict or "type" in inner or "data" in inner:
        return None
    guild_id = _quick_id(payload.get("guild_id"))
    action_id = _quick_id(inner.get("id"))
    number = inner.get("action_number")
    agent = _quick_id(inner.get("agent_id"))
    subject = _quick_id(inner.get("subject_id"))
    channel = _quick_id(inner.get("channel_id"))
    inner_guild = _quick_id(inner.get("guild_id"))
    if (
        guild_id is None
        or action_id is None
        or type(number) is not int
        or number < 0
        or _NOT_QUICK in (guild_id, action_id, agent, subject, channel, inner_guild)
    ):
        return None
    timestamp = inner.get("timestamp")
    content = inner.get("content")
    reason = inner.get("reason")
    reversible = inner.get("reversible", False)
    private = inner.get("private", False)
    origin = inner.get("origin")
    if (
        (
            timestamp is not None
            and not (type(timestamp) is int and DISCORD_EPOCH_MS <= timestamp < _LATEST_SANE_MS)
        )
        or (content is not None and type(content) is not str)
        or (reason is not None and type(reason) is not str)
        or (reversible is not None and type(reversible) is not bool)
        or (private is not None and type(private) is not bool)
        or (origin is not None and type(origin) is not int)
    ):
        return None
    action = LogAction(
        id=action_id,
        action_number=number,
        timestamp_ms=timestamp if timestamp is not None else snowflake_to_unix_ms(action_id),
        reversible=bool(reversible),
        agent_id=agent,
        subject_id=subject,
        guild_id=inner_guild if inner_guild is not None else guild_id,
        channel_id=channel,
        content=content,
        reason=reason,
        old_data=inner.get("old_data"),
        origin=origin,
        private=bool(private),
    )
    return LogPoolEvent(guild_id, action, payload, text)


def parse_log_action(obj: JSON) -> LogAction | MalformedEvent:
    """A bare log-action object, as found in ``log_pool`` or in a recorded ``.jsonl`` file."""
    return guarded("log_action", obj, lambda: _read_log_action(require_object(obj, "it"), ""))


def _read_log_action(obj: Mapping[str, Any], where: str) -> LogAction:
    reader = ObjectReader(obj, where)
    action_id = reader.snowflake("id")
    number_key = reader.first_key("action_number", "type") or "action_number"
    action_number = reader.integer(number_key)
    if action_number < 0:  # negative numbers are the app's own (`actions.APP_TYPES`)
        raise Malformed(f"{where + '.' if where else ''}{number_key} is negative ({action_number})")
    data_key = "old_data" if "old_data" in obj else "data"
    return LogAction(
        id=action_id,
        action_number=action_number,
        timestamp_ms=_timestamp_ms(reader, action_id),
        reversible=reader.opt_boolean("reversible"),
        agent_id=reader.opt_snowflake("agent_id"),
        subject_id=reader.opt_snowflake("subject_id"),
        guild_id=reader.opt_snowflake("guild_id"),
        channel_id=reader.opt_snowflake("channel_id"),
        content=reader.opt_string("content"),
        reason=reader.opt_string("reason"),
        old_data=obj.get(data_key),
        origin=reader.opt_integer("origin"),
        private=reader.opt_boolean("private"),
        problems=tuple(reader.problems),
    )


def _timestamp_ms(reader: ObjectReader, action_id: int) -> int:
    """``timestamp`` (Unix ms) when usable, else the time inside the hoar frost."""
    value = reader.obj.get("timestamp")
    if value is None:
        return snowflake_to_unix_ms(action_id)
    usable = (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and DISCORD_EPOCH_MS <= value < _LATEST_SANE_MS
    )
    if not usable:
        reader.problems.append(
            f"timestamp should be Unix milliseconds, got {json_kind(value)}"
            f"{'' if isinstance(value, (str, dict, list)) else f' {value!r}'}"
        )
        return snowflake_to_unix_ms(action_id)
    return int(value)


# mock_bot_event ------------------------------------------------------------------------------


_DEPLOYED_SEND, _DEPLOYED_EDIT, _DEPLOYED_ADD, _DEPLOYED_REMOVE, _DEPLOYED_DELETE = (
    3001,
    3002,
    3100,
    3101,
    72,
)


def parse_mock_bot_event(payload: JSON) -> MockBotEvent | MalformedEvent:
    """``mock_bot_event``: the documented shape, or the deployed ``{"guildId", "actions"}``."""

    def build() -> MockBotEvent:
        obj = require_object(payload, "the payload")
        if "actions" in obj and "message_id" not in obj:
            return _read_deployed_bot_event(obj, payload)
        reader = ObjectReader(obj)
        guild_id = reader.snowflake("guild_id")
        message_id = reader.snowflake("message_id")
        content = obj.get("content")
        if content is not None and not isinstance(content, str):
            raise Malformed(f"content should be a string or null, got {json_kind(content)}")
        edit = obj.get("edit", False)
        if not isinstance(edit, bool):
            raise Malformed(f"edit should be true or false, got {json_kind(edit)}")
        changes: list[BotChange] = []
        if content is not None:
            changes.append(
                BotMessageEdited(message_id, content)
                if edit
                else BotMessageSent(message_id, content)
            )
        changes.extend(_read_added_reactions(obj.get("added_reactions"), message_id))
        return MockBotEvent(guild_id=guild_id, changes=tuple(changes), raw=payload)

    return guarded("mock_bot_event", payload, build)


def _read_added_reactions(value: JSON, message_id: int) -> list[BotChange]:
    """``added_reactions``: emoji strings, or (older front end) ``[message_id, emoji]`` pairs."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise Malformed(f"added_reactions should be an array, got {json_kind(value)}")
    changes: list[BotChange] = []
    for item in value:
        if isinstance(item, str) and item:
            changes.append(BotReactionAdded(message_id, item))
        elif isinstance(item, list) and len(item) == 2 and isinstance(item[1], str) and item[1]:
            changes.append(BotReactionAdded(parse_snowflake(item[0]), item[1]))
        else:
            raise Malformed(f"added_reactions holds {json_kind(item)} where an emoji belongs")
    return changes


def _read_deployed_bot_event(obj: Mapping[str, Any], payload: JSON) -> MockBotEvent:
    reader = ObjectReader(obj)
    guild_id = reader.snowflake(reader.first_key("guildId", "guild_id") or "guildId")
    actions = obj["actions"]
    if not isinstance(actions, list):
        raise Malformed(f"actions should be an array, got {json_kind(actions)}")
    changes: list[BotChange] = []
    for index, item in enumerate(actions):
        step = ObjectReader(require_object(item, f"actions[{index}]"), f"actions[{index}]")
        number = step.integer("action")
        message_id = step.snowflake("messageId")
        if number == _DEPLOYED_SEND:
            changes.append(BotMessageSent(message_id, step.string("content")))
        elif number == _DEPLOYED_EDIT:
            changes.append(BotMessageEdited(message_id, step.string("content")))
        elif number == _DEPLOYED_ADD:
            changes.append(BotReactionAdded(message_id, step.string("emoji")))
        elif number == _DEPLOYED_REMOVE:
            targets_user = step.opt_boolean("targetsUser")
            changes.append(BotReactionRemoved(message_id, step.string("emoji"), targets_user))
        elif number == _DEPLOYED_DELETE:
            changes.append(BotMessageDeleted(message_id))
        else:
            raise Malformed(f"actions[{index}].action {number} is not a chat action")
    return MockBotEvent(guild_id=guild_id, changes=tuple(changes), raw=payload)


# error -----------------------------------------------------------------------------------------


def parse_error(payload: JSON) -> GatewayError | MalformedEvent:
    """``error``: ``{"message", "human", "details", "context", "code", "_id"?}``."""

    def build() -> GatewayError:
        if isinstance(payload, str):  # a bare message, as some servers send
            return GatewayError(message=payload, raw=payload)
        reader = ObjectReader(require_object(payload, "the payload"))
        message = reader.opt_string("message")
        human = reader.opt_string("human")
        if message is None and human is None:
            raise Malformed("an error needs a message or a human text, and has neither")
        context = payload.get("context")
        return GatewayError(
            message=message or human or "",
            human=human,
            details=reader.opt_string("details"),
            context=tuple(context) if isinstance(context, list) else (),
            code=reader.opt_integer("code"),
            request_id=reader.opt_integer("_id"),
            raw=payload,
        )

    return guarded("error", payload, build)


INCOMING_PARSERS: dict[str, Callable[[JSON], object]] = {
    "request_elevation_return": parse_elevation_return,
    "elevation_return": parse_deployed_elevation_return,
    "log_pool": parse_log_pool,
    "mock_bot_event": parse_mock_bot_event,
    "error": parse_error,
    "pool_response": parse_pool_response,
}
"""The parse function of each event a server sends, by event name."""

__all__ = [
    "INCOMING_PARSERS",
    "SNOWFLAKE_MAX",
    "parse_deployed_elevation_return",
    "parse_elevation_return",
    "parse_entity",
    "parse_error",
    "parse_log_action",
    "parse_log_pool",
    "parse_mock_bot_event",
    "parse_pool_response",
]
