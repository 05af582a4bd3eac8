"""Capture a session with a dropped connection, then replay it offline in the same UI."""

from pathlib import Path

from support.app import app_settings, build_app, screen_text, until
from support.standin import running_standin

from archit_tui.config.model import SavedFilter
from archit_tui.gateway.capture import CaptureRecord, read_capture
from archit_tui.gateway.state import Phase
from archit_tui.protocol.actions import CONNECTION_GAP
from archit_tui.ui.factory import make_app


async def capture_a_session_with_a_gap(path: Path) -> tuple[str, list[int]]:
    async with running_standin(backlog=20) as first:
        port = int(first.url.rsplit(":", 1)[1])
        guild = next(iter(first.guilds.values()))
        app = build_app(first.url, guild_id=guild.id, capture=path)
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 20, what="20 rows")
            await first.stop()
            await until(pilot, lambda: "reconnecting in" in screen_text(app), what="reconnecting")
            async with running_standin(backlog=20, port=port):
                await until(
                    pilot, lambda: CONNECTION_GAP.number in app.store.numbers, what="the gap row"
                )
                held = list(app.store.ids)
    return guild.name, held


async def test_a_replay_shows_what_was_captured_with_its_gap_and_names(tmp_path: Path) -> None:
    path = tmp_path / "capture.jsonl"
    guild_name, held = await capture_a_session_with_a_gap(path)
    records = [record for record in read_capture(path) if isinstance(record, CaptureRecord)]
    # Everything received is on disk, the second delivery of the 20 actions too.
    assert sum(record.event == "log_pool" for record in records) == 40
    assert "reconnecting" in [record.state for record in records]

    watch = SavedFilter("messages", "type:message_send", alert=True)
    app = make_app(app_settings(None, demo=False, filters=(watch,)), replay=path)
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: "records" in screen_text(app), what="the replay to finish")
        assert app.main.status.state.phase is Phase.REPLAY
        # History is not news: a watch rule rings for actions arriving live, not replayed.
        assert app.main.status.alerts == 0 and app.main.alert_counts == {}
        assert list(app.store.ids) == held  # the same rows, the gap among them, in order
        assert app.store.duplicates == 20
        text = screen_text(app)
        # The guild's name came back from the captured pool replies.
        assert f"replay of {guild_name}: {path.name}" in text
        assert "CONNECTION_GAP" in text
        await app.run_action("switch_guild")  # no gateway to switch with: said, not crashed
        await until(pilot, lambda: any("no gateway" in n.message for n in app._notifications))


async def test_a_capture_that_cannot_be_written_is_reported_and_the_app_goes_on(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    async with running_standin(backlog=5) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)), capture=blocker / "x")
        async with app.run_test(size=(120, 30)) as pilot:
            await until(
                pilot,
                lambda: any("Cannot write the capture" in n.message for n in app._notifications),
                what="the capture problem said",
            )
            await until(pilot, lambda: len(app.store) == 5, what="rows without a capture")
