"""The app's configuration: a TOML file, ``ARCHIT_TUI_*`` variables and command-line flags.

Flags beat variables, which beat the file (see `load_settings`). Pure Python: no Textual.
"""

from .cli import add_run_arguments, flags_from_args
from .config_file import CONFIG_ENV
from .load import config_path, default_config_path, load_settings
from .model import (
    TIME_FORMATS,
    ConfigError,
    ConfigFlags,
    LoadedSettings,
    Settings,
    TimeFormat,
)
from .template import TEMPLATE

__all__ = [
    "CONFIG_ENV",
    "TEMPLATE",
    "TIME_FORMATS",
    "ConfigError",
    "ConfigFlags",
    "LoadedSettings",
    "Settings",
    "TimeFormat",
    "add_run_arguments",
    "config_path",
    "default_config_path",
    "flags_from_args",
    "load_settings",
]
