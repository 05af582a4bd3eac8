"""The raw-event inspector: what was sent and received, malformed events with their reason."""

from support.app import screen_text, until
from support.chat import MOCK_GUILD, ChatHarness

from archit_tui.protocol.models import MalformedEvent
from archit_tui.protocol.parse import parse_mock_bot_event
from archit_tui.ui.chat.inspector import EventInspector

SIZE = (170, 60)


def records_text(app: ChatHarness) -> str:
    """Everything the inspector lists (also what is scrolled out of view)."""
    body = app.inspector.query_one("#inspector-records")
    return body.content.plain


async def test_sent_and_received_events_with_direction_and_json() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"!help", "enter")
        await until(pilot, lambda: "mock_bot_event" in records_text(app))
        text = records_text(app)
        assert "→ " in text and "mock_user_event" in text
        assert "← " in text and "mock_bot_event" in text
        assert '"content": "!help"' in text and '"message_id": 1' in text
        assert text.index("mock_user_event") < text.index("mock_bot_event")
        assert "mock_bot_event" in screen_text(app)


async def test_a_malformed_event_shows_its_reason() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        app.receive("mock_bot_event", {"guild_id": MOCK_GUILD, "message_id": "seven", "edit": 1})
        await until(pilot, lambda: "⚠ malformed" in records_text(app))
        reason = app.malformed[-1].reason
        assert f"⚠ malformed: {reason}" in records_text(app)
        assert "malformed" in screen_text(app)
        # A well-formed event with an equal payload is not called malformed: identity counts.
        app.receive("mock_bot_event", {"guild_id": MOCK_GUILD, "content": "ok", "message_id": 1})
        await until(pilot, lambda: '"content": "ok"' in records_text(app))
        assert records_text(app).count("⚠ malformed") == 1


async def test_markup_and_controls_in_payloads_show_literally() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        hostile = "[bold]b[/bold] [@click=app.quit]q[/] \u202eevil \x1b[31m"
        app.receive("mock_bot_event", {"guild_id": MOCK_GUILD, "content": hostile, "message_id": 9})
        await until(pilot, lambda: "[@click=app.quit]" in records_text(app))
        assert "[bold]b[/bold] [@click=app.quit]q[/] \\u202eevil \\u001b[31m" in records_text(app)
        assert app.is_running


async def test_log_stream_events_are_kept_apart_and_shown_on_request() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"!help", "enter")
        for n in range(500):
            app.wire.add("in", "log_pool", {"guild_id": "1", "log_action": {"id": n}})
        await until(pilot, lambda: "500 log stream" in screen_text(app))
        assert "log_pool" not in records_text(app)
        assert "mock_user_event" in records_text(app)  # not pushed out by the stream
        app.inspector.focus()
        await pilot.press("l")
        await until(pilot, lambda: '"id": 499' in records_text(app))
        text = records_text(app)
        assert "mock_bot_event" in text  # both buffers, merged in order
        assert '"id": 450' in text and '"id": 449' not in text  # the stream keeps its last 50
        assert "log_pool shown" in screen_text(app)
        await pilot.press("l")
        await until(pilot, lambda: "log_pool" not in records_text(app))


async def test_the_inspector_does_no_work_while_hidden() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        inspector = app.query_one(EventInspector)
        inspector.display = False
        await pilot.pause()
        before = records_text(app)
        await pilot.press(*"!help", "enter")
        await pilot.pause(0.6)
        assert records_text(app) == before
        inspector.display = True
        await until(pilot, lambda: "mock_bot_event" in records_text(app))


async def test_a_reason_that_arrives_after_its_record_is_still_shown() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        payload = {"guild_id": MOCK_GUILD, "message_id": None}
        app.wire.add("in", "mock_bot_event", payload)  # the client records it at once...
        await until(pilot, lambda: '"message_id": null' in records_text(app))
        await pilot.pause(0.3)
        malformed = parse_mock_bot_event(payload)  # ...the app hears of it a frame later
        assert isinstance(malformed, MalformedEvent) and malformed.raw is payload
        app.malformed.append(malformed)
        await until(pilot, lambda: f"⚠ malformed: {malformed.reason}" in records_text(app))
