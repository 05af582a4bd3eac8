"""Every incoming event's documented shape, its known variants, and a malformed corpus."""

import pytest

from archit_tui.gateway.standin.malformed import MALFORMED_SAMPLES
from archit_tui.protocol.actions import Category
from archit_tui.protocol.models import (
    BotMessageDeleted,
    BotMessageEdited,
    BotMessageSent,
    BotReactionAdded,
    BotReactionRemoved,
    Channel,
    CustomEmoji,
    ElevationResult,
    GatewayError,
    Guild,
    LogPoolEvent,
    MalformedEvent,
    Member,
    MockBotEvent,
    PoolResponse,
    Role,
    User,
)
from archit_tui.protocol.parse import (
    INCOMING_PARSERS,
    parse_deployed_elevation_return,
    parse_elevation_return,
    parse_entity,
    parse_error,
    parse_log_action,
    parse_log_pool,
    parse_mock_bot_event,
    parse_pool_response,
)
from archit_tui.protocol.snowflake import snowflake_to_unix_ms

PROTOCOL_EXAMPLE = {
    "guild_id": "607637793107345431",
    "log_action": {
        "id": 682215129937772544,
        "action_number": 3001,
        "reversible": False,
        "agent_id": "214037134477230080",
        "subject_id": 607637793107345433,
        "channel_id": 607637793107345433,
        "content": "hello <@214037134477230080> **there**",
        "old_data": None,
    },
}


def test_log_pool_documented_shape() -> None:
    event = parse_log_pool(PROTOCOL_EXAMPLE)
    assert isinstance(event, LogPoolEvent)
    assert event.guild_id == 607637793107345431
    action = event.action
    assert action.id == 682215129937772544
    assert action.type.name == "MESSAGE_SEND"
    assert action.type.category is Category.MESSAGE
    assert action.agent_id == 214037134477230080
    assert action.subject_id == action.channel_id == 607637793107345433
    assert action.guild_id == 607637793107345431
    assert action.content == "hello <@214037134477230080> **there**"
    assert action.timestamp_ms == snowflake_to_unix_ms(682215129937772544)
    assert action.problems == ()
    assert event.raw is PROTOCOL_EXAMPLE


def test_log_pool_flat_deployed_variant_with_renamed_fields() -> None:
    flat = {
        "id": "682215129937772544",
        "type": 22,
        "guild_id": "607637793107345431",
        "agent_id": "1",
        "subject_id": "2",
        "reason": "spam",
        "data": {"before": {}, "after": {}},
        "timestamp": 1600000000123,
        "origin": 2,
    }
    event = parse_log_pool(flat)
    assert isinstance(event, LogPoolEvent)
    assert event.guild_id == 607637793107345431
    assert event.action.action_number == 22
    assert event.action.type.name == "MEMBER_BAN_ADD"
    assert event.action.old_data == {"before": {}, "after": {}}
    assert event.action.timestamp_ms == 1600000000123
    assert event.action.reason == "spam"
    assert event.action.origin == 2


def test_unknown_action_numbers_are_kept_not_dropped() -> None:
    event = parse_log_pool({"guild_id": "1", "log_action": {"id": "5", "action_number": 4242}})
    assert isinstance(event, LogPoolEvent)
    assert event.action.type.name == "UNKNOWN(4242)"
    assert event.action.type.category is Category.UNKNOWN


def test_an_odd_optional_field_is_noted_and_the_action_kept() -> None:
    payload = {
        "guild_id": "1",
        "log_action": {
            "id": "682215129937772544",
            "action_number": 3001,
            "channel_id": -3,
            "content": {"text": "hi"},
            "timestamp": "yesterday",
            "reversible": "no",
        },
    }
    event = parse_log_pool(payload)
    assert isinstance(event, LogPoolEvent)
    assert event.action.channel_id is None
    assert event.action.content is None
    assert event.action.timestamp_ms == snowflake_to_unix_ms(682215129937772544)
    assert len(event.action.problems) == 4
    assert any(
        "channel_id" in problem and "negative" in problem for problem in event.action.problems
    )


def test_log_action_alone_as_in_a_recorded_file() -> None:
    action = parse_log_action({"id": 7 << 22, "action_number": 3002})
    assert not isinstance(action, MalformedEvent)
    assert action.type.name == "MESSAGE_EDIT"


def test_elevation_documented_and_deployed() -> None:
    assert parse_elevation_return({"success": True, "room": "abc_auth"}) == ElevationResult(
        True, room="abc_auth"
    )
    refused = parse_elevation_return({"success": False, "room": None})
    assert isinstance(refused, ElevationResult) and not refused.success and refused.reason
    assert parse_deployed_elevation_return({"message": "success"}) == ElevationResult(True)
    deployed_refusal = parse_deployed_elevation_return({"message": "Missing or invalid jwt"})
    assert deployed_refusal == ElevationResult(False, reason="Missing or invalid jwt")


def test_mock_bot_event_documented_send_with_reactions() -> None:
    event = parse_mock_bot_event(
        {
            "guild_id": 5,
            "content": "Poll!",
            "message_id": 3,
            "added_reactions": ["1️⃣", "2️⃣"],
            "edit": False,
        }
    )
    assert isinstance(event, MockBotEvent)
    assert event.changes == (
        BotMessageSent(3, "Poll!"),
        BotReactionAdded(3, "1️⃣"),
        BotReactionAdded(3, "2️⃣"),
    )


def test_mock_bot_event_edit_and_reaction_only() -> None:
    edit = parse_mock_bot_event({"guild_id": 5, "content": "new", "message_id": 3, "edit": True})
    assert isinstance(edit, MockBotEvent) and edit.changes == (BotMessageEdited(3, "new"),)
    react = parse_mock_bot_event(
        {"guild_id": 5, "content": None, "message_id": 2, "added_reactions": ["👍"], "edit": True}
    )
    assert isinstance(react, MockBotEvent) and react.changes == (BotReactionAdded(2, "👍"),)


def test_mock_bot_event_older_reaction_pairs() -> None:
    event = parse_mock_bot_event(
        {
            "guild_id": 5,
            "message_id": 3,
            "content": "ok",
            "added_reactions": [[2, "👍"]],
            "edit": False,
        }
    )
    assert isinstance(event, MockBotEvent)
    assert event.changes == (BotMessageSent(3, "ok"), BotReactionAdded(2, "👍"))


def test_mock_bot_event_deployed_variant() -> None:
    event = parse_mock_bot_event(
        {
            "guildId": 5,
            "actions": [
                {"action": 3001, "messageId": 1, "content": "hi"},
                {"action": 3002, "messageId": 1, "content": "hi!"},
                {"action": 3100, "messageId": 0, "emoji": "👋"},
                {"action": 3101, "messageId": 0, "emoji": "👋", "targetsUser": True},
                {"action": 72, "messageId": 1},
            ],
        }
    )
    assert isinstance(event, MockBotEvent)
    assert event.guild_id == 5
    assert event.changes == (
        BotMessageSent(1, "hi"),
        BotMessageEdited(1, "hi!"),
        BotReactionAdded(0, "👋"),
        BotReactionRemoved(0, "👋", targets_user=True),
        BotMessageDeleted(1),
    )


def test_error_documented_and_bare() -> None:
    error = parse_error(
        {
            "message": "Unauthorized",
            "human": "Log in first",
            "details": None,
            "context": ["spectate"],
            "code": 401,
            "_id": 4,
        }
    )
    assert isinstance(error, GatewayError)
    assert (error.code, error.request_id, error.text, error.context) == (
        401,
        4,
        "Log in first",
        ("spectate",),
    )
    bare = parse_error("something broke")
    assert isinstance(bare, GatewayError) and bare.text == "something broke"


def test_pool_response_and_entities() -> None:
    reply = parse_pool_response(
        {
            "_id": 3,
            "finished": False,
            "nonexistant": ["9"],
            "data": [{"id": "1", "name": "general"}],
        }
    )
    assert reply == PoolResponse(3, False, ({"id": "1", "name": "general"},), (9,))
    assert parse_entity("channel", {"id": "1", "name": "general"}) == Channel(1, "general")
    member = parse_entity(
        "member",
        {
            "id": "2",
            "name": "alice",
            "nick": "Al",
            "avatar": None,
            "discriminator": "0001",
            "roles": ["3", "4"],
            "color": "#ff0000",
            "joined_at": "2020-01-01T00:00:00",
        },
    )
    assert isinstance(member, Member) and member.display_name == "Al" and member.roles == (3, 4)
    assert parse_entity("user", {"id": "2", "username": "alice"}) == User(2, "alice")
    role = parse_entity("role", {"id": "3", "name": "Mods", "color": 16711680, "position": 2})
    assert isinstance(role, Role) and role.color == "16711680" and role.position == 2
    assert parse_entity("customEmoji", {"id": "8", "name": "blob", "url": "u"}) == CustomEmoji(
        8, "blob", "u"
    )
    guild = parse_entity(
        "guild", {"id": "10000001", "name": "G", "icon": None, "member_count": 5, "region": "eu"}
    )
    assert isinstance(guild, Guild) and guild.member_count == 5 and guild.extra == {"region": "eu"}
    assert isinstance(parse_entity("channel", {"id": "x", "name": 5}), MalformedEvent)


@pytest.mark.parametrize("sample", MALFORMED_SAMPLES, ids=lambda sample: sample.what)
def test_malformed_corpus_is_reported_with_a_reason(sample) -> None:  # noqa: ANN001
    result = INCOMING_PARSERS[sample.event](sample.payload)
    assert isinstance(result, MalformedEvent), result
    assert result.event == sample.event
    assert result.reason and "Traceback" not in result.reason
    assert result.raw is sample.payload


def test_the_corpus_is_big_enough_and_covers_every_event() -> None:
    assert len(MALFORMED_SAMPLES) >= 30
    assert {sample.event for sample in MALFORMED_SAMPLES} == set(INCOMING_PARSERS)


def test_reasons_quote_remote_text_safely() -> None:
    result = parse_log_pool(
        {"guild_id": "1", "log_action": {"id": "\x1b[31m[bold]", "action_number": 1}}
    )
    assert isinstance(result, MalformedEvent)
    assert "\x1b" not in result.reason
