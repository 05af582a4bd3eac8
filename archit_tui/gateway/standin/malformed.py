"""A corpus of malformed server payloads: what a gateway that is not ours might send.

The protocol tests check that each one parses to a `MalformedEvent` with a reason; the
stand-in's chaos mode sends them to clients, in turn, along with `UNDECODABLE_PACKETS`:
packets that are not JSON at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from archit_tui.protocol.json_values import JSON

_DROP: JSON = object()
"""Marks a field to leave out of the sample."""

_ACTION = {"id": "682215129937772544", "action_number": 3001, "agent_id": "214037134477230080"}


def _action(**changes: JSON) -> dict[str, JSON]:
    action = dict(_ACTION)
    for key, value in changes.items():
        if value is _DROP:
            action.pop(key, None)
        else:
            action[key] = value
    return action


def _log_pool(**changes: JSON) -> dict[str, JSON]:
    return {"guild_id": "607637793107345431", "log_action": _action(**changes)}


@dataclass(frozen=True, slots=True)
class MalformedSample:
    """One bad payload and what is wrong with it."""

    event: str
    payload: JSON
    what: str


MALFORMED_SAMPLES: tuple[MalformedSample, ...] = (
    MalformedSample("log_pool", None, "null payload"),
    MalformedSample("log_pool", [], "array where an object belongs"),
    MalformedSample("log_pool", "log", "string payload"),
    MalformedSample("log_pool", 42, "number payload"),
    MalformedSample("log_pool", {}, "empty object"),
    MalformedSample("log_pool", {"guild_id": "1", "log_action": None}, "null log_action"),
    MalformedSample("log_pool", {"guild_id": "1", "log_action": [1, 2]}, "array log_action"),
    MalformedSample("log_pool", {"guild_id": "1", "log_action": "{}"}, "string log_action"),
    MalformedSample("log_pool", _log_pool(id=_DROP), "missing id"),
    MalformedSample("log_pool", _log_pool(id=None), "null id"),
    MalformedSample("log_pool", _log_pool(id=1.5), "fractional id"),
    MalformedSample("log_pool", _log_pool(id=6.822151299377725e17), "id through a float"),
    MalformedSample("log_pool", _log_pool(id=-5), "negative id"),
    MalformedSample("log_pool", _log_pool(id="-5"), "negative id as a string"),
    MalformedSample("log_pool", _log_pool(id=2**64), "id beyond 2^64"),
    MalformedSample("log_pool", _log_pool(id="18446744073709551616"), "string id beyond 2^64"),
    MalformedSample("log_pool", _log_pool(id="9" * 400), "400-digit id"),
    MalformedSample("log_pool", _log_pool(id=True), "boolean id"),
    MalformedSample("log_pool", _log_pool(id="12ab"), "id with letters"),
    MalformedSample("log_pool", _log_pool(id=""), "empty id"),
    MalformedSample("log_pool", _log_pool(id=" 123"), "id with a space"),
    MalformedSample("log_pool", _log_pool(id="١٢٣"), "id in Arabic-Indic digits"),
    MalformedSample("log_pool", _log_pool(id={"$numberLong": "1"}), "id as an object"),
    MalformedSample("log_pool", _log_pool(action_number=_DROP), "missing action_number"),
    MalformedSample("log_pool", _log_pool(action_number="3001"), "action_number as a string"),
    MalformedSample("log_pool", _log_pool(action_number=3001.5), "fractional action_number"),
    MalformedSample("log_pool", _log_pool(action_number=None), "null action_number"),
    MalformedSample("log_pool", _action(), "flat action without guild_id"),
    MalformedSample("log_pool", {"guild_id": 1.0, "log_action": _action()}, "fractional guild"),
    MalformedSample("log_pool", {"guild_id": -1, "log_action": _action()}, "negative guild"),
    MalformedSample("mock_bot_event", {}, "empty bot event"),
    MalformedSample("mock_bot_event", [], "array bot event"),
    MalformedSample(
        "mock_bot_event",
        {"guild_id": 1, "message_id": "abc", "content": "hi", "edit": False},
        "message_id with letters",
    ),
    MalformedSample(
        "mock_bot_event",
        {"guild_id": 1, "message_id": 1, "content": 5, "edit": False},
        "numeric content",
    ),
    MalformedSample(
        "mock_bot_event",
        {"guild_id": 1, "message_id": 1, "content": "hi", "edit": "yes"},
        "edit as a string",
    ),
    MalformedSample(
        "mock_bot_event",
        {"guild_id": 1, "message_id": 1, "content": None, "added_reactions": "👍", "edit": True},
        "added_reactions as a string",
    ),
    MalformedSample(
        "mock_bot_event",
        {"guild_id": 1, "message_id": 1, "content": None, "added_reactions": [5], "edit": True},
        "a number among the reactions",
    ),
    MalformedSample("mock_bot_event", {"guildId": 1, "actions": {}}, "deployed actions as object"),
    MalformedSample(
        "mock_bot_event", {"guildId": 1, "actions": [{"action": 9999}]}, "unknown chat action"
    ),
    MalformedSample(
        "mock_bot_event",
        {"guildId": 1, "actions": [{"action": 3001, "messageId": 1}]},
        "deployed send without content",
    ),
    MalformedSample("error", {}, "error without any message"),
    MalformedSample("error", [], "array error"),
    MalformedSample("error", 5, "number error"),
    MalformedSample("error", {"message": 5, "human": None}, "numeric error message"),
    MalformedSample("pool_response", {}, "pool reply without _id"),
    MalformedSample("pool_response", {"_id": "1", "finished": True, "data": []}, "string _id"),
    MalformedSample("pool_response", {"_id": 1, "finished": True, "data": {}}, "object data"),
    MalformedSample("pool_response", {"_id": 1, "finished": "true", "data": []}, "string flag"),
    MalformedSample(
        "pool_response",
        {"_id": 1, "finished": True, "data": [], "nonexistant": [1.5]},
        "fractional nonexistent id",
    ),
    MalformedSample("request_elevation_return", {}, "elevation reply without success"),
    MalformedSample("request_elevation_return", {"success": "true"}, "success as a string"),
    MalformedSample("request_elevation_return", None, "null elevation reply"),
    MalformedSample("elevation_return", {"message": 5}, "numeric deployed elevation message"),
    MalformedSample("elevation_return", [], "array deployed elevation reply"),
)
"""Each parses to a `MalformedEvent` for its event name."""


UNDECODABLE_PACKETS: tuple[str, ...] = (
    '2["log_pool",{bad',
    '2["log_pool",{"guild_id":"1","log_action":{"id":"1","action_number":1,}}]',
    '2["log_pool",{"guild_id":"1","log_action":{"content":"\\q"}}]',
    '2["mock_bot_event",{"guild_id":1,"content":"cut short',
    '2["log_pool",[1,2',
    "2{not even an event}",
)
"""Socket.IO event packets (Engine.IO message text) whose JSON no decoder reads.

Chaos mode sends them under the Engine.IO layer, where no encoder can tidy them up; a client
reports each as one malformed event.
"""
