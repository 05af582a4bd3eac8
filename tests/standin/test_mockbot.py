"""The stand-in gateway's mock bot, driven the way the server drives it: events in, payloads out."""

from __future__ import annotations

import random
import re
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archit_tui.gateway.standin.mockbot import ALL_COMMANDS, COMMAND_HELP, MockBot
from archit_tui.gateway.standin.mockbot.trigger import REGEX_INPUT_LIMIT
from archit_tui.gateway.standin.mockbot.words import ADJECTIVES, ADVERBS, NOUNS
from archit_tui.protocol.requests import MockUserEvent, parse_mock_user_event

GUILD = 4321
MEMBERS = ("Alice", "Bob", "Carol")
NOW = datetime(2026, 12, 23, 15, 0, tzinfo=timezone.utc)
"""A Wednesday afternoon."""
PAYLOAD_KEYS = {"guild_id", "content", "message_id", "added_reactions", "edit"}


class Chat:
    """One chat session with a bot: user messages get even ids 0, 2, 4, ..."""

    def __init__(self, seed: int = 7, members: tuple[str, ...] = MEMBERS) -> None:
        self.bot = MockBot(GUILD, members, random.Random(seed), now=lambda: NOW)
        self.next_id = 0
        self.last_id = -1

    def say(self, text: str, author: str = "you", **options: object) -> list[dict]:
        self.last_id = self.next_id
        self.next_id += 2
        event = MockUserEvent(GUILD, self.last_id, text, **options)  # type: ignore[arg-type]
        return check_shapes(self.bot.handle(event, author_name=author))

    def reply(self, text: str, author: str = "you", **options: object) -> str:
        """The text of the one new bot message ``text`` gets."""
        payloads = self.say(text, author, **options)
        assert len(payloads) == 1, payloads
        assert payloads[0]["message_id"] == self.last_id + 1
        assert payloads[0]["edit"] is False
        return payloads[0]["content"]

    def react(
        self,
        message_id: int,
        added: tuple[str, ...] = (),
        removed: tuple[str, ...] = (),
        author: str = "you",
        silent: bool = False,
    ) -> list[dict]:
        event = MockUserEvent(GUILD, message_id, None, added, removed, silent=silent)
        payloads = check_shapes(self.bot.handle(event, author_name=author))
        assert all(p["edit"] for p in payloads), "a reaction never creates a message"
        return payloads

    def edited(self, message_id: int, added: tuple[str, ...] = (), **kwargs: object) -> str:
        payloads = self.react(message_id, added, **kwargs)  # type: ignore[arg-type]
        assert len(payloads) == 1 and payloads[0]["message_id"] == message_id, payloads
        return payloads[0]["content"]


def check_shapes(payloads: list[dict]) -> list[dict]:
    for payload in payloads:
        assert set(payload) == PAYLOAD_KEYS
        assert payload["guild_id"] == GUILD
        assert payload["content"] is None or isinstance(payload["content"], str)
        assert payload["added_reactions"] is None or payload["added_reactions"]
        assert payload["content"] is None or len(payload["content"]) <= 2000
    return payloads


# Help ------------------------------------------------------------------------------------------


def test_help_lists_every_command_with_its_usage() -> None:
    text = Chat().reply("!help")
    for name in ALL_COMMANDS:
        assert COMMAND_HELP[name].usage in text


def test_help_lists_only_the_allowed_commands() -> None:
    text = Chat().reply("!help", allowed_commands=("help", "!SET"))
    assert "!set <trigger>" in text and "!help" in text
    assert "!poll" not in text and "!schedule" not in text


@pytest.mark.parametrize("query", ["poll", "!poll", "POLL"])
def test_help_for_one_command_shows_its_usage(query: str) -> None:
    text = Chat().reply(f"!help {query}")
    assert text.startswith(f"`{COMMAND_HELP['poll'].usage}`")
    assert "10" in text


def test_help_for_an_unknown_or_disabled_command() -> None:
    assert "don't know `!dance`" in Chat().reply("!help dance")
    assert "`!poll` is not enabled" in Chat().reply("!help poll", allowed_commands=("help",))


# Auto-responses: triggers ----------------------------------------------------------------------


def test_set_replies_and_the_trigger_then_answers_with_the_next_odd_id() -> None:
    chat = Chat()
    assert chat.reply("!set hello there::general kenobi") == (
        "✅ `hello there::general kenobi` _successfully set_"
    )
    payloads = chat.say("hello there")
    assert payloads == [
        {
            "guild_id": GUILD,
            "content": "general kenobi",
            "message_id": chat.last_id + 1,
            "added_reactions": None,
            "edit": False,
        }
    ]


@pytest.mark.parametrize(
    ("message", "fires"),
    [
        ("how are you", True),
        ("How Are YOU?", True),
        ("how are you?!...", True),
        ("¿how are you…", True),
        ("  how are you  ", True),
        ("how  are you", False),  # whitespace is literal
        ("how are you doing", False),  # the whole message must match
        ("howareyou", False),
    ],
)
def test_plain_trigger_ignores_case_and_punctuation_it_lacks(message: str, fires: bool) -> None:
    chat = Chat()
    chat.reply("!set how are you::fine")
    assert (chat.say(message) != []) is fires


def test_punctuation_in_the_trigger_must_be_in_the_message() -> None:
    chat = Chat()
    chat.reply("!set what?::that")
    assert chat.say("what") == []
    assert chat.reply("WHAT?!") == "that"


def test_regex_trigger_with_captures() -> None:
    chat = Chat()
    chat.reply(r"!set ^i (love|hate) (\w+)$::you [1] [2]? [0]!")
    assert chat.reply("I LOVE pizza") == "you LOVE pizza? I LOVE pizza!"
    assert chat.say("i love pizza a lot") == []


def test_regex_optional_group_that_did_not_take_part_is_empty() -> None:
    chat = Chat()
    chat.reply(r"!set ^hi( there)?$::<[1]>")
    assert chat.reply("hi") == "<>"


def test_regex_that_does_not_compile_names_the_position() -> None:
    reply = Chat().reply("!set ^(abc$::x")
    assert reply.startswith("❌ unable to parse your regex")
    assert "character" in reply


@pytest.mark.parametrize(
    "pattern", [r"^(a+)+$", r"^(a|aa)*$", r"^(.*)(.*)(.*)\1$", r"^.*a.*b.*c.*d$", r"^(?:a?){40}$"]
)
def test_regexes_that_could_backtrack_for_ages_are_refused(pattern: str) -> None:
    chat = Chat()
    assert "too long to match" in chat.reply(f"!set {pattern}::x")
    assert chat.say("a" * 30 + "!") == []


def test_accepted_regex_gives_up_on_a_hostile_message() -> None:
    chat = Chat()
    chat.reply(r"!set ^(.*) (.*) (.*)x$::[1]")
    assert chat.say(" " * (REGEX_INPUT_LIMIT - 1)) == []


def test_regex_trigger_skips_messages_over_the_limit() -> None:
    chat = Chat()
    chat.reply(r"!set ^a+$::many")
    assert chat.reply("a" * REGEX_INPUT_LIMIT) == "many"
    assert chat.say("a" * (REGEX_INPUT_LIMIT + 1)) == []


def test_first_trigger_set_wins_and_duplicates_are_refused() -> None:
    chat = Chat()
    chat.reply("!set hey::first")
    chat.reply(r"!set ^h.y$::second")
    assert "taken" in chat.reply("!set HEY::again")
    assert chat.reply("hey") == "first"
    assert chat.reply("hay") == "second"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("!set hello", "use the syntax"),
        ("!set hello:world", "use two `::`"),
        ("!set ::world", "use the syntax"),
        ("!set hello::   ", "use the syntax"),
        ("!set " + "x" * 301 + "::y", "trigger is too long"),
        ("!set x::" + "y" * 1001, "response is too long"),
    ],
)
def test_set_syntax_errors(command: str, expected: str) -> None:
    assert expected in Chat().reply(command)


def test_remove_takes_the_exact_trigger() -> None:
    chat = Chat()
    chat.reply("!set good bot::thanks")
    assert "idk what response" in chat.reply("!remove good")
    assert chat.reply("!remove good bot") == "✅ `good bot::thanks` _successfully removed_"
    assert chat.say("good bot") == []
    assert "idk what response" in chat.reply("!remove good bot")


def test_remove_a_plain_trigger_in_another_case() -> None:
    chat = Chat()
    chat.reply("!set Good Bot::thanks")
    assert "successfully removed" in chat.reply("!remove good bot")


# Auto-responses: response tokens ---------------------------------------------------------------


def fire(response: str, message: str = "go", seed: int = 7, author: str = "you") -> list[dict]:
    chat = Chat(seed)
    assert "successfully set" in chat.reply(f"!set go::{response}")
    return chat.say(message, author=author)


def test_author_token_names_who_triggered_it() -> None:
    assert fire("hi [author]", author="Zoë")[0]["content"] == "hi Zoë"


@pytest.mark.parametrize(
    ("token", "words"), [("noun", NOUNS), ("adj", ADJECTIVES), ("adv", ADVERBS)]
)
def test_word_tokens_pick_from_the_built_in_lists(token: str, words: tuple[str, ...]) -> None:
    for seed in range(5):
        assert fire(f"[{token}]", seed=seed)[0]["content"] in words


def test_member_token_picks_a_member_or_falls_back_to_the_author() -> None:
    assert fire("[member]")[0]["content"] in MEMBERS
    chat = Chat(members=())
    chat.reply("!set go::[member]")
    assert chat.reply("go", author="Solo") == "Solo"


def test_count_token_counts_this_firing_too() -> None:
    chat = Chat()
    chat.reply("!set ping::pong #[count]")
    assert [chat.reply("ping") for _ in range(3)] == ["pong #1", "pong #2", "pong #3"]


def test_list_token_chooses_among_its_options() -> None:
    seen = {fire("[red, green , blue]", seed=seed)[0]["content"] for seed in range(40)}
    assert seen == {"red", "green", "blue"}


def test_list_options_may_hold_tokens() -> None:
    text = fire("[[noun], \\[x\\, y\\]]")[0]["content"]
    assert text in NOUNS or text == "[x, y]"


def test_capture_zero_of_a_plain_trigger_is_the_message() -> None:
    assert fire("you said [0]", message="GO!")[0]["content"] == "you said GO!"


def test_escaped_bracket_is_literal() -> None:
    assert fire(r"\[author] is [author]")[0]["content"] == "[author] is you"


def test_emoji_token_reacts_to_the_trigger_message_instead_of_replying() -> None:
    chat = Chat()
    chat.reply("!set nice::[:thumbsup:]")
    assert chat.say("nice") == [
        {
            "guild_id": GUILD,
            "content": None,
            "message_id": chat.last_id,
            "added_reactions": ["👍"],
            "edit": True,
        }
    ]


def test_text_and_emoji_give_a_reply_and_a_reaction() -> None:
    chat = Chat()
    chat.reply("!set hi::[:wave:] hello [:wave:][:party_parrot:]")
    reply, reaction = chat.say("hi")
    assert reply["content"] == "hello" and reply["message_id"] == chat.last_id + 1
    assert reaction["message_id"] == chat.last_id
    assert reaction["added_reactions"] == ["👋", ":party_parrot:"]


@pytest.mark.parametrize(
    ("response", "reason", "position"),
    [
        ("hi [oops", "`[` is never closed", 4),
        ("ok [bold] then", "unknown token `[bold]`", 4),
        ("[a, [b, c]", "`[` is never closed", 1),
        ("x [2]", "`[2]` is no capture", 3),
        ("[[[[[deep]]]]]", "nested more than", 5),
    ],
)
def test_unparseable_response_names_the_position(response: str, reason: str, position: int) -> None:
    chat = Chat()
    reply = chat.reply(f"!set go::{response}")
    assert reply.startswith("❌ unable to parse that response: ")
    assert reason in reply and f"at character {position}" in reply
    assert chat.say("go") == [], "nothing was stored"


def test_speech_balloon_on_a_reply_shows_trigger_and_author() -> None:
    chat = Chat()
    chat.reply("!set hi::hello", author="Alice")
    chat.reply("hi")
    reply_id = chat.last_id + 1
    assert chat.react(reply_id, ("🔥",)) == []
    assert chat.edited(reply_id, ("💬",)) == "hello\n(trigger: `hi` by Alice)"
    assert chat.react(reply_id, ("💬",)) == []


# Commands that are not allowed, silence --------------------------------------------------------


def test_a_command_not_allowed_gets_a_short_notice_naming_it() -> None:
    text = Chat().reply('!poll "x" a, b', allowed_commands=("set", "help"))
    assert "`!poll` is not enabled" in text


def test_a_command_not_allowed_runs_the_auto_responses_first() -> None:
    chat = Chat()
    chat.reply("!set !poll::no polls today")
    assert chat.reply("!poll", allowed_commands=("set",)) == "no polls today"


def test_no_command_is_allowed_with_an_empty_list() -> None:
    assert "`!help` is not enabled" in Chat().reply("!help", allowed_commands=())


def test_unknown_commands_are_plain_messages() -> None:
    chat = Chat()
    assert chat.say("!dance") == []
    chat.reply("!set !dance::💃")
    assert chat.reply("!dance") == "💃"


def test_silent_acts_but_sends_nothing() -> None:
    chat = Chat()
    assert chat.say("!set ping::pong [count]", silent=True) == []
    assert chat.say("ping", silent=True) == []
    assert chat.reply("ping") == "pong 2"


# Polls -----------------------------------------------------------------------------------------


def start_poll(chat: Chat, command: str = '!poll "Lunch time" pizza, tacos , sushi') -> int:
    payloads = chat.say(command)
    assert len(payloads) == 1 and payloads[0]["edit"] is False
    return payloads[0]["message_id"]


def test_poll_lists_options_and_adds_numbered_reactions() -> None:
    chat = Chat()
    (payload,) = chat.say('!poll "Lunch time" pizza, tacos , sushi')
    assert payload["message_id"] == chat.last_id + 1
    assert payload["added_reactions"] == ["1️⃣", "2️⃣", "3️⃣"]
    assert payload["content"] == (
        "**__Lunch time__**\n1️⃣ **pizza (0)**\n2️⃣ **tacos (0)**\n3️⃣ **sushi (0)**"
    )


def test_poll_votes_and_unvotes_edit_the_tallies() -> None:
    chat = Chat()
    poll = start_poll(chat)
    assert "1️⃣ **pizza (1)**: you" in chat.edited(poll, ("1️⃣",))
    text = chat.edited(poll, ("2️⃣",))
    assert "1️⃣ **pizza (1)**: you" in text and "2️⃣ **tacos (1)**: you" in text
    text = chat.edited(poll, ("1\u20e3",), author="Bob")  # no variation selector: same vote
    assert "1️⃣ **pizza (2)**: you, Bob" in text
    text = chat.edited(poll, removed=("1️⃣",))
    assert "1️⃣ **pizza (1)**: Bob" in text and "2️⃣ **tacos (1)**: you" in text


def test_poll_ignores_reactions_that_change_nothing() -> None:
    chat = Chat()
    poll = start_poll(chat)
    chat.edited(poll, ("1️⃣",))
    assert chat.react(poll, ("1️⃣",)) == []  # already counted
    assert chat.react(poll, ("🔥",)) == []
    assert chat.react(poll, ("5️⃣",)) == []  # no fifth option
    assert chat.react(poll, removed=("3️⃣",)) == []


def test_unvote_with_the_documented_misspelled_key() -> None:
    chat = Chat()
    poll = start_poll(chat)
    chat.edited(poll, ("2️⃣",))
    event = parse_mock_user_event(
        {"guild_id": GUILD, "message_id": poll, "removed_reacions": ["2️⃣"]}
    )
    assert isinstance(event, MockUserEvent)
    (payload,) = chat.bot.handle(event)
    assert "2️⃣ **tacos (0)**" in payload["content"] and payload["edit"] is True


def test_xpoll_second_vote_replaces_the_first() -> None:
    chat = Chat()
    poll = start_poll(chat, "!xpoll Drinks tea, coffee")
    assert chat.edited(poll, ("1️⃣",)).startswith("**__Drinks__** (one vote each)")
    text = chat.edited(poll, ("2️⃣",))
    assert "1️⃣ **tea (0)**" in text and "2️⃣ **coffee (1)**: you" in text


def test_ten_options_end_with_the_keycap_ten() -> None:
    chat = Chat()
    (payload,) = chat.say("!poll Digits " + ", ".join(str(n) for n in range(10)))
    assert payload["added_reactions"][-1] == "🔟" and len(payload["added_reactions"]) == 10


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("!poll", "needs a title"),
        ("!poll Lonely", "at least one option"),
        ('!poll "Open title a, b', "never closed"),
        ("!poll Many " + ", ".join("x" * 11), "at most 10 options (got 11)"),
    ],
)
def test_poll_errors(command: str, expected: str) -> None:
    assert expected in Chat().reply(command)


def test_silent_vote_is_still_counted() -> None:
    chat = Chat()
    poll = start_poll(chat)
    assert chat.react(poll, ("1️⃣",), silent=True) == []
    assert "pizza (2)" in chat.edited(poll, ("1️⃣",), author="Bob")


# Schedules -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "written"),
    [
        ("2026-12-24 18:00", "Thursday, December 24, 2026 at 6:00 PM UTC"),
        ("18:00", "Wednesday, December 23, 2026 at 6:00 PM UTC"),
        ("9:30", "Thursday, December 24, 2026 at 9:30 AM UTC"),  # already past today
        ("tomorrow 9pm", "Thursday, December 24, 2026 at 9:00 PM UTC"),
        ("friday 7pm", "Friday, December 25, 2026 at 7:00 PM UTC"),
        ("Fri at 7 PM", "Friday, December 25, 2026 at 7:00 PM UTC"),
        ("wednesday 9am", "Wednesday, December 30, 2026 at 9:00 AM UTC"),
        ("noon 2027-01-02", "Saturday, January 2, 2027 at 12:00 PM UTC"),
        ("saturday", "Saturday, December 26, 2026"),
    ],
)
def test_schedule_writes_the_time_out(when: str, written: str) -> None:
    chat = Chat()
    (payload,) = chat.say(f"!schedule Movie night {when}")
    assert payload["content"] == (
        f"**__Movie night__**\n**Time:** {written}\n✅ Yes (0)\n❌ No (0)\n🤷 Maybe (0)"
    )
    assert payload["added_reactions"] == ["✅", "❌", "🤷"]


def test_schedule_lists_who_answered_what() -> None:
    chat = Chat()
    (payload,) = chat.say("!schedule Raid friday 7pm")
    event = payload["message_id"]
    assert "✅ Yes (1): you" in chat.edited(event, ("✅",))
    text = chat.edited(event, ("🤷",), author="Bob")
    assert "✅ Yes (1): you" in text and "🤷 Maybe (1): Bob" in text
    text = chat.edited(event, ("❌",))  # a new answer replaces the old one
    assert "✅ Yes (0)" in text and "❌ No (1): you" in text
    assert "❌ No (0)" in chat.edited(event, removed=("❌",))
    assert chat.react(event, ("1️⃣",)) == []


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("!schedule 7pm", "give the event a title"),
        ("!schedule Party someday", "couldn't read a time"),
        ("!schedule Party 2026-02-30 10:00", "2026-02-30 is no date"),
        ("!schedule Party 25:00", "couldn't read a time"),
        ("!schedule", "couldn't read a time"),
    ],
)
def test_schedule_errors(command: str, expected: str) -> None:
    assert expected in Chat().reply(command)


# Reactions elsewhere, robustness, determinism --------------------------------------------------


def test_reactions_on_other_messages_get_nothing() -> None:
    chat = Chat()
    chat.reply("!help")
    assert chat.react(1, ("💬",)) == []  # a bot message, but no auto-response
    assert chat.react(0, ("👍",)) == []  # the user's own message
    assert chat.react(999, ("1️⃣",), ("2️⃣",)) == []


def test_a_ten_thousand_character_message() -> None:
    chat = Chat()
    long_text = "ابجد 🎉 [bold] " * 800
    assert len(long_text) > 10_000
    chat.reply(r"!set ^(.*)$::[0]")
    assert chat.say(long_text) == []  # too long for a regex trigger
    assert "too long" in chat.reply(f"!set {long_text}::x")
    (poll,) = chat.say(f"!poll {long_text}")
    assert poll["content"] is not None and len(poll["content"]) <= 2000
    for command in ("!help", "!remove", "!schedule", "!xpoll", ""):
        chat.say(f"{command} {long_text}")


def test_markup_like_text_is_quoted_literally() -> None:
    chat = Chat()
    chat.reply("!set [@click=app.quit]::\\[bold] [0] \\[/]")
    assert chat.reply("[@click=app.quit]") == "[bold] [@click=app.quit] [/]"
    (poll,) = chat.say('!poll "[red]x[/red]" [b]a[/b], שלום')
    assert "**__[red]x[/red]__**" in poll["content"] and "שלום (0)" in poll["content"]


def conversation(seed: int) -> list[dict]:
    chat = Chat(seed)
    chat.reply("!set go::[noun] [adj] [adv] [member] [a, b, c, d, e] [count]")
    return [payload for _ in range(10) for payload in chat.say("go")]


def test_the_same_seed_gives_the_same_conversation() -> None:
    assert conversation(11) == conversation(11)
    assert conversation(11) != conversation(12)


def test_the_default_clock_is_the_wall_clock_in_utc() -> None:
    bot = MockBot(GUILD, MEMBERS, random.Random(0))
    (payload,) = bot.handle(MockUserEvent(GUILD, 0, "!schedule Soon 23:59"))
    assert re.search(r"at 11:59 PM UTC", payload["content"])


COMMAND_LIKE = st.sampled_from(["", "!set ", "!poll ", "!xpoll ", "!schedule ", "!help ", "!"])


@settings(max_examples=150, deadline=None)
@given(prefix=COMMAND_LIKE, text=st.text(max_size=60), reactions=st.lists(st.text(max_size=4)))
def test_nothing_raises(prefix: str, text: str, reactions: list[str]) -> None:
    chat = Chat()
    chat.say("!set ^(\\w+) (.*)$::[2] [1] [:eyes:] [count]")
    chat.say('!poll "p" a, b')
    for payload in chat.say(prefix + text):
        assert payload["message_id"] in (chat.last_id, chat.last_id + 1)
    for message_id in (1, 3, chat.last_id + 1):
        chat.react(message_id, tuple(reactions), tuple(reactions[:1]))
