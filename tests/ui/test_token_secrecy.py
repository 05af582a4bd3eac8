"""A whole session with a known token: it appears in no output and no file written.

Screens (the table, the detail pane, the chat, the raw inspector), screenshots, the capture
file, notifications, every log record at DEBUG level, and every file under the test's home are
searched for the token after: connecting, elevating, spectating, chatting, a reconnect (the
token is sent again), and a refused elevation (the token is wrong) with its problem screen.
"""

import logging
from pathlib import Path

import pytest
from support.app import build_app, screen_text, until
from support.standin import running_standin

from archit_tui.protocol.secret import Secret
from archit_tui.ui.screens.problem import ProblemScreen

CANARY = "canary-token-7f3a9d2c61b8"
"""The token of this session; it must never be seen."""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every folder the app may write to, inside the test's own."""
    for variable in ("HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
    return tmp_path


async def test_the_token_is_nowhere(home: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    token_file = home / "token"
    token_file.write_text(CANARY + "\n")
    token_file.chmod(0o600)
    seen: list[str] = []
    async with running_standin(token=Secret(CANARY), backlog=10) as first:
        port = int(first.url.rsplit(":", 1)[1])
        guild_id = next(iter(first.guilds))
        app = build_app(
            first.url,
            token=None,
            token_file=token_file,
            guild_id=guild_id,
            capture=home / "capture.jsonl",
        )
        async with app.run_test(size=(160, 45)) as pilot:
            await until(pilot, lambda: len(app.store) == 10, what="rows")
            app.main.table.focus()
            await pilot.press("d")  # the detail pane, raw JSON included
            await pilot.pause()
            seen.append(screen_text(app))
            await pilot.press("t")
            await pilot.press(*"!help", "enter")
            await until(pilot, lambda: app.main.chat.pane.transcript.view(1) is not None)
            await pilot.press("f2")
            records = app.main.chat.inspector.query_one("#inspector-records")
            await until(pilot, lambda: "request_elevation" in str(records.render()), what="raw")
            seen.append(str(records.render()))
            seen.append(screen_text(app))
            seen.append(app.export_screenshot())
            await first.stop()
            await until(pilot, lambda: "reconnecting" in screen_text(app), what="reconnecting")
            async with running_standin(token=Secret(CANARY), port=port) as second:
                await until(pilot, lambda: second.elevations == 1, what="re-elevated")
                await until(pilot, lambda: "spectating" in screen_text(app), what="spectating")
            await until(pilot, lambda: "reconnecting" in screen_text(app), what="reconnecting")
            async with running_standin(token=Secret("another-token"), port=port):
                await until(pilot, lambda: isinstance(app.screen, ProblemScreen), what="refused")
                seen.append(screen_text(app))
                seen.append(app.export_screenshot())
            seen.extend(str(n.message) + str(n.title) for n in app._notifications)  # noqa: SLF001
            seen.extend(repr(record) for record in app.connection.wire.records)
    seen.extend(record.getMessage() + str(record.exc_info) for record in caplog.records)
    written = [path for path in home.rglob("*") if path.is_file() and path != token_file]
    assert home / "capture.jsonl" in written
    for path in written:
        assert CANARY not in path.read_text(errors="replace"), f"the token is in {path}"
    for text in seen:
        assert CANARY not in text
    assert any("request_elevation" in text for text in seen)  # the searches saw real output
