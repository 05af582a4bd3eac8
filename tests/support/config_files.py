"""Config files in tests: private files in ``tmp_path``, and no real user config dir ever read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

KNOWN_TOKEN = "tok-9c1f-do-not-print-4e7a"
"""A throwaway token that the tests search for in every message (it must never appear)."""


def isolate_config(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Point every platform config dir at ``home`` and drop all ``ARCHIT_TUI_*`` variables."""
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("APPDATA", str(home / "appdata"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "localappdata"))
    for name in list(os.environ):
        if name.startswith("ARCHIT_TUI_"):
            monkeypatch.delenv(name)


def write_file(path: Path, text: str, mode: int = 0o600) -> Path:
    """Write ``text`` to ``path`` (making its folder) and set its mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path
