"""Saving a filter from the app into the config file, as a ``[[filters]]`` table at its end.

The rest of the file is left byte for byte as the user wrote it (comments included); the new
text is checked by reading the whole file back, and taken out again if that fails.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

from .model import SavedFilter


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def filter_table(saved: SavedFilter) -> str:
    return (
        "\n[[filters]]\n"
        f"name = {_toml_string(saved.name)}\n"
        f"query = {_toml_string(saved.query)}\n"
        f"enabled = {str(saved.enabled).lower()}\n"
        f"alert = {str(saved.alert).lower()}\n"
    )


def save_filter(config: Path, saved: SavedFilter) -> str | None:
    """Append ``saved`` to the config file (made, mode 600, if missing); why not, or None."""
    try:
        before = config.read_text(encoding="utf-8") if config.exists() else ""
    except OSError as error:
        return f"Cannot read {config}: {error.strerror}"
    try:
        data = tomllib.loads(before)
    except tomllib.TOMLDecodeError as error:
        return f"{config} is not valid TOML ({error}); fix it before saving filters"
    if "filters" in data and "[[filters]]" not in before:
        return f"{config} writes `filters` inline; add {saved.name!r} there by hand"
    if any(item.get("name") == saved.name for item in data.get("filters", [])):
        return f"A saved filter is already called {saved.name!r}"
    after = before + ("" if not before or before.endswith("\n") else "\n") + filter_table(saved)
    try:
        tomllib.loads(after)
    except tomllib.TOMLDecodeError as error:  # e.g. a table the user left open at the end
        return f"Saving would make {config} invalid ({error}); add the filter by hand"
    try:
        config.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(config, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as file:
            file.write(after[len(before) :])
    except OSError as error:
        return f"Cannot write {config}: {error.strerror}"
    return None
