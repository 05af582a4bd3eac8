"""Reading the TOML config file: every way it can fail is one `ConfigError` in plain words."""

from __future__ import annotations

import re
import shlex
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from archit_tui.protocol.secret import TokenFileError, check_private

from .keys import KEY_NAMES
from .model import ConfigError
from .values import suggest

CONFIG_ENV = "ARCHIT_TUI_CONFIG"
"""Names the config file to read instead of the default one."""


def read_config_file(path: Path, origin: str | None) -> tuple[dict[str, Any], bool]:
    """The parsed file and whether it exists; ``origin`` is what named it (None: the default).

    A missing default file is fine (it is the demo's normal case); a missing file that the user
    named is an error. A file holding a token must be private (see `check_private_config`).
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if origin is None:
            return {}, False
        how = (
            f"`archit-tui config init --config {shlex.quote(str(path))}`"
            if origin == "--config"
            else f"`archit-tui config init` (it writes where ${CONFIG_ENV} points)"
        )
        raise ConfigError(
            f"The config file {path}, named by {origin}, does not exist; create it with {how}, "
            f"or stop passing {origin} to use the default file."
        ) from None
    except IsADirectoryError:
        raise ConfigError(f"The config file {path} is a directory, not a file.") from None
    except PermissionError:
        raise ConfigError(
            f"The config file {path} cannot be read (permission denied). "
            f"Fix: chmod 600 {shlex.quote(str(path))}"
        ) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"The config file {path} is not UTF-8 text; save it as UTF-8.") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(toml_message(path, str(error))) from None
    if holds_token(data):
        check_private_config(path)
    return data, True


_TOML_WORDS = {
    "Invalid value": "this value is not one TOML understands (text needs double quotes; "
    "true and false are lower case)",
    "Cannot overwrite a value": "a key is set twice",
    "Unterminated string": "a text value is missing its closing quote",
    "Unclosed array": "a list is missing its closing ]",
    "Invalid statement": "this is neither `key = value` nor a [table] heading",
    "Expected newline or end of document after a statement": "something follows the value "
    "on the same line (comments start with #)",
    "Expected '=' after a key in a key/value pair": "the key is not followed by =",
}


def toml_message(path: Path, detail: str) -> str:
    """tomllib's "Reason (at line L, column C)", restated in plain words.

    Only tomllib's reason and position are used, never the text of the line: it may hold the
    token.
    """
    pattern = r"(.*) \(at (?:line (\d+), column (\d+)|end of document)\)"
    match = re.fullmatch(pattern, detail, re.DOTALL)
    reason, line, column = match.groups() if match else (detail, None, None)
    where = f"line {line}, column {column}" if line else "the end of the file"
    words = _TOML_WORDS.get(reason, reason[:1].lower() + reason[1:])
    return (
        f"The config file {path} is not valid TOML: at {where}, {words}. "
        "Fix it there (each setting is `key = value`; `archit-tui config init` shows them all)."
    )


def holds_token(data: object) -> bool:
    """Whether a ``token`` key is anywhere in the parsed file, even in a table it is not read
    from: a misplaced token is still a secret."""
    if isinstance(data, dict):
        return "token" in data or any(holds_token(value) for value in data.values())
    if isinstance(data, list):
        return any(holds_token(value) for value in data)
    return False


def check_private_config(path: Path) -> None:
    """Refuse a config file that holds a token and that others may read.

    Only a file with a ``token`` key is checked: the rest of the config is not secret, and a
    file with only a URL and a theme may well be shared (a team's config, a dotfiles repository)
    and readable by all. A token makes the file a secret like an ssh key, and from then on it
    gets ssh's rule. Token files are always checked (`read_token_file`).
    """
    try:
        check_private(path, "the config file")
    except TokenFileError as error:
        raise ConfigError(f"The `token` key makes the config file a secret: {error}") from None


def unknown_keys(data: Mapping[str, object], path: Path) -> list[str]:
    """A warning for each top-level key that is not a setting, with a likely intended key."""
    warnings = []
    for name in data:
        if name in KEY_NAMES:
            continue
        close = suggest(name, KEY_NAMES)
        hint = f"did you mean `{close}`?" if close else f"the keys are: {', '.join(KEY_NAMES)}"
        warnings.append(f"The config file {path} has an unknown key `{name}`, ignored; {hint}")
    return warnings
