"""Saved filters, watch rules, rebound keys, the remembered theme and F1, in the whole app."""

from pathlib import Path

import pytest
from support.app import build_app, screen_text, until
from support.standin import running_standin
from textual.command import CommandPalette

from archit_tui.config import ConfigFlags, load_settings
from archit_tui.config.model import SavedFilter
from archit_tui.protocol.actions import types_matching

SIZE = (140, 40)


def said(app, text: str) -> bool:  # noqa: ANN001
    return any(text in f"{n.title} {n.message}" for n in app._notifications)  # noqa: SLF001


def numbers_shown(app) -> set[int]:  # noqa: ANN001
    view, store = app.main.table.view, app.store
    return {store.numbers[view.seq_at(p) - store.first_seq] for p in range(len(view))}


async def test_saved_filters_toggle_at_once_and_watch_rules_alert(tmp_path: Path) -> None:
    sends, edits = types_matching("message_send"), types_matching("message_edit")
    filters = (
        SavedFilter("messages", "type:message_send,message_edit", enabled=True),
        SavedFilter("no edits", "-type:message_edit"),
        SavedFilter("sends", "type:message_send", alert=True),
    )
    async with running_standin(backlog=60) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)), filters=filters)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 60, what="rows")
            await until(pilot, lambda: numbers_shown(app) == sends | edits, what="one filter on")
            assert "1 saved filter on" in screen_text(app)
            alerts = sum(n in sends for n in app.store.numbers)
            assert app.main.status.alerts == alerts > 0
            assert said(app, "⚑ sends")
            app.main.table.focus()
            await pilot.press("F")
            await until(pilot, lambda: app.screen.query("#saved-filters-list"), what="the panel")
            await pilot.press("down", "space")  # "no edits" on too
            await until(pilot, lambda: numbers_shown(app) == sends, what="two filters on")
            await pilot.press("up", "enter")  # "messages" off
            await until(
                pilot, lambda: not numbers_shown(app) & edits and len(numbers_shown(app)) > 1
            )
            await pilot.press("escape")
            assert "1 saved filter on" in screen_text(app)


async def test_the_filter_bar_query_is_saved_to_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# mine\ntime_format = "utc"\n')
    async with running_standin(backlog=5) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)), config_path=config)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 5, what="rows")
            await pilot.press("slash", *'type:ban "a \\" b"', "enter")
            await until(pilot, lambda: app.main.bar_query is not None)
            await pilot.press("F")
            await until(pilot, lambda: app.screen.query("#saved-filters-empty"))
            await pilot.press("s")
            await until(pilot, lambda: app.screen.query("#prompt-input"), what="the name prompt")
            # The query is shown as typed: no escapes added to its backslash or quotes.
            assert 'Save “type:ban "a \\" b"” as' in screen_text(app)
            await pilot.press(*"[b]bans", "enter")
            await until(pilot, lambda: said(app, "Saved '[b]bans'"), what="saved")
    assert config.read_text().startswith('# mine\ntime_format = "utc"\n')
    loaded = load_settings(ConfigFlags(config=config, demo=True), environ={})
    assert loaded.settings.filters == (SavedFilter("[b]bans", 'type:ban "a \\" b"'),)


async def test_keys_rebound_by_action_name_and_the_vim_preset() -> None:
    async with running_standin(backlog=10) as gateway:
        app = build_app(
            gateway.url,
            guild_id=next(iter(gateway.guilds)),
            key_preset="vim",
            keys=(("toggle_mark", "space"), ("no_such_action", "x")),
        )
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 10, what="rows")
            app.main.table.focus()
            await pilot.press("g")  # vim: the first row, not the guild picker
            assert app.main.table.cursor_position == 0
            await pilot.press("space")
            assert len(app.main.marks) == 1
            assert said(app, "'no_such_action', which is no action")
            await pilot.press("f1")
            await until(pilot, lambda: app.screen.query("HelpPanel"), what="the keys panel")
            await pilot.press("f1")
            await until(pilot, lambda: not app.screen.query("HelpPanel"))


async def test_a_theme_chosen_in_the_app_is_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    async with running_standin() as gateway:
        first = build_app(gateway.url)
        first.remember_choices = True
        async with first.run_test(size=SIZE) as pilot:
            first.theme = "nord"
            await pilot.pause()
        second = build_app(gateway.url)
        second.remember_choices = True
        async with second.run_test(size=SIZE):
            assert second.theme == "nord"
        configured = build_app(gateway.url, theme="gruvbox")
        configured.remember_choices = True
        async with configured.run_test(size=SIZE):
            assert configured.theme == "gruvbox"  # the config file wins


async def moved_to_moderation_or_said(pilot, app, key: str) -> None:  # noqa: ANN001
    """``key`` ran next_moderation: the cursor moved, or the app said there is none below."""
    table = app.main.table
    table.focus()
    await pilot.press("home")
    before = table.cursor_position
    await pilot.press(key)
    await until(
        pilot,
        lambda: table.cursor_position != before or said(app, "No moderation action below"),
        what="next_moderation",
    )


async def test_a_key_name_that_is_no_key_is_refused_and_the_default_kept() -> None:
    async with running_standin(backlog=30) as gateway:
        app = build_app(
            gateway.url,
            guild_id=next(iter(gateway.guilds)),
            keys=(("next_moderation", "notakey!!"), ("toggle_mark", "n,ctrl+/")),
        )
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 30, what="rows")
            assert said(app, "next_moderation 'notakey!!', which is no key name")
            assert said(app, "toggle_mark 'n', which next_moderation has")
            assert "notakey" not in screen_text(app)
            await moved_to_moderation_or_said(pilot, app, "n")
            assert not app.main.marks


async def test_a_taken_key_is_refused_and_help_filter_and_quit_keys_are_kept() -> None:
    async with running_standin(backlog=10) as gateway:
        app = build_app(
            gateway.url,
            guild_id=next(iter(gateway.guilds)),
            keys=(
                ("sort", "/"),
                ("toggle_mark", "x"),
                ("copy_raw", "x"),  # toggle_mark was first
                ("first", "s"),  # the table's key would hide the screen's
                ("toggle_detail", "f1"),
                ("focus_filter", "f"),  # and / still
            ),
        )
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 10, what="rows")
            assert said(app, "sort '/', which always opens the filter; sort keeps s.")
            assert said(app, "copy_raw 'x', which toggle_mark has; copy_raw keeps c.")
            assert said(app, "first 's', which sort has; first keeps home.")
            assert said(app, "toggle_detail 'f1', which always shows the keys")
            for key in ("slash", "f"):
                app.main.table.focus()
                await pilot.press(key)
                assert app.focused is app.main.filter_bar.input
                await pilot.press("escape")
                assert app.focused is app.main.table
            await pilot.press("x")
            assert len(app.main.marks) == 1
            await pilot.press("s")
            await until(pilot, lambda: app.main.sort_column is not None, what="sorted")


async def test_help_names_the_action_beside_each_key_in_force() -> None:
    async with running_standin(backlog=5) as gateway:
        app = build_app(
            gateway.url, guild_id=next(iter(gateway.guilds)), keys=(("toggle_mark", "space"),)
        )
        async with app.run_test(size=(120, 90)) as pilot:
            await until(pilot, lambda: len(app.store) == 5, what="rows")
            await pilot.press("question_mark")
            await until(pilot, lambda: "Log table" in screen_text(app), what="the help")
            lines = screen_text(app).splitlines()
            assert any(
                "space" in line and "Mark" in line and "toggle_mark" in line for line in lines
            )
            shown = screen_text(app)
            ids = {b.id for b in app.main.BINDINGS if b.id} | {b.id for b in app.BINDINGS if b.id}
            assert {name for name in ids if name not in shown} == set()


async def test_every_action_of_the_main_screen_and_table_is_in_the_command_palette() -> None:
    async with running_standin(backlog=30) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 30, what="rows")
            titles = [command.title for command in app.get_system_commands(app.main)]
            assert len(titles) == len(set(titles))
            for wanted in ("Sort", "Next mod", "+1 minute", "Same agent", "Copy raw", "Newest"):
                assert wanted in titles
            await pilot.press("ctrl+p")
            await until(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
            await pilot.press(*"sort")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await until(pilot, lambda: app.main.sort_column is not None, what="sorted")
            table = app.main.table
            table.focus()
            await pilot.press("home")
            await until(pilot, lambda: table.cursor_position == 0, what="the first row")
            await pilot.press("ctrl+p")
            await until(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
            await pilot.press(*"next mod")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await until(
                pilot,
                lambda: table.cursor_position != 0 or said(app, "No moderation action below"),
                what="next moderation",
            )
