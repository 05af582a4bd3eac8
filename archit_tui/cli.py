"""The ``archit-tui`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    from .config import cli as config_cli
    from .gateway.standin import cli as gateway_cli

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
    config = commands.add_parser(
        "config",
        help="print where the config file is, or write a commented template there",
        description="The config file: `path` prints where it is, `init` writes a template.",
    )
    config_cli.add_arguments(config)
    return parser


def _run_app(args: argparse.Namespace) -> int:
    from .ui.run import run

    return run(args)


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
