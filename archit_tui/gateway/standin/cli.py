"""``archit-tui gateway``: run the stand-in gateway until interrupted."""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import sys
from pathlib import Path

import platformdirs

from archit_tui.protocol.secret import Secret, TokenFileError, read_token_file, write_private_file

from .settings import StandInSettings

TOKEN_ENV = "ARCHIT_TUI_GATEWAY_TOKEN"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``gateway`` subcommand's options."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port (0 picks a free one)")
    token = parser.add_mutually_exclusive_group()
    token.add_argument(
        "--token",
        help=f"the token that elevates (visible to `ps`: prefer --token-file or ${TOKEN_ENV})",
    )
    token.add_argument("--token-file", type=Path, help="file holding the token (mode 600)")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same guilds and traffic")
    parser.add_argument("--rate", type=float, default=5.0, help="log actions a second per guild")
    parser.add_argument("--burst", type=int, default=0, help="actions sent at once on a timer")
    parser.add_argument("--burst-interval", type=float, default=5.0, help="seconds between bursts")
    parser.add_argument(
        "--backlog", type=int, default=200, help="earlier actions a new spectator receives first"
    )
    parser.add_argument("--replay", type=Path, help="play recorded log actions from FILE.jsonl")


def default_token_path() -> Path:
    """Where a generated token is written."""
    return platformdirs.user_state_path("archit-tui") / "gateway-token"


def resolve_token(args: argparse.Namespace) -> tuple[Secret, str]:
    """The token to accept, and a sentence saying where it came from (never the token)."""
    if args.token:
        return Secret(args.token), "from --token"
    if args.token_file:
        return read_token_file(args.token_file), f"from {args.token_file}"
    if os.environ.get(TOKEN_ENV):
        return Secret(os.environ[TOKEN_ENV]), f"from ${TOKEN_ENV}"
    path = default_token_path()
    if path.is_file():  # keep it: a restarted stand-in must accept the clients it had
        return read_token_file(path), f"from {path} (generated earlier)"
    write_private_file(path, secrets.token_urlsafe(32) + "\n")
    return read_token_file(path), f"generated and written to {path}"


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C or SIGTERM."""
    try:
        token, origin = resolve_token(args)
    except TokenFileError as error:
        print(f"archit-tui gateway: {error}", file=sys.stderr)
        return 2
    if args.replay is not None and not args.replay.is_file():
        print(f"archit-tui gateway: the replay file {args.replay} does not exist", file=sys.stderr)
        return 2
    settings = StandInSettings(
        token=token,
        host=args.host,
        port=args.port,
        seed=args.seed,
        rate=args.rate,
        burst=args.burst,
        burst_interval=args.burst_interval,
        backlog=args.backlog,
        replay=args.replay,
    )
    return asyncio.run(_serve(settings, origin))


async def _serve(settings: StandInSettings, token_origin: str) -> int:
    from .server import StandInGateway  # the socket libraries load only when serving

    gateway = StandInGateway(settings)
    try:
        url = await gateway.start()
    except OSError as error:
        where = f"{settings.host}:{settings.port}"
        print(f"archit-tui gateway: cannot listen on {where}: {error.strerror}", file=sys.stderr)
        return 1
    guilds = ", ".join(f"{g.name} ({g.id})" for g in gateway.guilds.values())
    print(f"Stand-in gateway listening on {url}", flush=True)
    print(f"Token: {token_origin}", flush=True)
    print(f"Guilds: {guilds}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await gateway.stop()
    print("Stand-in gateway stopped.", flush=True)
    return 0
