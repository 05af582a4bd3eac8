"""An export that cannot be written says so in a toast, in plain words, and leaves no file."""

import os
from pathlib import Path

import pytest
from support.app import build_app, until
from support.standin import running_standin
from textual.worker import get_current_worker

from archit_tui.protocol import export as export_module
from archit_tui.protocol.export import RowExport

SIZE = (140, 40)


def said(app, text: str) -> bool:  # noqa: ANN001
    return any(text in notification.message for notification in app._notifications)  # noqa: SLF001


def errors(app) -> list[str]:  # noqa: ANN001
    return [n.message for n in app._notifications if n.severity == "error"]  # noqa: SLF001


async def export_to(pilot, app, path: Path, done: str) -> None:  # noqa: ANN001
    """Export every row held to ``path``; wait for a toast saying ``done``."""
    app.main.action_export("all")
    await until(pilot, lambda: app.screen.query("#prompt-input"), what="the prompt")
    app.screen.query_one("#prompt-input").value = str(path)
    await pilot.press("enter")
    await until(pilot, lambda: said(app, done), what=f"a toast saying {done!r}")
    await until(pilot, lambda: not app.main.status.task, what="the status bar cleared")


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export file is created where asked, but its writes go to /dev/full (ENOSPC)."""
    if not os.path.exists("/dev/full"):  # noqa: PTH110
        pytest.skip("no /dev/full here")
    create = export_module._new_file  # noqa: SLF001

    def new_file_on_a_full_disk(path: Path) -> int:
        os.close(create(path))
        return os.open("/dev/full", os.O_WRONLY)

    monkeypatch.setattr(export_module, "_new_file", new_file_on_a_full_disk)


@pytest.mark.parametrize("name", ["rows.csv", "rows.jsonl"])
async def test_a_full_disk_is_a_toast_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    full_disk(monkeypatch)
    path = tmp_path / name
    async with running_standin(backlog=30) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 30, what="30 rows")
            await export_to(pilot, app, path, "No space left on device")
            assert errors(app) == [f"Cannot write {path}: No space left on device"]
            assert not said(app, "rows written")
            assert not path.exists()


async def test_refusals_are_toasts_and_write_nothing(tmp_path: Path) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_text("keep me\n")
    async with running_standin(backlog=5) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 5, what="5 rows")
            await export_to(pilot, app, kept, "already exists")
            await export_to(pilot, app, tmp_path / "rows.xlsx", "must end in")
            await export_to(pilot, app, tmp_path, "is a folder")
            assert errors(app) == [
                f"{kept} already exists: give another name",
                f"Cannot export to {tmp_path / 'rows.xlsx'}: the name must end in .csv, "
                ".jsonl, .json or .ndjson",
                f"{tmp_path} is a folder: give a file name in it",
            ]
            assert kept.read_text() == "keep me\n"
            assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.csv"]


async def test_an_unexpected_error_is_a_toast_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = RowExport._write  # noqa: SLF001

    def write_then_fail(self: RowExport, seq: int) -> None:
        written(self, seq)
        if self.written == 3:
            raise RuntimeError("a bug")

    monkeypatch.setattr(RowExport, "_write", write_then_fail)
    path = tmp_path / "rows.csv"
    async with running_standin(backlog=10) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 10, what="10 rows")
            await export_to(pilot, app, path, "a bug")
            assert errors(app) == [
                f"Export to {path} failed (RuntimeError: a bug): the unfinished file was removed"
            ]
            assert not path.exists()


async def test_a_stopped_export_says_so_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new export (or quitting) cancels the running one between two chunks."""
    step = RowExport.step

    def step_then_stop(self: RowExport, rows: int = 2_000) -> bool:
        more = step(self, 1)
        if self.written == 3:
            get_current_worker().cancel()
        return more

    monkeypatch.setattr(RowExport, "step", step_then_stop)
    path = tmp_path / "rows.jsonl"
    async with running_standin(backlog=10) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: len(app.store) == 10, what="10 rows")
            await export_to(pilot, app, path, "stopped before the end")
            assert said(app, f"Export to {path} stopped before the end: the unfinished file")
            assert not path.exists()
