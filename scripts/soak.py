"""Soak test: the whole app, headless, against a chaos stand-in for minutes on end.

Usage: python scripts/soak.py [--minutes 10] [--rate 20] [--seed 0] [--drop-every 30]

Not a CI test: it takes as long as it is told, and prints what a person should look at: events
received, malformed events counted, reconnections, rows held, and the process's resident
memory at the start and the end (it should level off, not climb with time). The stand-in's
tally of what it did is printed beside what the app saw.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.message import Message  # noqa: E402

from archit_tui.config import Settings  # noqa: E402
from archit_tui.gateway.client import GatewayClient, ReconnectPolicy  # noqa: E402
from archit_tui.gateway.standin.guilds import build_guilds  # noqa: E402
from archit_tui.gateway.standin.settings import ChaosSettings, StandInSettings  # noqa: E402
from archit_tui.protocol.models import LogPoolEvent, MalformedEvent  # noqa: E402
from archit_tui.protocol.secret import Secret  # noqa: E402
from archit_tui.ui.factory import make_app  # noqa: E402
from archit_tui.ui.messages import GatewayEvents  # noqa: E402

REPORT_EVERY_SECONDS = 30.0


def resident_mib() -> float:
    """The process's resident set size now, in MiB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mib() -> float:
    """The largest resident set size so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Seen:
    """What the app was handed, counted from its `GatewayEvents` messages."""

    def __init__(self) -> None:
        self.events = 0
        self.actions = 0
        self.malformed = 0

    def hook(self, message: Message) -> None:
        if isinstance(message, GatewayEvents):
            self.events += len(message.events)
            for event in message.events:
                if isinstance(event, LogPoolEvent):
                    self.actions += 1
                elif isinstance(event, MalformedEvent):
                    self.malformed += 1


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to run")
    parser.add_argument("--rate", type=float, default=20.0, help="log actions a second")
    parser.add_argument("--seed", type=int, default=0, help="guilds, traffic and faults")
    parser.add_argument(
        "--drop-every", type=float, default=30.0, help="seconds between dropped connections"
    )
    return parser.parse_args(argv)


async def soak(args: argparse.Namespace) -> int:
    drop = 1 / (args.drop_every * args.rate) if args.drop_every > 0 and args.rate > 0 else 0
    standin = StandInSettings(
        token=Secret(""),
        port=0,
        seed=args.seed,
        rate=args.rate,
        backlog=300,
        chaos=ChaosSettings(seed=args.seed, drop=min(drop, 0.5)),
    )
    guild_id = build_guilds(standin.seed, standin.guild_count)[0].id
    settings = Settings(
        gateway_url=None,
        token=None,
        token_file=None,
        guild_id=guild_id,
        config_path=Path("/nonexistent/archit-tui/config.toml"),
        config_exists=False,
        demo=True,
    )
    client = GatewayClient(reconnect=ReconnectPolicy(first_delay=0.2, max_delay=2.0))
    app = make_app(settings, client=client, demo_standin=standin)
    seen = Seen()
    rss_start = resident_mib()
    started = time.monotonic()
    deadline = started + args.minutes * 60
    print(f"Soaking for {args.minutes:g} min at {args.rate:g} actions/s; RSS {rss_start:.1f} MiB")
    async with app.run_test(headless=True, size=(160, 48), message_hook=seen.hook) as pilot:
        next_report = started + REPORT_EVERY_SECONDS
        while time.monotonic() < deadline:
            await pilot.pause(min(1.0, max(0.0, deadline - time.monotonic())))
            if time.monotonic() >= next_report:
                next_report += REPORT_EVERY_SECONDS
                minutes = (time.monotonic() - started) / 60
                print(
                    f"  {minutes:5.1f} min: {seen.events:,} events, {len(app.store):,} rows, "
                    f"{client.reconnects} reconnects, RSS {resident_mib():.1f} MiB",
                    flush=True,
                )
        report(app, client, seen, rss_start)
    return 0  # leaving run_test unmounts the app, which closes the socket and the stand-in


def report(app: object, client: GatewayClient, seen: Seen, rss_start: float) -> None:
    standin = app.connection.standin  # type: ignore[attr-defined]
    tally = standin.chaos_tally if standin is not None else None
    status = app.main.status  # type: ignore[attr-defined]
    print(f"events received:     {seen.events:,} ({seen.actions:,} log actions)")
    print(f"malformed counted:   {seen.malformed:,} events; status bar shows {status.malformed:,}")
    print(f"reconnects:          {client.reconnects}")
    print(f"rows held:           {len(app.store):,}")  # type: ignore[attr-defined]
    print(f"RSS:                 {rss_start:.1f} MiB at start, {resident_mib():.1f} MiB at end")
    print(f"peak RSS:            {peak_mib():.1f} MiB")
    print(f"connection state:    {client.state.describe()}")
    if tally is not None:
        print(
            f"stand-in did:        {tally.dropped} drops, {tally.malformed} malformed + "
            f"{tally.undecodable} undecodable, {tally.duplicated} duplicates, "
            f"{tally.reordered} reorders, {tally.odd} odd, {tally.delayed} stalls, "
            f"{tally.replies_delayed} late replies, {tally.sent:,} actions sent"
        )


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(soak(parse_args(sys.argv[1:] if argv is None else argv)))


if __name__ == "__main__":
    sys.exit(main())
