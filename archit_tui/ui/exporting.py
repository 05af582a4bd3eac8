"""Getting rows out: the filtered view, the marked rows or everything held, to CSV or JSONL.

A mixin of `MainScreen`. The file name is asked first (its extension picks the format); rows are
written a chunk at a time between frames, with the progress in the status bar, so a large
export never freezes the screen. The path is shown when done.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import platformdirs
from textual import work

from archit_tui.protocol.export import ExportError, RowExport

from .screens.prompt import PromptScreen

if TYPE_CHECKING:
    from .screens.main import MainScreen

log = logging.getLogger(__name__)

ExportScope = Literal["view", "marked", "all"]
SCOPE_WORDS = {"view": "the rows shown", "marked": "the marked rows", "all": "every row held"}


def default_export_path(scope: ExportScope, now: datetime) -> Path:
    folder = platformdirs.user_data_path("archit-tui") / "exports"
    return folder / f"{now:%Y-%m-%d_%H%M%S}-{scope}.csv"


class ExportMixin:
    """Exports, for `MainScreen`."""

    def _export_seqs(self: MainScreen, scope: ExportScope) -> list[int]:  # type: ignore[misc]
        store = self.store
        if scope == "view":
            view = self.table.view
            return [view.seq_at(position) for position in range(len(view))]
        first = store.first_seq
        if scope == "marked":
            marks = self.marks
            return [first + i for i, action_id in enumerate(store.ids) if action_id in marks]
        return list(range(first, store.end_seq))

    @work(group="export", exclusive=True, exit_on_error=False)
    async def action_export(self: MainScreen, scope: ExportScope = "view") -> None:  # type: ignore[misc]
        """Ask for a file name, then write the rows of ``scope`` there."""
        try:
            await self._export(scope)
        except Exception as error:  # a bug: shown, never lost in the worker
            log.exception("export of %s failed", scope)
            self.notify(
                f"Export failed ({type(error).__name__}: {error})",
                title="Export",
                severity="error",
                markup=False,
            )

    async def _export(self: MainScreen, scope: ExportScope) -> None:  # type: ignore[misc]
        seqs = self._export_seqs(scope)
        if not seqs:
            self.notify(f"Nothing to export: {SCOPE_WORDS[scope]} are none.", timeout=3)
            return
        default = default_export_path(scope, datetime.now())
        answer = await self.app.push_screen(
            PromptScreen(
                f"Export {SCOPE_WORDS[scope]} ({len(seqs):,})",
                "Enter writes the file; .csv for a spreadsheet, .jsonl for the payloads "
                "as received. Escape cancels.",
                str(default),
            ),
            wait_for_dismiss=True,
        )
        if not answer:
            return
        path = Path(answer).expanduser()
        try:
            export = RowExport(self.store, seqs, path, self.names, self.tz)
        except ExportError as error:
            self.notify(str(error), title="Export", severity="error", markup=False)
            return
        try:
            while export.step():
                self.status.task = f"exporting {export.done:.0%}"
                await asyncio.sleep(0)
        except ExportError as error:
            self.notify(str(error), title="Export", severity="error", markup=False)
            return
        except asyncio.CancelledError:  # another export began, or the app is closing
            left = export.abort() or ": the unfinished file was removed"
            stopped = f"Export to {path} stopped before the end{left}"
            self.notify(stopped, title="Export", markup=False)
            raise
        except Exception as error:  # a bug: shown, never lost in the worker
            log.exception("export to %s failed", path)
            left = export.abort() or ": the unfinished file was removed"
            self.notify(
                f"Export to {path} failed ({type(error).__name__}: {error}){left}",
                title="Export",
                severity="error",
                markup=False,
            )
            return
        finally:
            self.status.task = ""
        gone = f" ({export.gone:,} were dropped from memory first)" if export.gone else ""
        self.notify(
            f"{export.written:,} rows written to {path}{gone}", title="Export", markup=False
        )
