"""Writing held rows to CSV (for a spreadsheet) or JSON lines (the payloads as received).

`RowExport` writes a list of seqs a chunk at a time, so that the UI can keep drawing and show
progress between chunks. Rows dropped from memory while an export runs are counted, not
silently missed. Nothing but log data is written: no token, no setting. The file is always a
new one (mode 600), never one that exists; when writing fails, the unfinished file is removed.
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Callable, Sequence
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Literal, TextIO, TypeVar

from .cells import channel_cell, member_cell, subject_cell
from .logstore import ActionStore
from .mentions import NameLookup
from .summary import summarize

ExportFormat = Literal["csv", "jsonl"]
_T = TypeVar("_T")

CSV_COLUMNS = (
    "id", "time", "type", "action_number", "agent_id", "agent", "subject_id", "subject",
    "channel_id", "channel", "summary", "reason",
)  # fmt: skip


class ExportError(Exception):
    """The export file cannot be written; the message names it and says why, in plain words."""


EXTENSIONS: dict[str, ExportFormat] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
}
"""The file names an export accepts, and the format each asks for; any other is refused."""


def export_format(path: Path) -> ExportFormat:
    """The format ``path`` asks for: ``.csv`` is CSV; ``.jsonl`` (or ``.json``, ``.ndjson``) is
    JSON lines. Any other name raises `ExportError` naming the accepted ones."""
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        *most, last = EXTENSIONS
        accepted = f"{', '.join(most)} or {last}"
        raise ExportError(f"Cannot export to {path}: the name must end in {accepted}")
    return found


def _new_file(path: Path) -> int:
    """A descriptor of a new, private (mode 600) file at ``path``; never opens one that exists."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


def _says(error: OSError) -> str:
    return error.strerror or str(error)


def _create(path: Path) -> TextIO:
    """A new, private file at ``path``, its missing folders made; `ExportError` when it cannot
    be, saying why in plain words. Never opens a file that exists: nothing is replaced."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        on_way = (p for p in (folder, *folder.parents) if p.exists() and not p.is_dir())
        blocking = next(on_way, folder)
        raise ExportError(f"Cannot write {path}: {blocking} is a file, not a folder") from None
    except OSError as error:
        raise ExportError(f"Cannot make the folder {folder}: {_says(error)}") from None
    try:
        descriptor = _new_file(path)
    except FileExistsError:
        if path.is_dir():
            raise ExportError(f"{path} is a folder: give a file name in it") from None
        raise ExportError(f"{path} already exists: give another name") from None
    except OSError as error:
        raise ExportError(f"Cannot write {path}: {_says(error)}") from None
    # A lone surrogate (a payload may escape one) is written as its escape, not refused midway.
    return os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace", newline="")


class RowExport:
    """Writes ``seqs`` of ``store`` to a new file at ``path``; call `step` until it returns False.

    Every failure raises `ExportError` with the file's name and why, after removing the
    unfinished file: an export never leaves a truncated file behind, and never replaces a file.
    """

    def __init__(
        self,
        store: ActionStore,
        seqs: Sequence[int],
        path: Path,
        names: NameLookup,
        tz: tzinfo = timezone.utc,
    ) -> None:
        self.store, self.seqs, self.path, self.names, self.tz = store, seqs, path, names, tz
        if path.is_dir():
            raise ExportError(f"{path} is a folder: give a file name in it")
        self.format = export_format(path)
        self.written = 0
        self.gone = 0
        """Rows dropped from memory (``max_actions``) before their turn came."""
        self._next = 0
        self._settled = False
        """The file is complete, or removed: nothing more to write or to undo."""
        self._left = ""
        """Why the unfinished file is still there, when removing it failed."""
        self._file: TextIO = _create(path)
        writer = self._csv = csv.writer(self._file) if self.format == "csv" else None
        if writer is not None:
            self._guarded(lambda: writer.writerow(CSV_COLUMNS))

    @property
    def done(self) -> float:
        """The share of rows handled, 0 to 1."""
        return self._next / len(self.seqs) if self.seqs else 1.0

    def step(self, rows: int = 2_000) -> bool:
        """Write up to ``rows`` more; False (and the file closed) when every row is handled."""
        return self._guarded(lambda: self._step(rows))

    def _step(self, rows: int) -> bool:
        end = min(self._next + rows, len(self.seqs))
        for seq in self.seqs[self._next : end]:
            if not self.store.holds(seq):
                self.gone += 1
                continue
            self._write(seq)
            self.written += 1
        self._next = end
        if end < len(self.seqs):
            return True
        self._file.close()  # the last buffer goes out here: a full disk often says so only now
        self._settled = True
        return False

    def _guarded(self, run: Callable[[], _T]) -> _T:
        """``run()``; on any exception the unfinished file is removed, an OSError re-raised as
        `ExportError`, anything else as it is."""
        try:
            return run()
        except OSError as error:
            left = self.abort()
            raise ExportError(f"Cannot write {self.path}: {_says(error)}{left}") from error
        except BaseException:
            self.abort()
            raise

    def abort(self) -> str:
        """Close and remove the unfinished file (nothing, once finished). '' when it is gone,
        else the words to add to the error saying why it is still there."""
        if self._settled:
            return self._left
        self._settled = True
        with contextlib.suppress(OSError):  # the error that stopped the export is the one to tell
            self._file.close()
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            self._left = f"; the unfinished file is still there: {_says(error)}"
        return self._left

    def _write(self, seq: int) -> None:
        if self._csv is None:
            self._file.write(self.store.raw_text(seq))
            self._file.write("\n")
            return
        action = self.store.action(seq)
        names = self.names
        moment = datetime.fromtimestamp(action.timestamp_ms / 1000, self.tz)
        self._csv.writerow(
            (
                action.id,
                moment.isoformat(timespec="milliseconds"),
                action.type.name,
                action.action_number,
                action.agent_id or "",
                spreadsheet_safe(member_cell(action.agent_id, names)),
                action.subject_id or "",
                spreadsheet_safe(subject_cell(action, names)),
                action.channel_id or "",
                spreadsheet_safe(channel_cell(action.channel_id, names)),
                spreadsheet_safe(summarize(action, names)),
                spreadsheet_safe(action.reason or ""),
            )
        )


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """``text`` that a spreadsheet shows rather than runs: a leading ``=``, ``+``, ``-`` or
    ``@`` (a member could name themselves ``=HYPERLINK(...)``) gets a ``'`` before it."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
