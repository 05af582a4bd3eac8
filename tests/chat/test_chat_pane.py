"""The chat pane against the real mock bot: sending, answers, edits, reactions, safety."""

from support.app import screen_text, until
from support.chat import ChatHarness, message_ids, shown
from textual import events

from archit_tui.ui.chat.pane import ChatPane
from archit_tui.ui.chat.pickers import CommandsPicker, EmojiPicker

SIZE = (150, 45)


async def send(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


async def react(pilot, app: ChatHarness, message_id: int, emoji: str) -> None:
    """Select ``message_id`` in the transcript, press r, pick ``emoji`` from the list."""
    transcript = app.pane.transcript
    transcript.focus()
    transcript.selected = message_id
    await pilot.press("r")
    await until(pilot, lambda: isinstance(app.screen, EmojiPicker), what="the emoji picker")
    picker = app.screen
    index = picker.choices.index(emoji)
    options = picker.query_one("#emoji-options")
    options.highlighted = index
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, EmojiPicker))


async def test_send_shows_pending_then_the_answer() -> None:
    app = ChatHarness(auto_reply=False)
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, "!help")
        request = app.posted[-1]
        assert isinstance(request, ChatPane.SendRequested)
        assert (request.content, request.silent) == ("!help", False)
        assert app.pane.composer.text == ""
        assert "⋯ pending" in shown(app, 0)
        assert "⋯ pending" in screen_text(app)
        app.deliver()
        await pilot.pause()
        assert "pending" not in shown(app, 0) and "✓" in shown(app, 0)
        assert message_ids(app) == [0, 1]
        assert "Archit.us BOT" in shown(app, 1) and "!poll" in shown(app, 1)
        # Markdown is drawn, not shown: no asterisks or backticks around "Commands".
        assert "**" not in shown(app, 1) and "`" not in shown(app, 1)
        await send(pilot, "!help poll")
        assert app.posted[-1].content == "!help poll"
        assert message_ids(app) == [0, 1, 2]


async def test_a_message_with_no_answer_times_out() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, "nobody answers this")
        assert "⋯ pending" in shown(app, 0)
        app.clock.now += 11
        await until(pilot, lambda: "no reply" in shown(app, 0), timeout=3)


async def test_blank_messages_are_not_sent_and_newlines_need_their_key() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "enter", "ctrl+j", "enter")
        assert app.posted == []
        await pilot.press("ctrl+a", "ctrl+k")
        composer = app.pane.composer
        composer.load_text("")
        await pilot.press("a", "ctrl+j", "b", "alt+enter", "c")
        assert composer.text == "a\nb\nc"
        await pilot.press("enter")
        assert app.posted[-1].content == "a\nb\nc"


async def test_multi_line_paste_is_kept_whole() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        pasted = '!poll "Where to?"\nthe park,\nthe beach, home'
        app.post_message(events.Paste(pasted))  # as the terminal delivers it
        await pilot.pause()
        assert app.pane.composer.text == pasted
        await pilot.press("enter")
        await pilot.pause()
        assert app.posted[-1].content == pasted
        assert "Where to?" in shown(app, 1) and "the beach" in shown(app, 1)
        assert "the park,\nthe beach, home" in shown(app, 0)


async def test_history_recall_with_up_and_down() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        composer = app.pane.composer
        await send(pilot, "first")
        app.post_message(events.Paste("second\nline"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press(*"draft")
        await pilot.press("up")
        assert composer.text == "second\nline"
        await pilot.press("up")  # the cursor is on the last line: it moves up first
        assert composer.text == "second\nline"
        await pilot.press("up")
        assert composer.text == "first"
        await pilot.press("up")
        assert composer.text == "first"
        await pilot.press("down")
        assert composer.text == "second\nline"
        await pilot.press("down")
        assert composer.text == "draft"
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.posted[-1].content == "second\nline"


async def test_markup_like_and_huge_messages_show_literally() -> None:
    app = ChatHarness(max_content=20_000)
    async with app.run_test(size=SIZE) as pilot:
        hostile = "[bold]x[/bold] [@click=app.quit]quit[/] [/ \x1b[31mred\x07 \u202eevil"
        app.pane.composer.load_text(hostile)
        await pilot.press("enter")
        await pilot.pause()
        text = shown(app, 0)
        assert "[bold]x[/bold] [@click=app.quit]quit[/] [/ ␛[31mred␇ evil" in text
        assert "[bold]x[/bold] [@click=app.quit]quit[/] [/ ␛[31mred␇ evil" in screen_text(app)
        huge = "".join(f"[b]{n}[/b] " for n in range(1_500))[:10_000]
        assert len(huge) == 10_000
        app.pane.composer.load_text(huge)
        await pilot.press("enter")
        await until(pilot, lambda: 2 in message_ids(app))
        assert huge.strip() in shown(app, 2)
        assert "[b]917[/b] [b]918[/b]" in screen_text(app)  # its end, by the composer
        assert app.is_running  # no markup was acted on


async def test_silent_messages_are_marked_and_not_pending() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        assert "🔇 silent" in screen_text(app) and "· silent" in screen_text(app)
        await send(pilot, "!set ping::pong")
        assert app.posted[-1].silent
        assert "🔇 silent" in shown(app, 0) and "pending" not in shown(app, 0)
        assert message_ids(app) == [0]  # the bot stored it and said nothing
        assert not app.pane.silent  # per message: the next one is heard
        await send(pilot, "ping")
        assert not app.posted[-1].silent
        assert shown(app, 3).endswith("pong")


async def test_completion_of_allowed_commands() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        composer = app.pane.composer
        await pilot.press("!", "p", "o")
        assert composer.suggestion == "ll"
        await pilot.press("tab")
        assert composer.text == "!poll" and composer.has_focus
        composer.load_text("")
        await pilot.press("!", "s", "c")
        await pilot.press("right")
        assert composer.text == "!schedule"
        app.pane.allowed_commands = ("help", "xpoll")
        composer.load_text("")
        await pilot.press("!", "p")
        assert composer.suggestion == ""
        await pilot.press("tab")  # nothing to complete: Tab moves focus on
        assert not composer.has_focus
        assert "!help !xpoll" in screen_text(app)


async def test_allowed_commands_dialog() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        assert "all commands" in screen_text(app)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, CommandsPicker))
        await pilot.press("down", "down", "down", "space")  # poll off
        await pilot.click("#commands-apply")
        await until(pilot, lambda: not isinstance(app.screen, CommandsPicker))
        assert app.pane.allowed_commands == ("help", "set", "remove", "xpoll", "schedule")
        assert isinstance(app.posted[-1], ChatPane.AllowedCommandsChanged)
        assert "!help !set !remove !xpoll !schedule" in screen_text(app)
        await send(pilot, "!poll x a, b")
        assert "not enabled" in shown(app, 1)


async def test_an_error_shows_at_the_message_it_concerns() -> None:
    app = ChatHarness(max_content=100)
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, "fine")
        app.pane.composer.load_text("y" * 150)
        await pilot.press("enter")
        await pilot.pause()
        assert "the message is 150 characters long; the limit is 100" in shown(app, 2)
        assert "✗ failed" in shown(app, 2)
        assert "the limit is 100" in screen_text(app)
        assert "the limit" not in shown(app, 0)
        app.receive("error", {"message": "mock_user_event: no", "context": ["mock_user_event"]})
        await pilot.pause()
        assert message_ids(app)[-1] < 0 and "mock_user_event: no" in shown(
            app, message_ids(app)[-1]
        )


async def test_poll_voted_by_reaction_with_the_tally_edited_and_the_vote_taken_back() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, '!poll "Lunch?" pizza, sushi')
        assert "1️⃣ 1" in shown(app, 1) and "2️⃣ 1" in shown(app, 1)
        await react(pilot, app, 1, "2️⃣")
        request = app.posted[-1]
        assert isinstance(request, ChatPane.ReactionRequested)
        assert (request.message_id, request.emoji, request.add) == (1, "2️⃣", True)
        await until(pilot, lambda: "sushi (1): you" in shown(app, 1))
        assert "(edited)" in shown(app, 1) and "2️⃣ 2" in shown(app, 1)
        assert message_ids(app) == [0, 1]  # edited in place
        await react(pilot, app, 1, "2️⃣")  # choosing it again takes the vote back
        assert (app.posted[-1].add, app.posted[-1].emoji) == (False, "2️⃣")
        await until(pilot, lambda: "sushi (0)" in shown(app, 1))
        assert "2️⃣ 1" in shown(app, 1)


async def test_the_picker_lists_the_messages_reactions_first_and_takes_a_typed_one() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, '!schedule "Movie" friday 7pm')
        app.pane.transcript.focus()  # focus selects the newest message
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, EmojiPicker))
        assert app.screen.choices[:3] == ["✅", "❌", "🤷"]
        assert "1️⃣" in app.screen.choices and "💬" in app.screen.choices
        await pilot.press("tab", *":thumbsup:", "enter")
        await until(pilot, lambda: not isinstance(app.screen, EmojiPicker))
        assert (app.posted[-1].emoji, app.posted[-1].message_id) == ("👍", 1)
        assert "👍 1" in shown(app, 1)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, EmojiPicker))
        assert app.screen.choices[3] == "👍"
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, EmojiPicker))
        assert app.posted[-1].add  # nothing more was asked


async def test_reacting_to_a_reply_edits_it_in_place_and_to_your_own_message() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, "!set ping::pong ||secret|| <@214037134477230080> :wave:")
        await send(pilot, "ping")
        assert message_ids(app) == [0, 1, 2, 3]
        assert "pong ▒▒▒▒▒▒ @alice 👋" in shown(app, 3)
        await react(pilot, app, 3, "💬")
        await until(pilot, lambda: "(trigger: ping by you)" in shown(app, 3))
        assert "(edited)" in shown(app, 3) and message_ids(app) == [0, 1, 2, 3]
        await pilot.press("space")  # reveal the selected message's spoilers
        assert "pong secret @alice 👋" in shown(app, 3)
        await react(pilot, app, 2, "👍")
        assert app.posted[-1].message_id == 2 and "👍 1" in shown(app, 2)
        await pilot.press("down")
        assert app.pane.transcript.selected == 3


async def test_names_learnt_later_and_a_theme_change_redraw_messages() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, "hi <@99> in <#607637793107345433>")
        assert "hi @99 in #general" in shown(app, 0)
        app.pane.names.members[99] = "zed"
        app.pane.names_changed()
        await pilot.pause()
        assert "hi @zed in #general" in shown(app, 0)
        before = app.pane.transcript.view(0).content.spans[0].style
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await until(pilot, lambda: app.pane.transcript.view(0).content.spans[0].style != before)


async def test_the_transcript_keeps_a_bounded_history() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        app.pane.state.limit = 2
        for word in ("one", "two", "three"):
            await send(pilot, word)
        assert message_ids(app) == [2, 4]
        assert app.pane.transcript.view(0) is None
