"""``archit-tui tail``: its options, and the checks made before anything connects."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from datetime import tzinfo
from typing import TYPE_CHECKING

from archit_tui.config import ConfigError, Settings, add_run_arguments, flags_from_args
from archit_tui.config import load_settings as load_config
from archit_tui.protocol.cells import local_zone
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.query import Query, QueryError, parse_query

from .exits import EXIT_OK, EXIT_USAGE
from .output import FORMATS, PREFIX, ActionWriter, OutputFormat, Reporter, Scrubber, text_width

if TYPE_CHECKING:
    from .session import TailOptions, TailSession

HELP = "print a guild's log actions as they arrive: JSON lines, or a table"

DESCRIPTION = """\
Connect, elevate and spectate as the app does (same config file, ARCHIT_TUI_* variables and
flags; without a gateway URL the built-in stand-in runs, as with --demo), then print each new
log action on stdout as it arrives. Status, warnings and errors go to stderr; the token never
appears anywhere. An action delivered again (after a reconnect) is printed once."""

EPILOG = """\
output:
  --format json   one JSON object per line: the log action object as received (its
                  fields and values; nothing added, the envelope left out)
  --format text   one aligned line per action: local time, type, agent, subject, summary

guild:
  Without --guild ($ARCHIT_TUI_GUILD, or `guild_id` in the config file), the only guild
  the token may spectate is used; the demo takes the first of its guilds by name.

exit codes:
  0  --count actions were printed, Ctrl+C or SIGTERM stopped it, or stdout was closed
  1  the gateway cannot be reached, stopped answering, or refused to spectate
  2  a bad option, configuration, --filter query or --guild
  3  elevation refused: the token is wrong or expired (also after a reconnect)

examples:
  archit-tui tail --demo --count 5
  archit-tui tail --filter 'type:ban,kick' --format text
  archit-tui tail --filter 'after:now'    (skip the backlog the gateway sends first)
  archit-tui tail | jq -r .content"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``tail`` subcommand's options: the app's configuration flags, and its own."""
    first = len(parser._actions)
    add_run_arguments(parser)
    # A subcommand's defaults overwrite what the main parser read: left unset, so that
    # `archit-tui --url URL tail` keeps its URL just as `archit-tui tail --url URL` does.
    for action in parser._actions[first:]:
        action.default = argparse.SUPPRESS
    group = parser.add_argument_group("tail")
    group.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json (default): one JSON object per line; text: an aligned table",
    )
    group.add_argument(
        "--filter",
        metavar="QUERY",
        help="print only actions matching QUERY, in the filter bar's language "
        "(e.g. 'type:ban agent:alice -spam'; the app's help screen lists it all)",
    )
    group.add_argument(
        "--count",
        type=_positive,
        metavar="N",
        help="exit (code 0) after printing N actions",
    )
    group.add_argument(
        "-q", "--quiet", action="store_true", help="no status lines on stderr, only problems"
    )
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"should be a whole number, not {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"should be 1 or more, not {number}")
    return number


def run(args: argparse.Namespace) -> int:
    """``archit-tui tail``: check everything that can be checked offline, then stream."""
    try:
        loaded = load_config(flags_from_args(args))
    except ConfigError as error:
        print(f"{PREFIX}{error}", file=sys.stderr)
        return EXIT_USAGE
    settings = loaded.settings
    scrub = Scrubber(settings.token)
    reporter = Reporter(scrub, quiet=args.quiet)
    for warning in loaded.warnings:
        reporter.warn(warning)
    tz = local_zone()
    query = None
    if args.filter is not None:
        try:
            query = parse_filter(args.filter, tz)
        except QueryError as error:
            reporter.error(filter_message(args.filter, error))
            return EXIT_USAGE
    output_format: OutputFormat = args.format
    if output_format == "text" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a name the terminal cannot show is no crash
    from .session import TailOptions  # the socket libraries load only now

    _quiet_libraries()
    names = NameBook()
    writer = ActionWriter(output_format, names, tz, scrub)
    options = TailOptions(query=query, count=args.count)
    holder: list[TailSession] = []
    try:
        code = asyncio.run(_main(settings, options, writer, reporter, names, holder))
    except KeyboardInterrupt:  # before the signal handlers were in place
        code = EXIT_OK
    session = holder[0] if holder else None
    if session is not None and session.stdout_closed:
        _silence_stdout()
    elif session is not None and session.streaming:
        reporter.status(
            f"printed {writer.written} actions; {session.malformed} malformed events reported, "
            f"{session.matches.repeats} repeated deliveries skipped"
        )
    return code


async def _main(
    settings: Settings,
    options: TailOptions,
    writer: ActionWriter,
    reporter: Reporter,
    names: NameBook,
    holder: list[TailSession],
) -> int:
    from .session import TailSession, run_session

    # Made on the running loop: the client and the demo's stand-in belong to it.
    session = TailSession(settings, options, writer, reporter, names)
    holder.append(session)
    return await run_session(session)


def parse_filter(text: str, tz: tzinfo) -> Query:
    """``--filter``'s query; `QueryError` for any text the language cannot read."""
    try:
        return parse_query(text, now_ms=time.time_ns() // 1_000_000, tz=tz)
    except QueryError:
        raise
    except Exception as error:  # noqa: BLE001 - as the filter bar: never a traceback
        raise QueryError(f"this filter could not be read ({error})", 0, len(text)) from None


def filter_message(text: str, error: QueryError) -> str:
    """The parser's message, then the query with the bad part underlined (as the filter bar
    underlines it)."""
    shown = "".join(char if char.isprintable() else "?" for char in text)
    start = min(error.start, len(shown))
    end = min(max(error.end, start), len(shown))
    marks = "^" * max(text_width(shown[start:end]), 1)
    return (
        f"the --filter query cannot be used: {error.message}\n"
        f"  {shown}\n"
        f"  {' ' * text_width(shown[:start])}{marks}"
    )


def _quiet_libraries() -> None:
    """Keep library log records (engineio's tracebacks, aiohttp's warnings) off stderr.

    Everything the user should read goes through `Reporter` in plain words; without a handler,
    Python would print any warning logged by the socket libraries, traceback and all.
    """
    logging.getLogger().addHandler(logging.NullHandler())


def _silence_stdout() -> None:
    """stdout's reader has gone (``| head -1``): send what Python flushes at exit nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
