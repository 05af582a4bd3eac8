"""Emoji tables agree with the mock bot's, and the wire log keeps chat apart from the stream."""

from archit_tui.gateway.events import WireLog
from archit_tui.gateway.standin.mockbot import emoji as mockbot_emoji
from archit_tui.protocol.emoji import (
    NUMBER_EMOJI,
    SHORTCODES,
    emoji_from_shortcode,
    emoji_key,
    replace_shortcodes,
    shortcode_of,
)


def test_shortcodes_agree_with_the_mock_bot() -> None:
    for name, emoji in mockbot_emoji.SHORTCODES.items():
        assert SHORTCODES[name] == emoji
    assert NUMBER_EMOJI == mockbot_emoji.NUMBER_EMOJI
    assert emoji_key("1\u20e3") == mockbot_emoji.emoji_key("1️⃣") == emoji_key(":one:")


def test_shortcode_helpers() -> None:
    assert emoji_from_shortcode(":wave:") == "👋"
    assert emoji_from_shortcode(":custom_thing:") == ":custom_thing:"
    assert replace_shortcodes("hi :wave: :nope: :+1:") == "hi 👋 :nope: 👍"
    assert shortcode_of("👍") == "thumbsup"
    assert shortcode_of("2\u20e3") == "two"
    assert shortcode_of("🦜") is None


def test_a_busy_log_stream_does_not_push_chat_events_out() -> None:
    wire = WireLog(3, stream_size=2)
    wire.add("out", "mock_user_event", {"n": 1})
    for n in range(1000):
        wire.add("in", "log_pool", {"n": n})
    wire.add("in", "mock_bot_event", {"n": 2})
    assert [record.payload for record in wire.chat] == [{"n": 1}, {"n": 2}]
    assert [record.payload for record in wire.stream] == [{"n": 998}, {"n": 999}]
    assert (wire.chat_added, wire.stream_added) == (2, 1000)
    assert [record.event for record in wire.latest(3, with_stream=True)] == [
        "log_pool",
        "log_pool",
        "mock_bot_event",
    ]
    assert [record.payload for record in wire.latest(5, with_stream=False)] == [{"n": 1}, {"n": 2}]
    assert [record.seq for record in wire.records] == [1, 1000, 1001, 1002]
    assert wire.latest(0, with_stream=True) == []
