"""Marked rows: the actions a moderator set aside, by id, saved beside a capture.

Marks name actions by their hoar frost, so they survive sorting, filtering, dropping and a
replay. A session with a capture keeps them in ``CAPTURE.marks`` (one id per line), so that
`archit-tui replay CAPTURE` shows the same marks.
"""

from __future__ import annotations

import os
from pathlib import Path


def marks_path(capture: Path) -> Path:
    """Where the marks of the session captured in ``capture`` are kept."""
    return capture.with_name(capture.name + ".marks")


class Marks:
    """A set of marked action ids, written to ``path`` (if any) on every change."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.ids: set[int] = set()
        self.problem: str | None = None
        """Why the marks file could not be read or written, in plain words (None: fine)."""
        if path is not None and path.is_file():
            try:
                lines = path.read_text(encoding="utf-8").split()
            except OSError as error:
                self.problem = f"Cannot read the marks in {path}: {error.strerror}"
                return
            self.ids = {int(line) for line in lines if line.isascii() and line.isdigit()}

    def __contains__(self, action_id: int) -> bool:
        return action_id in self.ids

    def __len__(self) -> int:
        return len(self.ids)

    def toggle(self, action_id: int) -> bool:
        """Mark ``action_id``, or unmark it; True if it is marked now."""
        marked = action_id not in self.ids
        if marked:
            self.ids.add(action_id)
        else:
            self.ids.discard(action_id)
        self._save()
        return marked

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            temporary = self.path.with_name(self.path.name + ".tmp")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                file.writelines(f"{action_id}\n" for action_id in sorted(self.ids))
            temporary.replace(self.path)
        except OSError as error:
            self.problem = f"Cannot save the marks to {self.path}: {error.strerror}"
