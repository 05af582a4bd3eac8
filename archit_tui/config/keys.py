"""The config keys: their readers, variables, flags, examples and one-line explanations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archit_tui.protocol.requests import MOCK_GUILD_ID_LIMIT

from .model import MAX_ACTIONS_MAX, MAX_ACTIONS_MIN
from .values import (
    read_bool,
    read_bool_text,
    read_capture,
    read_capture_text,
    read_commands,
    read_commands_text,
    read_filters,
    read_filters_text,
    read_guild,
    read_guild_text,
    read_key_preset,
    read_keys,
    read_keys_text,
    read_max_actions,
    read_max_actions_text,
    read_mock_guild,
    read_mock_guild_text,
    read_path,
    read_theme,
    read_time_format,
    read_token,
    read_url,
    require_text,
)


@dataclass(frozen=True)
class Key:
    """One config key, with the environment variable and flag that may override it."""

    name: str
    """The key in the TOML file, and the `Settings` field it sets."""
    help: str
    """One line for the template."""
    example: str
    """A right value as written in TOML."""
    example_text: str
    """The same value as typed after ``VAR=`` or a flag."""
    read: Callable[[object], object]
    """TOML value -> setting value; raises `Invalid`."""
    read_text: Callable[[str], object]
    """Text of an environment variable or flag -> setting value; raises `Invalid`."""
    env: str | None = None
    flag: str | None = None


KEYS: tuple[Key, ...] = (
    Key(
        "gateway_url",
        "The gateway to connect to (http, https, ws or wss); without one, the demo runs.",
        '"https://gateway.archit.us"',
        "https://gateway.archit.us",
        lambda value: read_url(require_text(value, "a URL")),
        read_url,
        env="ARCHIT_TUI_URL",
        flag="--url",
    ),
    Key(
        "token",
        "Your elevation token. Prefer token_file; with this key the file must be chmod 600.",
        '"your-token"',
        "your-token",
        read_token,
        read_token,
        env="ARCHIT_TUI_TOKEN",
    ),
    Key(
        "token_file",
        "A file holding only the token (chmod 600); relative paths start at this file's folder.",
        '"~/.config/archit-tui/token"',
        "~/.config/archit-tui/token",
        lambda value: read_path(require_text(value, "a file path")),
        read_path,
        env="ARCHIT_TUI_TOKEN_FILE",
        flag="--token-file",
    ),
    Key(
        "guild_id",
        "The guild to spectate on start (its id); without one, you pick a guild.",
        "123456789012345678",
        "123456789012345678",
        read_guild,
        read_guild_text,
        env="ARCHIT_TUI_GUILD",
        flag="--guild",
    ),
    Key(
        "non_pool",
        "Stream every kind of log action (false: only those that change members, roles...).",
        "true",
        "true",
        read_bool,
        read_bool_text,
        env="ARCHIT_TUI_NON_POOL",
    ),
    Key(
        "max_actions",
        f"Log actions kept in memory ({MAX_ACTIONS_MIN:_} to {MAX_ACTIONS_MAX:_}).",
        "100_000",
        "100000",
        read_max_actions,
        read_max_actions_text,
        env="ARCHIT_TUI_MAX_ACTIONS",
    ),
    Key(
        "capture",
        "Append every event received to a JSON-lines file: true (in the data folder), false, "
        "or a path.",
        "true",
        "true",
        read_capture,
        read_capture_text,
        env="ARCHIT_TUI_CAPTURE",
        flag="--capture",
    ),
    Key(
        "time_format",
        'How times are shown: "local", "utc" or "relative" ("3 min ago").',
        '"local"',
        "local",
        read_time_format,
        read_time_format,
        env="ARCHIT_TUI_TIME_FORMAT",
    ),
    Key(
        "theme",
        'The colour theme, by name (e.g. "textual-dark", "textual-light", "nord").',
        '"textual-dark"',
        "textual-dark",
        read_theme,
        read_theme,
        env="ARCHIT_TUI_THEME",
    ),
    Key(
        "key_preset",
        'Key bindings to start from: "default", or "vim" (g/G first/newest, ctrl+g guild...).',
        '"default"',
        "default",
        read_key_preset,
        read_key_preset,
        env="ARCHIT_TUI_KEY_PRESET",
    ),
    Key(
        "keys",
        "Rebind by action name (? shows each one beside its keys); several keys with commas.",
        '{ next_moderation = "n,ctrl+n", toggle_mark = "space" }',
        "",
        read_keys,
        read_keys_text,
    ),
    Key(
        "filters",
        "Saved filters (F to toggle them); alert = true makes one a watch rule (bell, toast).",
        '[{ name = "bans", query = "type:ban,kick", enabled = false, alert = true }]',
        "",
        read_filters,
        read_filters_text,
    ),
    Key(
        "mock_guild_id",
        f"The mock guild the chat pane talks in (an id below {MOCK_GUILD_ID_LIMIT:_}).",
        "1",
        "1",
        read_mock_guild,
        read_mock_guild_text,
        env="ARCHIT_TUI_MOCK_GUILD",
    ),
    Key(
        "allowed_commands",
        "The mock-bot commands the chat pane allows; without this key, all of them.",
        '["help", "set", "remove", "poll", "xpoll", "schedule"]',
        "help,set,remove,poll,xpoll,schedule",
        read_commands,
        read_commands_text,
        env="ARCHIT_TUI_ALLOWED_COMMANDS",
    ),
)
"""Every config key, in the order of the template."""

KEY_NAMES: tuple[str, ...] = tuple(key.name for key in KEYS)
KEYS_BY_NAME: dict[str, Key] = {key.name: key for key in KEYS}
