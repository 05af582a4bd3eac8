"""The mock chat in the whole app, over loopback to the real stand-in and its mock bot."""

import pytest
from support.app import build_app, screen_text, until
from support.standin import running_standin
from textual import events

from archit_tui.ui.chat.pickers import EmojiPicker

SIZE = (160, 45)


def pane(app):  # noqa: ANN001, ANN201
    return app.main.chat.pane


def shown(app, message_id: int) -> str:  # noqa: ANN001
    view = pane(app).transcript.view(message_id)
    assert view is not None, f"message {message_id} is not shown"
    content = view.content
    return content.plain if hasattr(content, "plain") else str(content)


async def say(pilot, text: str) -> None:  # noqa: ANN001
    await pilot.press(*text)
    await pilot.press("enter")


async def answered(pilot, app, message_id: int) -> str:  # noqa: ANN001
    await until(
        pilot, lambda: pane(app).transcript.view(message_id) is not None, what=f"#{message_id}"
    )
    return shown(app, message_id)


async def react(pilot, app, message_id: int, emoji: str) -> None:  # noqa: ANN001
    transcript = pane(app).transcript
    transcript.focus()
    transcript.selected = message_id
    await pilot.press("r")
    await until(pilot, lambda: isinstance(app.screen, EmojiPicker), what="the emoji picker")
    app.screen.query_one("#emoji-options").highlighted = app.screen.choices.index(emoji)
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, EmojiPicker))


async def chat_app(gateway):  # noqa: ANN001, ANN201
    return build_app(gateway.url, guild_id=next(iter(gateway.guilds)))


async def test_help_set_then_trigger_and_silent() -> None:
    async with running_standin() as gateway:
        app = await chat_app(gateway)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: "spectating" in screen_text(app))
            await pilot.press("t")
            await say(pilot, "!help")
            assert "!poll" in await answered(pilot, app, 1)
            assert "pending" not in shown(app, 0)
            await say(pilot, "!set good bot::thank you [author]!")
            await answered(pilot, app, 3)
            await say(pilot, "Good bot.")
            assert "thank you you!" in await answered(pilot, app, 5)
            await pilot.press("ctrl+s")  # the next message is silent
            await say(pilot, "!set ping::pong")
            await until(pilot, lambda: pane(app).transcript.view(6) is not None)
            assert "silent" in shown(app, 6)
            await say(pilot, "ping")
            assert "pong" in await answered(pilot, app, 9)
            assert pane(app).transcript.view(7) is None  # the silent one got no answer


async def test_a_poll_voted_by_reaction_is_edited_in_place_and_a_vote_can_be_taken_back() -> None:
    async with running_standin() as gateway:
        app = await chat_app(gateway)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: "spectating" in screen_text(app))
            await pilot.press("t")
            await say(pilot, '!poll "Lunch?" pizza, sushi')
            poll = await answered(pilot, app, 1)
            assert "pizza (0)" in poll and "sushi (0)" in poll
            await react(pilot, app, 1, "2️⃣")
            await until(pilot, lambda: "sushi (1)" in shown(app, 1), what="the tally edited")
            assert "(edited)" in shown(app, 1)
            await react(pilot, app, 1, "2️⃣")  # again: the vote is taken back
            await until(pilot, lambda: "sushi (0)" in shown(app, 1), what="the vote removed")


async def test_a_schedule_lists_who_answered() -> None:
    async with running_standin() as gateway:
        app = await chat_app(gateway)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: "spectating" in screen_text(app))
            await pilot.press("t")
            await say(pilot, "!schedule Raid night 2026-12-24 18:00")
            event = await answered(pilot, app, 1)
            assert "Raid night" in event
            await react(pilot, app, 1, "✅")
            await until(pilot, lambda: "you" in shown(app, 1).split("Raid night", 1)[1], what="yes")


async def test_history_recall_markup_like_text_and_a_long_message() -> None:
    async with running_standin() as gateway:
        app = await chat_app(gateway)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: "spectating" in screen_text(app))
            await pilot.press("t")
            await say(pilot, "[bold]not bold[/] [@click=app.quit]x[/]")
            await until(pilot, lambda: pane(app).transcript.view(0) is not None)
            assert "[bold]not bold[/] [@click=app.quit]x[/]" in shown(app, 0)
            assert app.is_running
            long = "word " * 2_000
            app.post_message(events.Paste(long))
            await pilot.pause()
            await pilot.press("enter")
            await until(pilot, lambda: pane(app).transcript.view(2) is not None)
            assert shown(app, 2).count("word") == 2_000
            await pilot.press("up")
            assert pane(app).composer.text == long.strip() or pane(app).composer.text == long
            await pilot.press("up")
            assert pane(app).composer.text == "[bold]not bold[/] [@click=app.quit]x[/]"


async def test_the_inspector_shows_what_went_out_and_came_in() -> None:
    async with running_standin() as gateway:
        app = await chat_app(gateway)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: "spectating" in screen_text(app))
            await pilot.press("t")
            await say(pilot, "!help")
            await answered(pilot, app, 1)
            await pilot.press("f2")
            await until(pilot, lambda: "mock_bot_event" in screen_text(app), what="the inspector")
            records = app.main.chat.inspector.query_one("#inspector-records")
            text = str(records.render())
            assert "→" in text and "mock_user_event" in text and "←" in text
            assert "request_elevation" in text and "<hidden>" in text


async def test_a_bot_event_before_the_chat_was_ever_opened_is_kept() -> None:
    async with running_standin() as gateway:
        app = await chat_app(gateway)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: "spectating" in screen_text(app))
            assert not app.main.chat.built
            sid = next(iter(gateway._sessions))  # noqa: SLF001
            payload = {"guild_id": 1, "content": "unprompted", "message_id": 9, "edit": False}
            await gateway.sio.emit("mock_bot_event", payload, to=sid)
            await until(pilot, lambda: app.main.chat.built, what="the chat built")
            await pilot.press("t")
            assert "unprompted" in await answered(pilot, app, 9)


@pytest.mark.parametrize("size", [SIZE, (100, 30)])  # beside the log, and over it
async def test_tab_moves_between_the_composer_and_the_transcript(size: tuple[int, int]) -> None:
    """As the README says: Tab to the transcript (the filter bar is not on the way)."""
    async with running_standin() as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: "spectating" in screen_text(app))
            await pilot.press("t")
            await until(pilot, lambda: app.focused is pane(app).composer, what="composer")
            await pilot.press("tab")
            assert app.focused is pane(app).transcript
            await pilot.press("tab")
            assert app.focused is pane(app).composer
            await pilot.press(*"!he", "tab")  # with a completion offered, Tab completes
            assert app.focused is pane(app).composer
            assert pane(app).composer.text.startswith("!help")
