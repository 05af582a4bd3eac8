"""The log table: following, pausing, sorting, the row cap, literal remote text, layouts."""

import pytest
from support.app import build_app, screen_text, until
from support.standin import running_standin

from archit_tui.protocol.actions import action_type
from archit_tui.ui.widgets.columns import ColumnHeader, ColumnLayout, fit_cell
from archit_tui.ui.widgets.log_table import LogTable


async def test_follows_the_newest_row_pauses_when_moved_up_and_resumes_on_end() -> None:
    async with running_standin(backlog=30) as gateway:
        guild = next(iter(gateway.guilds))
        app = build_app(gateway.url, guild_id=guild)
        async with app.run_test(size=(100, 24)) as pilot:
            await until(pilot, lambda: len(app.store) == 30)
            table = app.main.table
            assert table.following and table.cursor_seq == app.store.end_seq - 1
            await gateway.send_burst(guild, 5)
            await until(pilot, lambda: len(app.store) == 35)
            assert table.cursor_seq == app.store.end_seq - 1
            await pilot.pause()
            assert (
                round(table.scroll_y)
                == table.max_scroll_y
                == 35 - table.scrollable_content_region.height
            )

            await pilot.press("up", "up")
            assert not table.following
            paused_on = table.cursor_seq
            await gateway.send_burst(guild, 7)
            await until(pilot, lambda: len(app.store) == 42)
            assert table.cursor_seq == paused_on
            assert "paused: 7 new (End)" in screen_text(app)

            await pilot.press("end")
            assert table.following and table.cursor_seq == app.store.end_seq - 1
            assert "paused" not in screen_text(app)


async def test_sort_by_the_cursor_column_reverses_then_returns_to_arrival_order() -> None:
    async with running_standin(backlog=60) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 60)
            table = app.main.table
            await pilot.press("right")  # the type column
            assert table.cursor_column_name == "type"
            await pilot.press("s")

            def shown_types() -> list[str]:
                return [
                    action_type(app.store.numbers[app.store.index(table.view.seq_at(i))]).name
                    for i in range(len(table.view))
                ]

            assert shown_types() == sorted(shown_types())
            assert "Type ▲" in screen_text(app)
            await pilot.press("s")
            assert shown_types() == sorted(shown_types(), reverse=True)
            assert "Type ▼" in screen_text(app)
            await pilot.press("s")
            assert [table.view.seq_at(i) for i in range(60)] == list(
                range(app.store.first_seq, app.store.end_seq)
            )
            assert app.main.query_one(ColumnHeader).sort_column is None


async def test_clicking_a_title_sorts_by_it() -> None:
    async with running_standin(backlog=20) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 20)
            header = app.main.query_one(ColumnHeader)
            agent_x = header.columns.names.index("agent")
            left = 1 + sum(width + 1 for _, width in header.columns.widths[:agent_x])
            await pilot.click(ColumnHeader, offset=(left + 1, 0))
            assert header.sort_column == "agent"


async def test_rows_beyond_max_actions_are_dropped_oldest_first_and_the_status_says_so() -> None:
    async with running_standin(backlog=0) as gateway:
        guild = next(iter(gateway.guilds))
        app = build_app(gateway.url, guild_id=guild, max_actions=50)
        async with app.run_test(size=(140, 30)) as pilot:
            await until(pilot, lambda: app.guild_id == guild)
            await pilot.pause(0.2)
            await gateway.send_burst(guild, 80)
            await until(pilot, lambda: app.store.dropped == 30, what="30 dropped")
            assert len(app.store) == 50
            assert app.store.first_seq == 30
            assert "30 oldest dropped (max_actions 50)" in screen_text(app)


async def test_remote_text_is_shown_literally() -> None:
    async with running_standin(backlog=400) as gateway:
        guild = max(gateway.guilds.values(), key=lambda g: len(g.members))
        markup_names = [m.display_name for m in guild.members if "[" in m.display_name]
        assert markup_names
        app = build_app(gateway.url, guild_id=guild.id)
        async with app.run_test(size=(200, 60)) as pilot:
            await until(pilot, lambda: len(app.store) == 400)
            await until(pilot, lambda: app.names.member_name(guild.members[0].id) is not None)
            await pilot.press(*"/", *"[")
            await until(pilot, lambda: len(app.main.table.view) < 400, what="rows with [")
            table = app.main.table
            strips = [table.render_line(y) for y in range(table.scrollable_content_region.height)]
            text = "\n".join(strip.text for strip in strips)
            assert any(name[:10] in text for name in markup_names), markup_names
            width = table.scrollable_content_region.width
            assert {strip.cell_length for strip in strips} == {width}  # columns stay aligned


@pytest.mark.parametrize(("size", "subject_shown"), [((80, 24), False), ((200, 60), True)])
async def test_the_layout_adapts_to_the_terminal(
    size: tuple[int, int], subject_shown: bool
) -> None:
    async with running_standin(backlog=10) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: len(app.store) == 10)
            table = app.main.query_one(LogTable)
            assert ("subject" in table.columns.names) is subject_shown
            assert app.main.detail_shown is (size[0] >= 140)
            assert app.main.has_class("-wide") is (size[0] >= 140)
            assert "Summary" in screen_text(app)


@pytest.mark.parametrize("size", [(200, 50), (150, 40), (100, 30)])
async def test_rows_take_the_new_columns_when_the_chat_opens_and_closes(
    size: tuple[int, int],
) -> None:
    """Rows drawn while the table changed width must never keep the old column layout."""
    async with running_standin(backlog=40) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: len(app.store) == 40)
            table = app.main.table
            await pilot.press("home")  # paused: the same rows stay on screen throughout
            for key in ("t", "escape", "t", "escape", "t"):
                await pilot.press(key)
                await pilot.pause()
                if not table.region.width:
                    continue  # the chat is over the table (narrow terminals)
                width = table.scrollable_content_region.width
                shown = [table.render_line(y).text for y in range(table.size.height)]
                table._strips.clear()  # noqa: SLF001 - draw them again from scratch
                assert table.columns == ColumnLayout.fit(width)
                assert app.main.header.columns == table.columns
                assert shown == [table.render_line(y).text for y in range(table.size.height)]


def test_cells_leave_out_emoji_joiners_so_every_terminal_keeps_the_columns() -> None:
    assert fit_cell("👩\u200d💻 devgirl", 12) == "👩💻 devgirl"
    assert fit_cell("❤\ufe0f 👍🏽", 6) == "❤ 👍  "
