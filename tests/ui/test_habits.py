"""Saved filters, watch rules, rebound keys, the remembered theme and F1, in the whole app."""

from pathlib import Path

import pytest
from support.app import build_app, screen_text, until
from support.standin import running_standin

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
            await pilot.press("slash", *'type:ban "a b"', "enter")
            await until(pilot, lambda: app.main.bar_query is not None)
            await pilot.press("F")
            await until(pilot, lambda: app.screen.query("#saved-filters-empty"))
            await pilot.press("s")
            await until(pilot, lambda: app.screen.query("#prompt-input"), what="the name prompt")
            await pilot.press(*"bans", "enter")
            await until(pilot, lambda: said(app, "Saved 'bans'"), what="saved")
    assert config.read_text().startswith('# mine\ntime_format = "utc"\n')
    loaded = load_settings(ConfigFlags(config=config, demo=True), environ={})
    assert loaded.settings.filters == (SavedFilter("bans", 'type:ban "a b"'),)


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
