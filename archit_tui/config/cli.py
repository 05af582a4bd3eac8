"""The configuration's part of the command line: the run flags and ``archit-tui config``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from archit_tui.protocol.secret import write_private_file

from .config_file import CONFIG_ENV
from .load import config_path
from .model import ConfigFlags
from .template import TEMPLATE


class _RefuseTokenFlag(argparse.Action):
    """``--token``: refused with the way to give a token (and never echoing the value)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser.error(
            "there is no --token option: every user can read a command line (with `ps`). "
            "Put the token alone in a file (chmod 600) and pass --token-file FILE, or set "
            "$ARCHIT_TUI_TOKEN."
        )


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of the main command that override the config file and the environment.

    There is deliberately no ``--token``: a command line is visible to every user through `ps`.
    A hidden ``--token`` says so, which also stops argparse from taking ``--token SECRET`` as
    an abbreviation of ``--token-file`` (and then naming the secret as a missing file).
    """
    group = parser.add_argument_group(
        "configuration", "These beat the ARCHIT_TUI_* variables, which beat the config file."
    )
    gateway = group.add_mutually_exclusive_group()
    gateway.add_argument("--url", metavar="URL", help="the gateway URL (http, https, ws, wss)")
    gateway.add_argument(
        "--demo", action="store_true", help="run against the built-in stand-in gateway"
    )
    group.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help="file holding the token (chmod 600); there is no --token, as `ps` would show it",
    )
    group.add_argument("--token", nargs="?", action=_RefuseTokenFlag, help=argparse.SUPPRESS)
    group.add_argument("--guild", metavar="ID", help="the guild to spectate on start")
    group.add_argument(
        "--capture",
        type=Path,
        metavar="FILE",
        help="append every event received to FILE (JSON lines; see `archit-tui replay`)",
    )
    group.add_argument(
        "--config", type=Path, metavar="FILE", help=f"config file to read (or ${CONFIG_ENV})"
    )


def flags_from_args(args: argparse.Namespace) -> ConfigFlags:
    """The `ConfigFlags` in parsed arguments (any that the parser lacks count as not given)."""
    return ConfigFlags(
        url=getattr(args, "url", None),
        token_file=getattr(args, "token_file", None),
        guild=getattr(args, "guild", None),
        config=getattr(args, "config", None),
        demo=bool(getattr(args, "demo", False)),
        capture=getattr(args, "capture", None),
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``config`` subcommand's own subcommands, ``path`` and ``init``."""
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION")
    path = actions.add_parser(
        "path",
        help="print the config file path that would be used",
        description="Print the config file that archit-tui would read (--config, "
        f"${CONFIG_ENV} or the default), whether or not it exists.",
    )
    init = actions.add_parser(
        "init",
        help="write a commented config template (mode 600)",
        description="Write a config file holding every setting, commented out, readable by "
        "you only; print its path. An existing file is left alone unless --force is given.",
    )
    for action in (path, init):
        # SUPPRESS: a subparser's default would hide a --config given before the subcommand.
        action.add_argument(
            "--config",
            type=Path,
            metavar="FILE",
            default=argparse.SUPPRESS,
            help=f"the config file (default: ${CONFIG_ENV}, else the platform's config dir)",
        )
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    path.set_defaults(run=run_path)
    init.set_defaults(run=run_init)

    def usage(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    parser.set_defaults(run=usage)


def run_path(args: argparse.Namespace) -> int:
    """``archit-tui config path``: print the path (and, on stderr, if it does not exist)."""
    path = config_path(getattr(args, "config", None), os.environ)
    print(path)
    if not path.exists():
        print(
            "archit-tui config path: the file does not exist yet "
            "(`archit-tui config init` writes a template there)",
            file=sys.stderr,
        )
    return 0


def run_init(args: argparse.Namespace) -> int:
    """``archit-tui config init``: write `TEMPLATE` (mode 600) and print where."""
    path = config_path(getattr(args, "config", None), os.environ)
    if os.path.lexists(path) and not args.force:
        print(
            f"archit-tui config init: {path} already exists and was left alone; "
            "pass --force to overwrite it with the template",
            file=sys.stderr,
        )
        return 1
    try:
        write_private_file(path, TEMPLATE)
    except OSError as error:
        print(f"archit-tui config init: cannot write {path}: {error.strerror}", file=sys.stderr)
        return 1
    print(path)
    return 0
