"""One-line summaries of log actions, with names resolved where the pools know them."""

import pytest
from hypothesis import given, settings
from support.json_strategies import JSON_VALUES

from archit_tui.protocol.actions import ACTION_TYPES
from archit_tui.protocol.mentions import NoNames, replace_mentions
from archit_tui.protocol.models import LogAction, MalformedEvent
from archit_tui.protocol.parse import parse_log_action
from archit_tui.protocol.summary import summarize

ID = 682215129937772544


class Names:
    members = {1: "alice", 2: "bob"}
    channels = {7: "general"}
    roles = {3: "Moderators", 4: "Members"}
    emoji = {8: "blobwave"}

    def member_name(self, member_id: int) -> str | None:
        return self.members.get(member_id)

    def channel_name(self, channel_id: int) -> str | None:
        return self.channels.get(channel_id)

    def role_name(self, role_id: int) -> str | None:
        return self.roles.get(role_id)

    def emoji_name(self, emoji_id: int) -> str | None:
        return self.emoji.get(emoji_id)


def action(number: int, **fields: object) -> LogAction:
    parsed = parse_log_action({"id": ID, "action_number": number, **fields})
    assert not isinstance(parsed, MalformedEvent)
    return parsed


@pytest.mark.parametrize(
    ("number", "fields", "expected"),
    [
        (
            3001,
            {"agent_id": 1, "content": "hi <@2> in <#7> **bold**"},
            "alice: hi @bob in #general **bold**",
        ),
        (
            3002,
            {
                "agent_id": 2,
                "old_data": {"before": {"content": "hello"}, "after": {"content": "hello world"}},
            },
            "bob: hello -> hello world",
        ),
        (72, {"agent_id": 1, "channel_id": 7}, "alice deleted a message in #general"),
        (
            72,
            {"agent_id": 1, "channel_id": 7, "old_data": {"author_id": "2", "content": "spam"}},
            "alice deleted a message by bob in #general: spam",
        ),
        (
            73,
            {"agent_id": 1, "channel_id": 7, "old_data": {"count": 12}},
            "alice deleted 12 messages in #general",
        ),
        (
            3100,
            {"agent_id": 2, "channel_id": 7, "content": "👍"},
            "bob reacted 👍 on a message in #general",
        ),
        (
            22,
            {"agent_id": 1, "subject_id": 2, "reason": "spam links"},
            "alice banned bob: spam links",
        ),
        (20, {"agent_id": 1, "subject_id": 2}, "alice kicked bob"),
        (
            25,
            {"agent_id": 1, "subject_id": 2, "old_data": {"added": ["3"], "removed": ["4"]}},
            "alice changed the roles of bob: +@Moderators -@Members",
        ),
        (
            24,
            {
                "agent_id": 2,
                "subject_id": 2,
                "old_data": {"before": {"nick": None}, "after": {"nick": "B"}},
            },
            "bob changed bob's nickname: (none) -> B",
        ),
        (
            11,
            {
                "agent_id": 1,
                "subject_id": 7,
                "old_data": {"before": {"name": "gen"}, "after": {"name": "general"}},
            },
            "alice renamed the channel #gen -> #general",
        ),
        (
            10,
            {"agent_id": 1, "subject_id": 7, "old_data": {"name": "memes"}},
            "alice created the channel #memes",
        ),
        (30, {"agent_id": 1, "old_data": {"name": "VIP"}}, "alice created the role @VIP"),
        (
            40,
            {"agent_id": 1, "channel_id": 7, "old_data": {"code": "abc"}},
            "alice created the invite abc in #general",
        ),
        (
            3203,
            {"agent_id": 2, "old_data": {"trigger": "hello", "response": "hi [author]"}},
            "bob triggered hello -> hi [author]",
        ),
        (
            21,
            {"agent_id": 1, "old_data": {"days": 7, "removed": 3}},
            "alice pruned 3 members inactive for 7 days",
        ),
        (4242, {"agent_id": 1, "subject_id": 9}, "alice did UNKNOWN(4242) to 9"),
        (3001, {"content": "anonymous"}, "someone: anonymous"),
        (3001, {"agent_id": 99, "content": "x"}, "99: x"),
    ],
)
def test_summaries_read_as_a_moderator_would_say_them(
    number: int, fields: dict, expected: str
) -> None:
    assert summarize(action(number, **fields), Names()) == expected


def test_every_registered_type_has_a_summary_with_the_agent() -> None:
    for number in ACTION_TYPES:
        text = summarize(action(number, agent_id=1), Names())
        assert text.startswith("alice"), (number, text)


def test_summaries_are_one_line_and_bounded() -> None:
    text = summarize(
        action(3001, agent_id=1, content="line one\nline two\r\n" + "x" * 100_000), Names()
    )
    assert "\n" not in text and "\r" not in text
    assert len(text) < 400


def test_ids_show_bare_until_names_are_known() -> None:
    text = summarize(action(3001, agent_id=1, content="<@2> <#7> <@&3> <:blob:8>"), NoNames())
    assert text == "1: @2 #7 @3 :blob:"


def test_mentions_resolve_through_the_lookup() -> None:
    assert replace_mentions("<@!1> <@&3> <a:dance:5>", Names()) == "@alice @Moderators :dance:"


@settings(max_examples=300)
@given(JSON_VALUES)
def test_any_old_data_still_gives_a_summary(old_data: object) -> None:
    for number in (3002, 72, 25, 24, 11, 3202, 21, 73, 3403, 40, 80):
        assert isinstance(summarize(action(number, agent_id=1, old_data=old_data), Names()), str)
