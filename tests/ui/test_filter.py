"""The filter bar: queries narrow the table, bad ones are marked, cells become filters."""

from support.app import build_app, screen_text, until
from support.standin import running_standin
from textual import events

from archit_tui.protocol.actions import action_type
from archit_tui.ui.widgets.filter_bar import MAX_QUERY_LENGTH, FilterBar


def shown_seqs(app) -> list[int]:  # noqa: ANN001
    view = app.main.table.view
    return [view.seq_at(i) for i in range(len(view))]


async def test_a_type_filter_applies_to_held_rows_and_to_rows_that_arrive_later() -> None:
    async with running_standin(backlog=300) as gateway:
        guild = next(iter(gateway.guilds))
        app = build_app(gateway.url, guild_id=guild)
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 300)
            await pilot.press("slash", *"type:message_send")
            sends = [s for s in range(300) if app.store.numbers[s] == 3001]
            await until(pilot, lambda: shown_seqs(app) == sends, what="only sends")
            assert f"{len(sends):,} matches" in screen_text(app)
            await pilot.press("enter")  # back to the table
            await gateway.send_burst(guild, 100)
            await until(pilot, lambda: len(app.store) == 400)
            sends = [s for s in range(400) if app.store.numbers[s] == 3001]
            await until(pilot, lambda: shown_seqs(app) == sends, what="new sends too")
            assert f"{len(sends):,}/400 rows" in screen_text(app)


async def test_an_invalid_query_is_marked_and_the_last_valid_filter_stays() -> None:
    async with running_standin(backlog=200) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 200)
            await pilot.press("slash", *"type:ban")
            await until(pilot, lambda: len(shown_seqs(app)) < 200)
            kept = shown_seqs(app)
            await pilot.press(*",frob")
            bar = app.main.query_one(FilterBar)
            await until(pilot, lambda: bar.has_class("-invalid"))
            assert bar.error is not None
            assert bar.input.value[bar.error.start : bar.error.end] == "frob"
            assert "no action type matches 'frob'" in screen_text(app)
            # The filter still in force is named: while typing, it may be a shorter query.
            assert "✗ still: type:ban" in screen_text(app)
            assert shown_seqs(app) == kept
            await pilot.press("backspace", "backspace", "backspace", "backspace")
            await until(pilot, lambda: not bar.has_class("-invalid"))


async def test_clearing_the_filter_shows_every_row() -> None:
    async with running_standin(backlog=50) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 50)
            await pilot.press("slash", *"zzzz-nothing")
            await until(pilot, lambda: shown_seqs(app) == [])
            assert "0 matches" in screen_text(app)
            app.main.filter_bar.set_query_text("")
            await until(pilot, lambda: len(shown_seqs(app)) == 50)


async def test_match_and_exclude_the_cell_under_the_cursor() -> None:
    async with running_standin(backlog=120) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 120)
            table = app.main.table
            await pilot.press("right", "right")
            assert table.cursor_column_name == "agent"
            agent = app.store.agents[app.store.index(table.cursor_seq)]
            await pilot.press("equals_sign")
            assert app.main.filter_bar.input.value == f"agent:{agent}"
            await until(pilot, lambda: {app.store.agents[s] for s in shown_seqs(app)} == {agent})
            await pilot.press("left")
            number = app.store.numbers[app.store.index(table.cursor_seq)]
            await pilot.press("minus")
            assert app.main.filter_bar.input.value == f"agent:{agent} -type:{number}"
            await until(
                pilot,
                lambda: all(
                    app.store.agents[s] == agent and app.store.numbers[s] != number
                    for s in shown_seqs(app)
                ),
            )
            assert action_type(number).name


async def test_filter_by_name_uses_the_pools() -> None:
    async with running_standin(backlog=200) as gateway:
        guild = next(iter(gateway.guilds.values()))
        app = build_app(gateway.url, guild_id=guild.id)
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 200)
            agent = app.store.agents[0]
            name = next(m.name for m in guild.members if m.id == agent)
            await until(pilot, lambda: app.names.member_name(agent) is not None, what="names")
            await pilot.press("slash", *f'agent:"{name}"')
            await until(pilot, lambda: 0 < len(shown_seqs(app)) < 200)
            assert agent in {app.store.agents[s] for s in shown_seqs(app)}


def help_examples() -> list[str]:
    """Every example query in the filter help (the README shows the same text)."""
    from archit_tui.protocol.query import QUERY_HELP

    examples = []
    for line in QUERY_HELP.splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            examples.append(line.strip().split("  ")[0].strip())
    return examples


async def test_every_help_example_filters_in_the_local_time_zone() -> None:
    """The app passes the machine's zone (DST included): date and clock forms once crashed it."""
    examples = help_examples()
    assert "after:14:05" in examples and len(examples) >= 15
    async with running_standin(backlog=30) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)), tz=None)
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 30)
            bar = app.main.filter_bar
            await pilot.press("slash")
            for example in examples:
                bar.set_query_text(example)
                await pilot.pause()
                assert bar.error is None, (example, bar.error)
                assert app.is_running


async def test_filtering_resets_the_count_of_rows_that_arrived_while_paused() -> None:
    async with running_standin(backlog=50) as gateway:
        guild = next(iter(gateway.guilds))
        app = build_app(gateway.url, guild_id=guild)
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 50)
            await pilot.press("up")
            await gateway.send_burst(guild, 9)
            await until(pilot, lambda: "paused: 9 new" in screen_text(app))
            await pilot.press("slash", *"type:message_send")
            await until(pilot, lambda: "paused: 0 new" in screen_text(app), what="count reset")


async def test_a_paste_without_bracketed_paste_is_read_once_a_frame_and_capped() -> None:
    """A terminal without bracketed paste sends a paste as one key per character."""
    async with running_standin(backlog=300) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 300)
            await pilot.press("slash")
            readings: list[str] = []
            bar, main = app.main.filter_bar, app.main
            filter_rows = main.filter_rows

            def counted(query) -> None:  # noqa: ANN001
                readings.append(query.source if query is not None else "")
                filter_rows(query)

            main.filter_rows = counted  # type: ignore[method-assign]
            pasted = ("spam " * 2_000)[: MAX_QUERY_LENGTH + 1_000]
            for char in pasted:  # all queued at once, as a terminal delivers them
                app.post_message(events.Key("space" if char == " " else char, char))
            expected = pasted[:MAX_QUERY_LENGTH]
            await until(
                pilot,
                lambda: bar.applied is not None and bar.applied.source == expected,
                timeout=60,
                what="the whole paste, capped, in force",
            )
            assert bar.input.value == expected
            assert readings[-1] == expected
            # Most keys came between two frames: read together, not one filter per key.
            assert len(readings) < len(pasted) / 4
