"""Reading the settings: command-line flags beat ``ARCHIT_TUI_*`` variables, which beat the file.

Every value given anywhere is checked, even one that a higher source overrides: a bad line in
the file should not wait to bite until the variable that hides it is unset.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs

from archit_tui.protocol.secret import Secret, TokenFileError, read_token_file

from .config_file import CONFIG_ENV, read_config_file, unknown_keys
from .keys import KEYS, Key
from .model import ConfigError, ConfigFlags, LoadedSettings, Settings
from .values import Invalid, suggest

TOKEN_ENV = "ARCHIT_TUI_TOKEN"
ENV_PREFIX = "ARCHIT_TUI_"
OTHER_ENV = frozenset({"ARCHIT_TUI_GATEWAY_TOKEN"})
"""Variables with the prefix that other commands read (the stand-in gateway's token)."""

KNOWN_ENV: tuple[str, ...] = tuple(
    sorted({key.env for key in KEYS if key.env} | {CONFIG_ENV} | OTHER_ENV)
)

FILE, ENV, FLAG = 0, 1, 2
"""Levels of the sources: a higher level wins."""

SCRUB_MIN_LENGTH = 8
"""Shorter strings are not blanked out of messages: a token "a" would blank every "a"."""


def default_config_path() -> Path:
    """The config file read when neither ``--config`` nor ``$ARCHIT_TUI_CONFIG`` names one."""
    return platformdirs.user_config_path("archit-tui") / "config.toml"


def config_path(flag: Path | None, environ: Mapping[str, str]) -> Path:
    """The config file to use: ``--config``, else ``$ARCHIT_TUI_CONFIG``, else the default.

    A relative path is taken from the working directory and returned absolute; ``~`` is
    expanded. An empty variable counts as unset.
    """
    if flag is not None:
        return Path.cwd() / flag.expanduser()
    named = environ.get(CONFIG_ENV, "").strip()
    return Path.cwd() / Path(named).expanduser() if named else default_config_path()


@dataclass(frozen=True)
class _Source:
    """Where one value came from, and how to say so in a message."""

    level: int
    key: Key
    config_file: Path

    @property
    def name(self) -> str:
        """The place, as the start of a sentence."""
        if self.level == FLAG:
            return f"The option {self.key.flag}"
        if self.level == ENV:
            return f"The environment variable {self.key.env}"
        return f"In the config file {self.config_file}, `{self.key.name}`"

    @property
    def short(self) -> str:
        """The place, after "by"."""
        if self.level == FLAG:
            return str(self.key.flag)
        if self.level == ENV:
            return f"${self.key.env}"
        return f"`{self.key.name}` in the config file {self.config_file}"

    def example(self) -> str:
        """The right form of the value at this place."""
        if self.level == FLAG:
            return f"Pass it like this: {self.key.flag} {self.key.example_text}"
        if self.level == ENV:
            return f"Set it like this: {self.key.env}={self.key.example_text}"
        return f"Write it like this: {self.key.name} = {self.key.example}"


@dataclass(frozen=True)
class _Value:
    value: Any
    source: _Source


def load_settings(flags: ConfigFlags, environ: Mapping[str, str] = os.environ) -> LoadedSettings:
    """Read and check the settings, or raise `ConfigError` with one clear message.

    The token never appears in a message or warning: no reader quotes a token, and as a last
    guard every token seen is blanked out of them (a token typed into the wrong key is quoted
    as that key's wrong value).
    """
    secrets: list[str] = []
    try:
        loaded = _load(flags, environ, secrets)
    except ConfigError as error:
        raise ConfigError(_scrub(str(error), secrets)) from None
    return LoadedSettings(loaded.settings, tuple(_scrub(w, secrets) for w in loaded.warnings))


def _scrub(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if len(secret) >= SCRUB_MIN_LENGTH:
            text = text.replace(secret, "<hidden>")
    return text


def _load(flags: ConfigFlags, environ: Mapping[str, str], secrets: list[str]) -> LoadedSettings:
    secrets.append(environ.get(TOKEN_ENV, "").strip())
    path = config_path(flags.config, environ)
    origin = "--config" if flags.config is not None else None
    if origin is None and environ.get(CONFIG_ENV, "").strip():
        origin = f"${CONFIG_ENV}"
    data, exists = read_config_file(path, origin)
    if isinstance(data.get("token"), str):
        secrets.append(data["token"].strip())
    warnings = unknown_keys(data, path) + _unknown_variables(environ)
    if flags.demo and flags.url is not None:
        raise ConfigError("--url and --demo contradict each other: pass one of them, not both.")

    given: dict[str, list[_Value]] = {key.name: [] for key in KEYS}
    flag_values = {
        "--url": flags.url,
        "--token-file": flags.token_file,
        "--guild": flags.guild,
        "--capture": flags.capture,
    }
    for key in KEYS:
        if key.name in data:
            given[key.name].append(_read(key, _Source(FILE, key, path), data[key.name]))
        text = environ.get(key.env, "").strip() if key.env else ""
        if text:
            given[key.name].append(_read(key, _Source(ENV, key, path), text))
        flag_value = flag_values.get(key.flag) if key.flag else None
        if flag_value is not None:
            given[key.name].append(_read(key, _Source(FLAG, key, path), str(flag_value)))

    chosen = {name: _best(values).value for name, values in given.items() if values}
    token, token_file = _token(given, path)
    demo = flags.demo or "gateway_url" not in chosen
    if not demo and token is None:
        raise ConfigError(_no_token_message(_best(given["gateway_url"]).source, path))
    chosen.update(
        gateway_url=None if demo else chosen["gateway_url"],
        gateway_url_from=None if demo else _best(given["gateway_url"]).source.short,
        token=token,
        token_file=token_file,
        guild_id=chosen.get("guild_id"),
        capture=_capture_path(given["capture"], path),
        config_path=path,
        config_exists=exists,
        demo=demo,
    )
    return LoadedSettings(Settings(**chosen), tuple(warnings))


def _best(values: list[_Value]) -> _Value:
    return max(values, key=lambda value: value.source.level)


def _unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """A warning for each ``ARCHIT_TUI_*`` variable nobody reads (names only: never values)."""
    warnings = []
    for name in sorted(environ):
        if not name.startswith(ENV_PREFIX) or name in KNOWN_ENV:
            continue
        close = suggest(name, KNOWN_ENV)
        hint = f"; did you mean {close}?" if close else ""
        warnings.append(f"The environment variable {name} is not one archit-tui reads{hint}")
    return warnings


def _read(key: Key, source: _Source, value: object) -> _Value:
    try:
        parsed = key.read(value) if source.level == FILE else key.read_text(str(value))
    except Invalid as error:
        raise ConfigError(f"{source.name} {error}. {source.example()}") from None
    return _Value(parsed, source)


def _token(given: dict[str, list[_Value]], config_file: Path) -> tuple[Secret | None, Path | None]:
    """The token and the file it came from, from the highest level that gives one.

    ``token`` and ``token_file`` at the same level are an error (which did the user mean?);
    at different levels, the higher one wins like any other setting.
    """
    for token in given["token"]:
        for token_file in given["token_file"]:
            if token.source.level != token_file.source.level:
                continue
            both_set = (
                f"The config file {config_file} sets both `token` and `token_file`"
                if token.source.level == FILE
                else f"Both ${token.source.key.env} and ${token_file.source.key.env} are set"
            )
            raise ConfigError(
                f"{both_set}; keep only one of them (a token file is safer than the token itself)."
            )
    choices = given["token"] + given["token_file"]
    if not choices:
        return None, None
    best = _best(choices)
    if isinstance(best.value, Secret):
        return best.value, None
    base = config_file.parent if best.source.level == FILE else Path.cwd()
    path = base / best.value
    try:
        return read_token_file(path), path
    except TokenFileError as error:
        named_by = best.source.short
        raise ConfigError(
            f"{named_by[0].upper()}{named_by[1:]} names a token file that cannot be used: {error}"
        ) from None


def default_capture_path() -> Path:
    """A new capture file in the data folder, named by the time the app started."""
    folder = platformdirs.user_data_path("archit-tui") / "captures"
    return folder / f"{datetime.now():%Y-%m-%d_%H%M%S}.jsonl"


def _capture_path(given: list[_Value], config_file: Path) -> Path | None:
    if not given:
        return None
    best = _best(given)
    if best.value is False:
        return None
    if best.value is True:
        return default_capture_path()
    base = config_file.parent if best.source.level == FILE else Path.cwd()
    return base / best.value


def _no_token_message(url: _Source, config_file: Path) -> str:
    return (
        f"A gateway URL is set (by {url.short}) but no token is given. Put the token alone in a "
        f'file only you can read (chmod 600) and name that file with `token_file = "..."` in '
        f"{config_file}, with $ARCHIT_TUI_TOKEN_FILE or with --token-file; or set "
        f"${TOKEN_ENV}. To run without a gateway, pass --demo."
    )
