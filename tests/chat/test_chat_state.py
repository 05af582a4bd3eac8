"""The chat's state: sending, answers, edits, reactions, deletes, timeouts, errors, limits."""

import random
from datetime import datetime, timezone

from archit_tui.gateway.standin.mockbot import MockBot
from archit_tui.protocol.chat import ChatState, Delivery, is_chat_error
from archit_tui.protocol.models import (
    BotMessageDeleted,
    BotMessageEdited,
    BotMessageSent,
    BotReactionAdded,
    BotReactionRemoved,
    GatewayError,
    MockBotEvent,
)
from archit_tui.protocol.parse import parse_mock_bot_event
from archit_tui.protocol.requests import MockUserEvent

GUILD = 7


def bot_event(*changes) -> MockBotEvent:
    return MockBotEvent(GUILD, tuple(changes))


def chips(state: ChatState, message_id: int) -> list[tuple[str, int, bool]]:
    message = state.get(message_id)
    assert message is not None
    return [(chip.emoji, chip.count, chip.mine) for chip in message.reactions]


def test_sent_pending_then_answered_and_older_pending_get_no_reply() -> None:
    state = ChatState()
    state.user_sent(0, "hello", silent=False, now=100)
    state.user_sent(2, "!help", silent=False, now=101)
    assert state.get(0).delivery is Delivery.PENDING
    changed = state.apply(bot_event(BotMessageSent(3, "**Commands**")), now=102)
    assert set(changed) == {3, 2, 0}
    assert state.get(2).delivery is Delivery.ANSWERED
    assert state.get(0).delivery is Delivery.NO_REPLY  # the bot answers in order
    assert [message.id for message in state] == [0, 2, 3]
    assert state.get(3).author == "bot" and not state.get(3).edited


def test_silent_is_never_pending_and_timeouts_expire() -> None:
    state = ChatState(reply_timeout=10)
    state.user_sent(0, "!set a::b", silent=True, now=0)
    state.user_sent(2, "a", silent=False, now=5)
    assert state.get(0).delivery is Delivery.SILENT
    assert state.expire_pending(14.9) == []
    assert state.expire_pending(15) == [2]
    assert state.get(2).delivery is Delivery.NO_REPLY
    assert not state.has_pending()
    state.apply(bot_event(BotMessageSent(3, "b")), now=16)  # late, but still an answer
    assert state.get(2).delivery is Delivery.ANSWERED


def test_edits_in_place_and_unknown_edit_is_a_new_message() -> None:
    state = ChatState()
    state.user_sent(0, "!poll", silent=False, now=0)
    state.apply(bot_event(BotMessageSent(1, "tally 0")), now=1)
    state.apply(bot_event(BotMessageEdited(1, "tally 1")), now=2)
    assert state.get(1).content == "tally 1" and state.get(1).edited
    assert len(state) == 2
    state.apply(bot_event(BotMessageEdited(99, "from before")), now=3)
    assert state.get(99).content == "from before" and state.get(99).author == "bot"
    assert [message.id for message in state] == [0, 1, 99]


def test_reactions_chips_counts_mine_and_toggle() -> None:
    state = ChatState()
    state.apply(bot_event(BotMessageSent(1, "poll"), BotReactionAdded(1, "1️⃣")), now=0)
    state.apply(bot_event(BotReactionAdded(1, "2️⃣")), now=0)
    assert chips(state, 1) == [("1️⃣", 1, False), ("2️⃣", 1, False)]
    assert state.user_toggled_reaction(1, "2️⃣") == "add"
    assert chips(state, 1) == [("1️⃣", 1, False), ("2️⃣", 2, True)]
    # The same emoji without its variation selector, or as a shortcode, is the same chip.
    assert state.user_toggled_reaction(1, "2\u20e3") == "remove"
    assert chips(state, 1) == [("1️⃣", 1, False), ("2️⃣", 1, False)]
    assert state.user_toggled_reaction(1, ":fire:") == "add"
    assert chips(state, 1)[-1] == (":fire:", 1, True)
    assert state.user_toggled_reaction(1, "🔥") == "remove"
    assert chips(state, 1) == [("1️⃣", 1, False), ("2️⃣", 1, False)]
    assert state.user_toggled_reaction(404, "👍") is None


def test_bot_reaction_on_the_users_message_answers_it_and_removals() -> None:
    state = ChatState()
    state.user_sent(4, "good morning", silent=False, now=0)
    state.apply(bot_event(BotReactionAdded(4, "👋")), now=1)
    assert state.get(4).delivery is Delivery.ANSWERED
    assert chips(state, 4) == [("👋", 1, False)]
    state.user_toggled_reaction(4, "👋")
    state.apply(bot_event(BotReactionRemoved(4, "👋", targets_user=True)), now=2)
    assert chips(state, 4) == [("👋", 1, False)]
    state.apply(bot_event(BotReactionRemoved(4, "👋")), now=3)
    assert chips(state, 4) == []
    state.apply(bot_event(BotMessageDeleted(4)), now=4)
    assert state.get(4).deleted
    assert state.apply(bot_event(BotReactionAdded(77, "👍"), BotMessageDeleted(78)), now=5) == []


def test_the_real_mock_bots_payloads() -> None:
    bot = MockBot(
        GUILD, ["alice"], random.Random(1), now=lambda: datetime(2025, 1, 1, tzinfo=timezone.utc)
    )
    state = ChatState()

    def send(message_id: int, content: str | None = None, **reactions) -> None:
        if content is not None:
            state.user_sent(message_id, content, silent=False, now=0)
        for payload in bot.handle(MockUserEvent(GUILD, message_id, content, **reactions)):
            event = parse_mock_bot_event(payload)
            assert isinstance(event, MockBotEvent)
            state.apply(event, now=1)

    send(0, '!poll "Lunch?" pizza, sushi')
    assert chips(state, 1) == [("1️⃣", 1, False), ("2️⃣", 1, False)]
    assert state.user_toggled_reaction(1, "2️⃣") == "add"
    send(1, added_reactions=("2️⃣",))
    assert "**sushi (1)**: you" in state.get(1).content and state.get(1).edited
    assert state.user_toggled_reaction(1, "2️⃣") == "remove"
    send(1, removed_reactions=("2️⃣",))
    assert "**sushi (0)**" in state.get(1).content
    send(2, "!set morning::[:wave:]")
    send(4, "morning")
    assert chips(state, 4) == [("👋", 1, False)]
    assert state.get(4).delivery is Delivery.ANSWERED


def test_errors_land_on_their_message_or_stand_alone() -> None:
    state = ChatState()
    state.user_sent(0, "x" * 5000, silent=False, now=0)
    too_long = GatewayError(
        message="mock_user_event: too long",
        human="the message is too long",
        context=("mock_user_event", 0),
        code=413,
    )
    assert is_chat_error(too_long)
    assert state.error(too_long, now=1) == 0
    assert state.get(0).notice == "the message is too long"
    assert state.get(0).delivery is Delivery.FAILED
    general = GatewayError(message="mock_user_event: not understood", context=("mock_user_event",))
    notice_id = state.error(general, now=2)
    assert notice_id < 0 and state.get(notice_id).author == "notice"
    as_text = GatewayError(message="late", context=("mock_user_event", "0"))
    assert state.error(as_text, now=3) == 0
    unknown = GatewayError(message="who?", context=("mock_user_event", 12345))
    assert state.error(unknown, now=4) < 0
    assert not is_chat_error(GatewayError(message="no", context=("spectate",)))
    assert state.user_toggled_reaction(notice_id, "👍") is None


def test_history_is_bounded_and_reports_what_went() -> None:
    state = ChatState(limit=5)
    for message_id in range(0, 20, 2):
        state.user_sent(message_id, "m", silent=True, now=0)
    assert [message.id for message in state] == [10, 12, 14, 16, 18]
    assert state.take_removed() == [0, 2, 4, 6, 8]
    assert state.take_removed() == []
