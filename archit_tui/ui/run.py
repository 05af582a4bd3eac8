"""Running the app from the command line: settings in, terminal restored out."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from archit_tui.config import ConfigError, ConfigFlags, flags_from_args, load_settings

from .factory import make_app


def run(args: argparse.Namespace) -> int:
    """Load the settings (any mistake stops here, before the screen), then run the app."""
    try:
        loaded = load_settings(flags_from_args(args))
    except ConfigError as error:
        print(f"archit-tui: {error}", file=sys.stderr)
        return 2
    app = make_app(loaded.settings, warnings=loaded.warnings)
    app.handle_signals = True
    app.remember_choices = True
    app.run()
    return app.return_code or 0


def run_replay(args: argparse.Namespace) -> int:
    """Play the capture ``args.file`` offline, with the config file's theme, times and limits."""
    path: Path = args.file
    if not path.is_file():
        print(f"archit-tui replay: there is no capture file at {path}", file=sys.stderr)
        return 2
    try:  # as a demo: a replay needs no gateway, so no token either
        loaded = load_settings(ConfigFlags(config=args.config, demo=True))
    except ConfigError as error:
        print(f"archit-tui: {error}", file=sys.stderr)
        return 2
    settings = replace(loaded.settings, demo=False, capture=None)
    app = make_app(settings, warnings=loaded.warnings, replay=path)
    app.handle_signals = True
    app.remember_choices = True
    app.run()
    return app.return_code or 0
