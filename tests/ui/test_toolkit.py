"""The moderator's toolkit in the whole app: jumps, time, marks and exports, over loopback."""

import csv
import json
from pathlib import Path

from support.app import app_settings, build_app, screen_text, until
from support.standin import running_standin

from archit_tui.protocol.navigation import MODERATION_NUMBERS
from archit_tui.ui.factory import make_app

SIZE = (140, 40)


def cursor_action(app):  # noqa: ANN001, ANN201
    return app.store.action(app.main.table.cursor_seq)


def said(app, text: str) -> bool:  # noqa: ANN001
    return any(text in notification.message for notification in app._notifications)


async def started(pilot, app, rows: int) -> None:  # noqa: ANN001
    await until(pilot, lambda: len(app.store) == rows, what=f"{rows} rows")
    app.main.table.focus()
    await pilot.press("home")


async def test_jumps_between_moderation_actions_and_by_agent() -> None:
    async with running_standin(backlog=120) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot, app, 120)
            numbers = list(app.store.numbers)
            moderation = [i for i, n in enumerate(numbers) if n in MODERATION_NUMBERS]
            assert len(moderation) >= 2, "the seeded backlog has moderation actions"
            await pilot.press("n")
            assert app.main.table.cursor_position == moderation[0]
            await pilot.press("n")
            assert app.main.table.cursor_position == moderation[1]
            await pilot.press("N")
            assert app.main.table.cursor_position == moderation[0]
            agent = cursor_action(app).agent_id
            same = [i for i, a in enumerate(app.store.agents) if a == agent]
            later = [i for i in same if i > moderation[0]]
            await pilot.press("a")
            assert app.main.table.cursor_position == (later[0] if later else moderation[0])


async def test_time_steps_and_go_to_time() -> None:
    async with running_standin(backlog=120) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot, app, 120)
            times = list(app.store.times)
            await pilot.press("right_square_bracket")
            position = app.main.table.cursor_position
            assert times[position] >= times[0] + 60_000 > times[position - 1]
            target = times[0] + 150_000
            await pilot.press("at")
            await pilot.press(*"+150s", "enter")
            await until(pilot, lambda: app.main.table.cursor_position != position)
            # "+150s" steps from the selected row; the cursor lands on the first row at or after.
            position = app.main.table.cursor_position
            assert times[position] >= times[position - 1] and times[position - 1] < target + 60_000
            await pilot.press("at")
            await pilot.press(*"next tuesday", "enter")
            await until(pilot, lambda: said(app, "not a time"), what="the error said")
            assert app.main.table.cursor_position == position
            await pilot.press("at")
            await pilot.press(*"2001-01-01 00:00", "enter")
            await until(pilot, lambda: said(app, "Every row shown is after"), what="too early")
            assert app.main.table.cursor_position == 0
            await pilot.press("at")
            await pilot.press(*"+1000d", "enter")
            await until(pilot, lambda: said(app, "Every row shown is before"), what="too late")
            assert app.main.table.cursor_position == 119


async def test_marks_jump_filter_and_export(tmp_path: Path) -> None:
    async with running_standin(backlog=30) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot, app, 30)
            await pilot.press("down", "down", "m", "down", "down", "down", "m")
            assert "2 marked" in screen_text(app)
            await pilot.press("home", "apostrophe")
            assert app.main.table.cursor_position == 2
            await pilot.press("M")
            assert len(app.main.table.view) == 2
            path = tmp_path / "marked.csv"
            await pilot.press("e")
            prompt = app.screen.query_one("#prompt-input")
            prompt.value = str(path)
            await pilot.press("enter")
            await until(pilot, lambda: said(app, "2 rows written"), what="the export done")
            rows = list(csv.DictReader(path.open()))
            assert [int(row["id"]) for row in rows] == sorted(app.main.marks.ids)
            await pilot.press("M")
            assert len(app.main.table.view) == 30
            jsonl = tmp_path / "all.jsonl"
            app.main.action_export("all")
            await until(pilot, lambda: app.screen.query("#prompt-input"))
            app.screen.query_one("#prompt-input").value = str(jsonl)
            await pilot.press("enter")
            await until(pilot, lambda: said(app, "30 rows written"), what="the export done")
            payloads = [json.loads(line) for line in jsonl.read_text().splitlines()]
            assert [int(p["log_action"]["id"]) for p in payloads] == list(app.store.ids)


async def test_marks_of_a_captured_session_come_back_in_its_replay(tmp_path: Path) -> None:
    capture = tmp_path / "session.jsonl"
    async with running_standin(backlog=10) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)), capture=capture)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot, app, 10)
            await pilot.press("down", "m")
            marked = set(app.main.marks.ids)
    replay = make_app(app_settings(None, demo=False), replay=capture)
    async with replay.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "records" in screen_text(replay), what="the replay")
        assert replay.main.marks.ids == marked
        assert "1 marked" in screen_text(replay)
