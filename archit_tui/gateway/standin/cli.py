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

from .settings import ChaosSettings, StandInSettings

TOKEN_ENV = "ARCHIT_TUI_GATEWAY_TOKEN"

DEFAULT_DROP_SECONDS = 60.0
"""``--chaos-drop-every``: a dropped connection about once a minute."""


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
    chaos = parser.add_argument_group(
        "chaos mode",
        "Misbehave on purpose, to see a client cope: now and then drop a spectator's connection, "
        "stall the stream, send a log action twice or after the next one, answer a request "
        "late, and send malformed payloads, packets that are not JSON, and odd but valid "
        "actions (markup, ANSI escapes, control and right-to-left characters, a megabyte of "
        "text, ids beyond 2^64, unknown action numbers). The faults follow a seeded schedule; "
        "at 5 actions a second expect a duplicate, a reorder or a stall every 10 s or so and a "
        "malformed payload every 20 s.",
    )
    chaos.add_argument("--chaos", action="store_true", help="turn chaos mode on")
    chaos.add_argument(
        "--chaos-seed",
        type=int,
        metavar="N",
        help="same seed and traffic, same faults in the same order (default: --seed; "
        "implies --chaos)",
    )
    chaos.add_argument(
        "--chaos-drop-every",
        type=float,
        default=DEFAULT_DROP_SECONDS,
        metavar="SECONDS",
        help="disconnect a spectator about this often, at the traffic's rate; 0 never "
        f"(default: {DEFAULT_DROP_SECONDS:g}; implies --chaos)",
    )


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
        chaos=chaos_settings(args),
    )
    return asyncio.run(_serve(settings, origin))


def chaos_settings(args: argparse.Namespace) -> ChaosSettings | None:
    """Chaos mode as the options ask (None when off), the drop interval made a share of actions."""
    wanted = args.chaos or args.chaos_seed is not None
    if not wanted and args.chaos_drop_every == DEFAULT_DROP_SECONDS:
        return None
    per_second = args.rate + (args.burst / args.burst_interval if args.burst_interval > 0 else 0)
    if args.chaos_drop_every <= 0:
        drop = 0.0
    elif per_second > 0:
        drop = min(0.5, 1 / (args.chaos_drop_every * per_second))
    else:
        drop = ChaosSettings.drop
    seed = args.seed if args.chaos_seed is None else args.chaos_seed
    return ChaosSettings(seed=seed, drop=drop)


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
    if settings.chaos is not None:
        print(f"Chaos mode: seed {settings.chaos.seed}", flush=True)
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
