"""Export files: always new and private, refused in plain words, never left truncated."""

import csv
import errno
import json
import os
import stat
from pathlib import Path

import pytest

from archit_tui.protocol import export as export_module
from archit_tui.protocol.export import ExportError, RowExport
from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.mentions import NoNames
from archit_tui.protocol.models import LogPoolEvent
from archit_tui.protocol.parse import parse_log_pool


def held(count: int, reason: str = "spam") -> ActionStore:
    """A store holding ``count`` bans, each with ``reason``."""
    store = ActionStore(max_actions=count + 10)
    made = []
    for n in range(1, count + 1):
        payload = {
            "guild_id": "5",
            "log_action": {"id": str(n << 22), "action_number": 3001, "reason": reason},
        }
        text = json.dumps(payload)
        event = parse_log_pool(json.loads(text), text)
        assert isinstance(event, LogPoolEvent)
        made.append(event)
    store.add(made)
    return store


def export_all(store: ActionStore, path: Path) -> RowExport:
    export = RowExport(store, range(store.first_seq, store.end_seq), path, NoNames())
    while export.step():
        pass
    return export


def dev_full_works() -> bool:
    """/dev/full takes writes into the buffer and refuses them (ENOSPC) when they go out."""
    try:
        with open("/dev/full", "w") as full:  # noqa: PTH123
            full.write("x")
    except OSError as error:
        return error.errno == errno.ENOSPC
    return False


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every export file is created where asked, but its writes go to /dev/full."""
    if not dev_full_works():
        pytest.skip("no /dev/full that refuses writes here")
    create = export_module._new_file  # noqa: SLF001

    def new_file_on_a_full_disk(path: Path) -> int:
        os.close(create(path))
        return os.open("/dev/full", os.O_WRONLY)

    monkeypatch.setattr(export_module, "_new_file", new_file_on_a_full_disk)


@pytest.mark.usefixtures("full_disk")
@pytest.mark.parametrize("rows", [3, 3_000], ids=["fails-on-close", "fails-on-write"])
@pytest.mark.parametrize("name", ["rows.csv", "rows.jsonl"])
def test_a_full_disk_is_said_and_leaves_no_file(tmp_path: Path, rows: int, name: str) -> None:
    path = tmp_path / name
    with pytest.raises(ExportError) as raised:
        export_all(held(rows), path)
    assert str(raised.value) == f"Cannot write {path}: No space left on device"
    assert not path.exists()


def test_an_export_is_a_new_private_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "rows.csv"
    old_umask = os.umask(0)
    try:
        export = export_all(held(5), path)
    finally:
        os.umask(old_umask)
    assert export.written == 5
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(list(csv.DictReader(path.open()))) == 5


@pytest.mark.parametrize("kind", ["file", "link"])
def test_an_existing_file_is_never_replaced(tmp_path: Path, kind: str) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_text("keep me\n")
    kept.chmod(0o644)
    path = kept
    if kind == "link":
        path = tmp_path / "link.csv"
        path.symlink_to(kept)
    with pytest.raises(ExportError, match=r"^\S+ already exists: give another name$") as raised:
        export_all(held(5), path)
    assert str(path) in str(raised.value)
    assert kept.read_text() == "keep me\n"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o644


def test_a_folder_or_a_file_in_the_way_is_said(tmp_path: Path) -> None:
    folder = tmp_path / "rows.csv"
    folder.mkdir()
    with pytest.raises(ExportError, match="is a folder: give a file name in it"):
        export_all(held(1), folder)
    with pytest.raises(ExportError, match="is a folder"):
        export_all(held(1), tmp_path)
    blocking = tmp_path / "notes.txt"
    blocking.write_text("")
    with pytest.raises(ExportError) as raised:
        export_all(held(1), blocking / "sub" / "rows.csv")
    assert str(raised.value).endswith(f"{blocking} is a file, not a folder")


@pytest.mark.parametrize("name", ["rows.xlsx", "rows", "rows.csv.bak"])
def test_an_unknown_extension_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "never-made" / name
    with pytest.raises(ExportError) as raised:
        export_all(held(1), path)
    assert str(raised.value) == (
        f"Cannot export to {path}: the name must end in .csv, .jsonl, .json or .ndjson"
    )
    assert not path.parent.exists()


@pytest.mark.parametrize(("name", "lines"), [("a.JSONL", 3), ("a.ndjson", 3), ("a.json", 3)])
def test_json_lines_names_are_accepted(tmp_path: Path, name: str, lines: int) -> None:
    export_all(held(lines), tmp_path / name)
    assert len((tmp_path / name).read_text().splitlines()) == lines


def test_a_lone_surrogate_is_written_escaped(tmp_path: Path) -> None:
    """A payload may escape half a surrogate pair; utf-8 cannot hold it, the export goes on."""
    path = tmp_path / "rows.csv"
    export_all(held(2, reason="a\ud800b"), path)
    assert [row["reason"] for row in csv.DictReader(path.open())] == ["a\\ud800b"] * 2


def test_any_failure_midway_removes_the_unfinished_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rows.jsonl"
    written = RowExport._write  # noqa: SLF001

    def write_then_fail(self: RowExport, seq: int) -> None:
        written(self, seq)
        if self.written == 2:
            raise RuntimeError("a bug")

    monkeypatch.setattr(RowExport, "_write", write_then_fail)
    with pytest.raises(RuntimeError, match="a bug"):
        export_all(held(5), path)
    assert not path.exists()
