"""From start to streaming: elevation, the guild picker, spectating, switching guilds."""

from support.app import build_app, screen_text, until
from support.standin import running_standin

from archit_tui.gateway.state import Phase
from archit_tui.ui.screens.guild_picker import GuildPicker
from archit_tui.ui.screens.main import MainScreen


async def test_demo_elevates_offers_the_guilds_and_streams_the_chosen_one() -> None:
    app = build_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, GuildPicker), what="the picker")
        text = screen_text(app)
        assert "Spectate which guild?" in text
        assert "Night Owl Devs" in text and "members" in text
        await pilot.press("enter")
        await until(pilot, lambda: len(app.store) == 40, what="40 rows")
        assert isinstance(app.screen, MainScreen)
        status = app.main.status
        assert status.state.phase is Phase.SPECTATING
        assert status.guild_name == "Night Owl Devs"
        text = screen_text(app)
        assert "DEMO" in text and "spectating Night Owl Devs" in text
        assert "40/40 rows" in text
        assert "Demo: a built-in stand-in gateway" in text


async def test_guild_setting_skips_the_picker() -> None:
    async with running_standin(backlog=10) as gateway:
        guild = list(gateway.guilds.values())[2]
        app = build_app(gateway.url, guild_id=guild.id)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 10, what="10 rows")
            assert app.guild_id == guild.id
            assert f"spectating {guild.name}" in screen_text(app)


async def test_unknown_guild_setting_says_so_and_opens_the_picker() -> None:
    async with running_standin() as gateway:
        app = build_app(gateway.url, guild_id=424242)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, GuildPicker), what="the picker")
            messages = [notification.message for notification in app._notifications]  # noqa: SLF001
            assert "Guild 424242 is not one this token may spectate." in messages


async def test_switch_guild_with_the_key_keeps_only_the_new_guilds_rows() -> None:
    async with running_standin(backlog=15) as gateway:
        first, second = list(gateway.guilds.values())[:2]
        app = build_app(gateway.url, guild_id=first.id)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 15, what="first guild's rows")
            await pilot.press("g")
            await until(pilot, lambda: isinstance(app.screen, GuildPicker), what="the picker")
            await pilot.press(*second.name[:5])
            await pilot.press("enter")
            await until(pilot, lambda: app.guild_id == second.id and len(app.store) == 15)
            assert {
                app.store.action(seq).guild_id
                for seq in range(app.store.first_seq, app.store.end_seq)
            } == {second.id}
            assert f"spectating {second.name}" in screen_text(app)


async def test_switch_guild_from_the_command_palette() -> None:
    async with running_standin() as gateway:
        first = list(gateway.guilds.values())[0]
        app = build_app(gateway.url, guild_id=first.id)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: app.main.status.state.phase is Phase.SPECTATING)
            await pilot.press("ctrl+p")
            await pilot.press(*"switch guild")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, GuildPicker), what="the picker")
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen))
            assert app.guild_id == first.id


async def test_switching_guild_keeps_the_filter_and_counts_nothing_as_dropped() -> None:
    async with running_standin(backlog=40) as gateway:
        first, second = list(gateway.guilds.values())[:2]
        app = build_app(gateway.url, guild_id=first.id)
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 40)
            await pilot.press("slash", *"type:message_send", "enter")
            await until(pilot, lambda: "matches" in screen_text(app))
            await app.spectate(second.id)
            await until(pilot, lambda: len(app.store) == 40, what="second guild's rows")
            sends = [
                s
                for s in range(app.store.first_seq, app.store.end_seq)
                if app.store.numbers[app.store.index(s)] == 3001
            ]
            view = app.main.table.view
            await until(pilot, lambda: [view.seq_at(i) for i in range(len(view))] == sends)
            assert app.store.dropped == 0
            assert "dropped" not in screen_text(app)
