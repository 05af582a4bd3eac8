"""What the app remembers between runs (the theme chosen in it), apart from the config file.

The config file is the user's: the app never rewrites it. Choices made in the app go to a small
JSON file in the user state folder instead; the config file, a variable or a flag still win.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs


def remembered_path() -> Path:
    return platformdirs.user_state_path("archit-tui") / "remembered.json"


def recall(key: str, path: Path | None = None) -> str | None:
    """The text remembered under ``key``, or None (nothing, or an unreadable file)."""
    try:
        data = json.loads((path or remembered_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def remember(key: str, value: str, path: Path | None = None) -> str | None:
    """Remember ``value`` under ``key``; a sentence saying why not, or None when done."""
    path = path or remembered_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    data[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(path.name + ".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(data, file, indent=2)
        temporary.replace(path)
    except OSError as error:
        return f"Cannot remember the {key} in {path}: {error.strerror}"
    return None
