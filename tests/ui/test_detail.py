"""The detail pane: every field, names resolved, before/after, the raw payload and copying it."""

import json

from support.app import build_app, screen_text, until
from support.standin import running_standin


async def test_detail_shows_the_selected_action_and_copies_its_raw_payload() -> None:
    async with running_standin(backlog=200) as gateway:
        guild = next(iter(gateway.guilds.values()))
        app = build_app(gateway.url, guild_id=guild.id)
        async with app.run_test(size=(200, 60)) as pilot:
            await until(pilot, lambda: len(app.store) == 200)
            await until(pilot, lambda: app.names.member_name(app.store.agents[0]) is not None)
            assert app.main.detail_shown  # wide terminal: shown from the start
            await pilot.press("slash", *"type:message_edit")
            await until(pilot, lambda: 0 < len(app.main.table.view) < 200)
            await pilot.press("enter")
            seq = app.main.table.cursor_seq
            action = app.store.action(seq)
            # Following, the detail shows the newest row at most once a second.
            await until(pilot, lambda: str(action.id) in screen_text(app), what="its detail")
            text = screen_text(app)
            assert "MESSAGE_EDIT (3002, message)" in text
            assert str(action.id) in text
            agent_name = app.names.member_name(action.agent_id)
            assert f"{agent_name} ({action.agent_id})" in text
            assert "Before" in text and "After" in text
            assert "Raw payload (c copies it)" in text and '"log_action": {' in text
            await pilot.press("c")
            assert json.loads(app.clipboard) == app.store.raw(seq)
            assert "Sent the raw payload" in " ".join(n.message for n in app._notifications)  # noqa: SLF001


async def test_detail_toggles_and_follows_the_cursor() -> None:
    async with running_standin(backlog=30) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=(100, 40)) as pilot:
            await until(pilot, lambda: len(app.store) == 30)
            assert not app.main.detail_shown  # narrow terminal: hidden until asked for
            await pilot.press("d")
            assert app.main.detail_shown
            await pilot.press("up")
            seq = app.main.table.cursor_seq
            await pilot.pause()
            assert str(app.store.action(seq).id) in screen_text(app)
            await pilot.press("d")
            assert not app.main.detail_shown
