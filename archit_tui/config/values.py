"""Readers of config values: TOML values (``read_*``) and text from variables and flags.

Each reader raises `Invalid` with the tail of a sentence ("should be ..., not ..."); the loader
puts the file and key, the variable or the flag in front of it and an example after it.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date, datetime, time, timezone
from pathlib import Path
from urllib.parse import urlsplit

from archit_tui.protocol.query import QueryError, parse_query
from archit_tui.protocol.requests import MOCK_GUILD_ID_LIMIT
from archit_tui.protocol.secret import Secret, token_size_problem
from archit_tui.protocol.snowflake import SnowflakeError, parse_snowflake

from .model import MAX_ACTIONS_MAX, MAX_ACTIONS_MIN, TIME_FORMATS, SavedFilter, TimeFormat

URL_SCHEMES = ("http", "https", "ws", "wss")
_TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
_FALSE_WORDS = frozenset({"0", "false", "no", "off"})
_PREVIEW = 40


class Invalid(ValueError):
    """A value of the wrong type or out of range: "should be X, not Y" (never the token)."""


def describe(value: object) -> str:
    """A value as a person would name it in a message, shortened when long."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= _PREVIEW else value[: _PREVIEW - 1] + "…"
        return f"the text {json.dumps(shown, ensure_ascii=False)}"
    return kind(value)


def kind(value: object) -> str:
    """Only the kind of a value ("a number", "text"): what may be said of a secret."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime | date | time):
        return "a date or time"
    return f"a {type(value).__name__}"


def suggest(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The choice closest to ``word`` when one is close enough to be a likely typo."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def require_text(value: object, what: str) -> str:
    """``value`` if it is a TOML string; else "should be <what> in double quotes"."""
    if not isinstance(value, str):
        raise Invalid(f"should be {what} in double quotes, not {describe(value)}")
    return value


def read_url(text: str) -> str:
    """An http, https, ws or wss URL with a host (and a valid port, if any), stripped."""
    url = text.strip()
    wrong = Invalid(
        "should be an http://, https://, ws:// or wss:// URL with a host name, "
        f"not {describe(text)}"
    )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it is what checks it
    except ValueError:
        raise wrong from None
    if parts.scheme.lower() not in URL_SCHEMES or not parts.hostname or re.search(r"\s", url):
        raise wrong
    return url


def read_token(value: object) -> Secret:
    """A non-empty token of a plausible size, stripped.

    A wrong value is named by its kind or size only: it is a secret.
    """
    if not isinstance(value, str):
        raise Invalid(f"should be the token as text in double quotes, not {kind(value)}")
    token = value.strip()
    if not token:
        raise Invalid("is empty")
    too_big = token_size_problem(len(token.encode("utf-8", "surrogatepass")))
    if too_big:
        raise Invalid(too_big)
    return Secret(token)


def read_path(text: str) -> Path:
    """A non-empty path, ``~`` expanded (the loader decides what a relative one starts at)."""
    if not text.strip():
        raise Invalid("is empty")
    return Path(text).expanduser()


def read_guild(value: object) -> int:
    """A snowflake from TOML: an integer, or a string of digits (as JavaScript peers write)."""
    try:
        return parse_snowflake(value.strip() if isinstance(value, str) else value)
    except SnowflakeError:
        raise Invalid(
            "should be a guild id (a whole number, or digits in double quotes), "
            f"not {describe(value)}"
        ) from None


def read_guild_text(text: str) -> int:
    """A snowflake typed as digits."""
    try:
        return parse_snowflake(text.strip())
    except SnowflakeError:
        raise Invalid(f"should be a guild id (digits only), not {describe(text)}") from None


def read_mock_guild(value: object) -> int:
    """A mock guild id from TOML: a snowflake below `MOCK_GUILD_ID_LIMIT`."""
    return _mock_guild(read_guild(value))


def read_mock_guild_text(text: str) -> int:
    """A mock guild id typed as digits."""
    return _mock_guild(read_guild_text(text))


def _mock_guild(guild: int) -> int:
    if guild >= MOCK_GUILD_ID_LIMIT:
        raise Invalid(f"should be below {MOCK_GUILD_ID_LIMIT:_} (a mock guild id), not {guild}")
    return guild


def read_bool(value: object) -> bool:
    """A TOML boolean (not the text "true": that is a mistake worth naming)."""
    if not isinstance(value, bool):
        raise Invalid(f"should be true or false (lower case, no quotes), not {describe(value)}")
    return value


def read_bool_text(text: str) -> bool:
    """true/false, 1/0, yes/no or on/off, in any case."""
    word = text.strip().lower()
    if word in _TRUE_WORDS or word in _FALSE_WORDS:
        return word in _TRUE_WORDS
    raise Invalid(f"should be true or false (or 1/0, yes/no, on/off), not {describe(text)}")


def read_capture(value: object) -> bool | Path:
    """``true`` (capture to the default folder), ``false``, or the capture file's path."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return read_path(value)
    raise Invalid(f"should be true, false or a file path in double quotes, not {describe(value)}")


def read_capture_text(text: str) -> bool | Path:
    """true/false (or 1/0, yes/no, on/off), or the capture file's path."""
    word = text.strip().lower()
    if word in _TRUE_WORDS or word in _FALSE_WORDS:
        return word in _TRUE_WORDS
    return read_path(text)


def read_max_actions(value: object) -> int:
    """A TOML integer within the allowed range of kept log actions."""
    expected = f"a whole number from {MAX_ACTIONS_MIN:_} to {MAX_ACTIONS_MAX:_}"
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"should be {expected} (no quotes), not {describe(value)}")
    if not MAX_ACTIONS_MIN <= value <= MAX_ACTIONS_MAX:
        raise Invalid(f"should be {expected}, not {value}")
    return value


def read_max_actions_text(text: str) -> int:
    """Digits (``_`` allowed between them) within the allowed range of kept log actions."""
    try:
        number = int(text.strip())
    except ValueError:
        raise Invalid(
            f"should be a whole number from {MAX_ACTIONS_MIN:_} to {MAX_ACTIONS_MAX:_}, "
            f"not {describe(text)}"
        ) from None
    return read_max_actions(number)


def read_time_format(value: object) -> TimeFormat:
    """One of `TIME_FORMATS`, in any case, with a suggestion when it looks like a typo."""
    allowed = ", ".join(f'"{name}"' for name in TIME_FORMATS)
    word = require_text(value, f"one of {allowed}").strip().lower()
    for name in TIME_FORMATS:
        if word == name:
            return name
    close = suggest(word, TIME_FORMATS)
    hint = f' (did you mean "{close}"?)' if close else ""
    raise Invalid(f"should be one of {allowed}, not {describe(value)}{hint}")


def read_theme(value: object) -> str:
    """A non-empty theme name (whether the theme exists is for the UI to say)."""
    theme = require_text(value, "a theme name").strip()
    if not theme:
        raise Invalid("is empty; it should name a theme")
    return theme


def _command_names(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for name in names:
        command = name.strip().removeprefix("!").lower()
        if not command or re.search(r"\s", command):
            raise Invalid(f"should hold command names such as help, not {describe(name)}")
        seen[command] = None
    return tuple(seen)


def read_commands(value: object) -> tuple[str, ...]:
    """A TOML list of command names: lower-cased, ``!`` dropped, duplicates dropped."""
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise Invalid(f"should be a list of command names in double quotes, not {kind(value)}")
    return _command_names(value)


def read_commands_text(text: str) -> tuple[str, ...]:
    """Command names separated by commas or spaces, read as `read_commands` reads them."""
    return _command_names([name for name in re.split(r"[,\s]+", text) if name])


KEY_PRESETS = ("default", "vim")


def read_keys(value: object) -> tuple[tuple[str, str], ...]:
    """A TOML table of action name -> keys (``next_moderation = "n,ctrl+n"``)."""
    if not isinstance(value, dict):
        raise Invalid(f'should be a table like {{ next_moderation = "n" }}, not {describe(value)}')
    pairs = []
    for name, keys in value.items():
        if not isinstance(keys, str) or not keys.strip():
            raise Invalid(f'gives {name} {describe(keys)}; keys are text like "n" or "ctrl+n,f3"')
        pairs.append((name, keys.replace(" ", "")))
    return tuple(pairs)


def read_keys_text(text: str) -> tuple[tuple[str, str], ...]:
    raise Invalid("can only be set in the config file (a table)")


def read_key_preset(value: object) -> str:
    word = require_text(value, "a preset name").strip().lower()
    if word not in KEY_PRESETS:
        raise Invalid(f"should be one of {', '.join(KEY_PRESETS)}, not {describe(value)}")
    return word


def read_filters(value: object) -> tuple[SavedFilter, ...]:
    """``[[filters]]`` tables: ``name``, ``query`` (checked), ``enabled`` and ``alert``."""
    if not isinstance(value, list):
        raise Invalid(
            f"should be [[filters]] tables with a name and a query, not {describe(value)}"
        )
    filters: list[SavedFilter] = []
    for number, item in enumerate(value, 1):
        where = f"(filter {number})"
        if not isinstance(item, dict):
            raise Invalid(
                f"{where} should be a table with a name and a query, not {describe(item)}"
            )
        unknown = set(item) - {"name", "query", "enabled", "alert"}
        if unknown:
            raise Invalid(f"{where} has keys it does not know: {', '.join(sorted(unknown))}")
        name = item.get("name")
        query = item.get("query")
        if not isinstance(name, str) or not name.strip():
            raise Invalid(f"{where} needs a name in double quotes")
        if not isinstance(query, str) or not query.strip():
            raise Invalid(f"{where} {name!r} needs a query in double quotes")
        if any(saved.name == name for saved in filters):
            raise Invalid(f"names {name!r} twice; each saved filter needs its own name")
        try:
            parse_query(query, now_ms=0, tz=timezone.utc)
        except QueryError as error:
            raise Invalid(f"{where} {name!r} has a query that is wrong: {error}") from None
        flags = {key: item.get(key, False) for key in ("enabled", "alert")}
        for key, flag in flags.items():
            if not isinstance(flag, bool):
                raise Invalid(
                    f"{where} {name!r}: {key} should be true or false, not {describe(flag)}"
                )
        filters.append(SavedFilter(name.strip(), query, flags["enabled"], flags["alert"]))
    return tuple(filters)


def read_filters_text(text: str) -> tuple[SavedFilter, ...]:
    raise Invalid("can only be set in the config file ([[filters]] tables)")
