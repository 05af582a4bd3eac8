"""The ``archit-tui`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    from .config import cli as config_cli
    from .gateway.standin import cli as gateway_cli
    from .tail import cli as tail_cli
    from .web import cli as serve_cli

    parser = argparse.ArgumentParser(
        prog="archit-tui",
        description="A terminal app for the Archit.us realtime gateway.",
    )
    parser.add_argument("--version", action="version", version=f"archit-tui {__version__}")
    config_cli.add_run_arguments(parser)
    parser.set_defaults(run=_run_app)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gateway = commands.add_parser(
        "gateway",
        help="run the stand-in gateway (simulated guilds and the mock bot)",
        description="A real Socket.IO server speaking the Archit.us protocol, for demos and tests.",
    )
    gateway_cli.add_arguments(gateway)
    gateway.set_defaults(run=gateway_cli.run)
    serve = commands.add_parser(
        "serve",
        help="serve the app to web browsers (each browser tab runs its own app)",
        description="Run a web server that shows the app in a browser, one app per tab. "
        "The app's options below pass on to every tab; the token never does (it stays in "
        "the config file, the token file or $ARCHIT_TUI_TOKEN).",
    )
    serve_cli.add_arguments(serve)
    serve.set_defaults(run=serve_cli.run)
    tail = commands.add_parser(
        "tail",
        help=tail_cli.HELP,
        description=tail_cli.DESCRIPTION,
        epilog=tail_cli.EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tail_cli.add_arguments(tail)
    config = commands.add_parser(
        "config",
        help="print where the config file is, or write a commented template there",
        description="The config file: `path` prints where it is, `init` writes a template.",
    )
    config_cli.add_arguments(config)
    replay = commands.add_parser(
        "replay",
        help="open a capture file in the app, offline",
        description="Play a capture (see --capture and the `capture` key) in the same UI, "
        "without a gateway: filter, sort, inspect and see the gaps as they were.",
    )
    replay.add_argument("file", type=Path, metavar="FILE", help="the capture (.jsonl)")
    replay.add_argument(
        "--config", type=Path, metavar="FILE", help="config file for theme, times and limits"
    )
    replay.set_defaults(run=_run_replay)
    return parser


def _run_app(args: argparse.Namespace) -> int:
    from .ui.run import run

    return run(args)


def _run_replay(args: argparse.Namespace) -> int:
    from .ui.run import run_replay

    return run_replay(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:  # `config` without its own subcommand
        parser.print_help()
        return 2
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
