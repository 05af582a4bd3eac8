"""Writing held rows to CSV (for a spreadsheet) or JSON lines (the payloads as received).

`RowExport` writes a list of seqs a chunk at a time, so that the UI can keep drawing and show
progress between chunks. Rows dropped from memory while an export runs are counted, not
silently missed. Nothing but log data is written: no token, no setting.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Literal, TextIO

from .cells import channel_cell, member_cell, subject_cell
from .logstore import ActionStore
from .mentions import NameLookup
from .summary import summarize

ExportFormat = Literal["csv", "jsonl"]

CSV_COLUMNS = (
    "id", "time", "type", "action_number", "agent_id", "agent", "subject_id", "subject",
    "channel_id", "channel", "summary", "reason",
)  # fmt: skip


class ExportError(Exception):
    """The export file cannot be written; the message names it and says why."""


def export_format(path: Path) -> ExportFormat:
    """The format a file name asks for: ``.jsonl`` (or ``.json``) is JSON lines, else CSV."""
    return "jsonl" if path.suffix.lower() in (".jsonl", ".json", ".ndjson") else "csv"


class RowExport:
    """Writes ``seqs`` of ``store`` to ``path``; call `step` until it returns False."""

    def __init__(
        self,
        store: ActionStore,
        seqs: Sequence[int],
        path: Path,
        names: NameLookup,
        tz: tzinfo = timezone.utc,
    ) -> None:
        self.store, self.seqs, self.path, self.names, self.tz = store, seqs, path, names, tz
        self.format = export_format(path)
        self.written = 0
        self.gone = 0
        """Rows dropped from memory (``max_actions``) before their turn came."""
        self._next = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as error:
            raise ExportError(f"Cannot write {path}: {error.strerror}") from None
        self._file: TextIO = os.fdopen(descriptor, "w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file) if self.format == "csv" else None
        if self._csv is not None:
            self._csv.writerow(CSV_COLUMNS)

    @property
    def done(self) -> float:
        """The share of rows handled, 0 to 1."""
        return self._next / len(self.seqs) if self.seqs else 1.0

    def step(self, rows: int = 2_000) -> bool:
        """Write up to ``rows`` more; False (and the file closed) when every row is handled."""
        end = min(self._next + rows, len(self.seqs))
        try:
            for seq in self.seqs[self._next : end]:
                if not self.store.holds(seq):
                    self.gone += 1
                    continue
                self._write(seq)
                self.written += 1
        except OSError as error:
            self._file.close()
            raise ExportError(f"Cannot write {self.path}: {error.strerror}") from None
        self._next = end
        if end < len(self.seqs):
            return True
        self._file.close()
        return False

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

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """``text`` that a spreadsheet shows rather than runs: a leading ``=``, ``+``, ``-`` or
    ``@`` (a member could name themselves ``=HYPERLINK(...)``) gets a ``'`` before it."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
