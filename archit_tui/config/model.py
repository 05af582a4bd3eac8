"""What the configuration produces: `Settings`, the flags that feed it and its one error type."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from archit_tui.protocol.cells import TIME_FORMATS, TimeFormat
from archit_tui.protocol.secret import Secret

__all__ = ["TIME_FORMATS", "TimeFormat"]  # re-exported: the config speaks of them too

MAX_ACTIONS_MIN = 1_000
MAX_ACTIONS_MAX = 10_000_000
DEFAULT_MAX_ACTIONS = 100_000
DEFAULT_THEME = "textual-dark"
DEFAULT_MOCK_GUILD_ID = 1


class ConfigError(Exception):
    """A configuration that cannot be used; ``str(error)`` is the one message to show.

    The message names where the bad value came from (a file and key, an environment variable
    or a flag) and how to fix it. It never contains the token.
    """


@dataclass(frozen=True)
class SavedFilter:
    """A filter kept in the config file under a name (``[[filters]]``)."""

    name: str
    query: str
    """In the filter language; checked when the config is read."""
    enabled: bool = False
    """Applied from the start, together with what the filter bar says."""
    alert: bool = False
    """A watch rule: a new matching action rings the bell, shows a toast and is counted."""


@dataclass(frozen=True)
class Settings:
    """Everything the app is told by its config file, environment and command line."""

    gateway_url: str | None
    """The gateway to connect to (http, https, ws or wss); None runs the built-in demo."""
    token: Secret | None
    """The elevation token, from ``token``, ``$ARCHIT_TUI_TOKEN`` or a token file."""
    token_file: Path | None
    """The file the token was read from, when it came from one (an absolute path)."""
    guild_id: int | None
    """The guild to spectate on start; None lets the user pick one."""
    config_path: Path
    """The config file that was read, or would be read if it existed."""
    config_exists: bool
    """Whether `config_path` existed (and was read)."""
    demo: bool
    """True with ``--demo``, or when no gateway URL is given anywhere: run the stand-in."""
    non_pool: bool = True
    """Spectate every action type, not only those that change the pools."""
    max_actions: int = DEFAULT_MAX_ACTIONS
    """Log actions kept in memory; the oldest are dropped beyond this."""
    capture: Path | None = None
    """The file every received event is appended to (see `gateway.capture`); None: no capture."""
    time_format: TimeFormat = "local"
    """How times are shown: ``local``, ``utc`` or ``relative``."""
    theme: str | None = None
    """The Textual theme's name (the UI checks that it exists); None: the one last chosen in
    the app, else `DEFAULT_THEME`."""
    key_preset: str = "default"
    """The key bindings to start from: ``default`` or ``vim``."""
    keys: tuple[tuple[str, str], ...] = ()
    """Bindings changed in the config: (action name, keys) pairs, applied over the preset."""
    filters: tuple[SavedFilter, ...] = ()
    """Saved filters and watch rules, in the config file's order."""
    mock_guild_id: int = DEFAULT_MOCK_GUILD_ID
    """The chat pane's mock guild (below 10,000,000, as the gateway requires)."""
    allowed_commands: tuple[str, ...] | None = None
    """Mock-bot commands the chat pane allows, lower case without ``!``; None allows all."""
    gateway_url_from: str | None = None
    """Where `gateway_url` was given, for messages: ``--url``, ``$ARCHIT_TUI_URL`` or
    ```gateway_url` in the config file PATH``; None when not known (or in the demo)."""

    @property
    def where_to_fix_url(self) -> str:
        """How a message sends the user to the gateway URL: where it was given, if known."""
        if self.gateway_url_from is not None:
            return f"the gateway URL, given by {self.gateway_url_from}"
        return f"the gateway URL (--url, $ARCHIT_TUI_URL or `gateway_url` in {self.config_path})"


@dataclass(frozen=True)
class ConfigFlags:
    """The command-line flags that bear on the configuration (see `add_run_arguments`)."""

    url: str | None = None
    """``--url``: the gateway URL."""
    token_file: Path | None = None
    """``--token-file``: a file holding the token (relative to the working directory)."""
    guild: str | int | None = None
    """``--guild``: the guild id to spectate (validated like the config key)."""
    config: Path | None = None
    """``--config``: the config file to read instead of the default one."""
    demo: bool = False
    """``--demo``: run against the built-in stand-in gateway, whatever the config says."""
    capture: Path | None = None
    """``--capture``: the capture file (relative to the working directory)."""


@dataclass(frozen=True)
class LoadedSettings:
    """The settings, and warnings to show the user (unknown keys and variables)."""

    settings: Settings
    """The settings to run with."""
    warnings: tuple[str, ...] = ()
    """Problems that did not stop loading, each a sentence naming the file or variable."""
