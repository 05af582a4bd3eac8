"""Running the app from the command line: settings in, terminal restored out."""

from __future__ import annotations

import argparse
import sys

from archit_tui.config import ConfigError, flags_from_args, load_settings

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
    app.run()
    return app.return_code or 0
