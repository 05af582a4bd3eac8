"""One ``archit-tui tail`` run: connect, elevate, choose the guild, spectate, print until done.

The steps are the app's (`archit_tui.ui.session`), without the screen: each failure ends the run
with a plain-words message on stderr and its own exit code. Once streaming, the client's own
reconnection carries on after a dropped connection, and the run only says so.
"""

from __future__ import annotations

import asyncio
import secrets
import signal
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NoReturn

from archit_tui.config import Settings
from archit_tui.gateway.client import GatewayClient
from archit_tui.gateway.errors import (
    SESSION_FAILURES,
    GatewayConnectError,
)
from archit_tui.gateway.events import GatewayEvent, StateChanged
from archit_tui.gateway.probe import where
from archit_tui.gateway.standin.server import StandInGateway
from archit_tui.gateway.standin.settings import DEMO_STANDIN, StandInSettings
from archit_tui.gateway.state import ConnectionState, Phase
from archit_tui.protocol.models import GatewayError, LogPoolEvent, MalformedEvent
from archit_tui.protocol.names import LookupKind, NameBook
from archit_tui.protocol.query import Query
from archit_tui.protocol.secret import Secret
from archit_tui.protocol.text import one_line

from .exits import EXIT_GATEWAY, EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from .output import ActionWriter, Reporter, payload_preview
from .selection import NewMatches

if TYPE_CHECKING:
    from archit_tui.gateway.capture import CaptureWriter

_NAME_POOLS: tuple[LookupKind, ...] = ("member", "channel", "role", "customEmoji")


TOKEN_HINT = (
    "Check the token: the `token` or `token_file` key of the config file (archit-tui config "
    "path), $ARCHIT_TUI_TOKEN, or --token-file."
)


@dataclass(frozen=True)
class TailOptions:
    """What the command line asks of the run, besides the settings."""

    query: Query | None = None
    """Only actions that match it are printed."""
    count: int | None = None
    """Stop after printing this many actions."""


class _Stop(Exception):
    """Ends the run with ``code`` (the message has been written already)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class TailSession:
    """The gateway connection of one run, and what it prints."""

    def __init__(
        self,
        settings: Settings,
        options: TailOptions,
        writer: ActionWriter,
        reporter: Reporter,
        names: NameBook,
        demo_standin: StandInSettings = DEMO_STANDIN,
    ) -> None:
        self.settings = settings
        self.options = options
        self.writer = writer
        self.report = reporter
        self.names = names
        self.matches = NewMatches(options.query, names)
        self.client = GatewayClient()
        self.capture: CaptureWriter | None = None
        """The capture file's writer (``--capture`` / the ``capture`` key), when one is open."""
        self._open_capture()
        self.standin: StandInGateway | None = None
        self.token = settings.token
        if settings.demo:
            self.token = Secret(secrets.token_urlsafe(24))
            self.standin = StandInGateway(replace(demo_standin, token=self.token))
        self.guild_id: int | None = None
        self.malformed = 0
        """Malformed events (and actions with unusable fields) reported so far."""
        self.streaming = False
        self.stdout_closed = False
        self._lost = False

    def _open_capture(self) -> None:
        """Append every received event to the capture file, as the app does, if one is set."""
        path = self.settings.capture
        if path is None:
            return
        from archit_tui.gateway.capture import CaptureError, CaptureWriter

        try:
            self.capture = CaptureWriter(path)
        except CaptureError as error:
            self.report.warn(f"{error}; going on without a capture")
            return
        self.client.capture = self.capture

    # The steps --------------------------------------------------------------------------------

    async def run(self) -> int:
        """Run until ``--count`` is reached or something stops it; the exit code."""
        try:
            await self._connect()
            await self._elevate()
            guild_id = await self._choose_guild()
            query = self.options.query
            if self.writer.format == "text" or (query is not None and query.uses_names):
                await self._fetch_names(guild_id)
            try:
                await self.client.spectate(guild_id, self.settings.non_pool)
            except SESSION_FAILURES as error:
                self._fail(EXIT_GATEWAY, f"the gateway stopped answering: {error}")
            self.guild_id = guild_id
            name = self.names.guild_name(guild_id)
            shown = f"{one_line(name, 64)} ({guild_id})" if name else str(guild_id)
            self.report.status(f"spectating {shown}")
            self.streaming = True
            return await self._stream()
        except _Stop as stop:
            return stop.code
        except BrokenPipeError:
            self.stdout_closed = True
            return EXIT_OK

    async def _connect(self) -> None:
        if self.standin is not None:
            try:
                url = await self.standin.start()
            except OSError as error:
                self._fail(EXIT_GATEWAY, f"the built-in stand-in gateway cannot start: {error}")
            self.report.status(f"demo: running the built-in stand-in gateway at {where(url)}")
        else:
            assert self.settings.gateway_url is not None
            url = self.settings.gateway_url
            self.report.status(f"connecting to {where(url)}")
        try:
            await self.client.connect(url)
        except GatewayConnectError as error:
            self._fail(EXIT_GATEWAY, f"cannot reach the gateway: {error}", self._connect_hint())

    def _connect_hint(self) -> str:
        if self.settings.demo:
            return "The built-in stand-in gateway could not be reached."
        return f"Check {self.settings.where_to_fix_url}."

    async def _elevate(self) -> None:
        if self.token is None:  # load_settings refuses a gateway without a token already
            self._fail(EXIT_REFUSED, "there is no token to elevate with", TOKEN_HINT)
        try:
            result = await self.client.elevate(self.token)
        except SESSION_FAILURES as error:
            self._fail(EXIT_GATEWAY, f"the gateway stopped answering: {error}")
        if not result.success:
            self._fail(EXIT_REFUSED, f"elevation refused: {result.reason}", TOKEN_HINT)

    async def _choose_guild(self) -> int:
        """``--guild`` (checked against the guilds the token may spectate), or the only one."""
        wanted = self.settings.guild_id
        try:
            guilds = (await self.client.request_all("guild", None)).entities
        except SESSION_FAILURES as error:
            if wanted is None:
                self._fail(EXIT_GATEWAY, f"the gateway did not list its guilds: {error}")
            self.report.warn(f"the gateway did not list its guilds ({error}); going on")
            return wanted
        self.names.learn(guilds)
        known = sorted(self.names.guilds.values(), key=lambda guild: guild.name.lower())
        listing = ", ".join(f"{one_line(g.name, 64)} ({g.id})" for g in known)
        if wanted is not None:
            if not known or wanted in self.names.guilds:
                return wanted
            self._fail(
                EXIT_USAGE,
                f"guild {wanted} is not one this token may spectate; it may spectate: {listing}",
                "Pass --guild with one of those ids (or set $ARCHIT_TUI_GUILD, or `guild_id` in "
                "the config file).",
            )
        if not known:
            self._fail(EXIT_GATEWAY, "the token may spectate no guild (the gateway listed none)")
        if len(known) == 1 or self.settings.demo:
            if len(known) > 1:
                self.report.status(f"no --guild given; the demo's guilds are: {listing}")
            return known[0].id
        self._fail(
            EXIT_USAGE,
            f"this token may spectate several guilds; choose one with --guild: {listing}",
        )

    async def _fetch_names(self, guild_id: int) -> None:
        """Members, channels, roles and emoji, for the text table and filters by name."""
        for kind in _NAME_POOLS:
            try:
                self.names.learn((await self.client.request_all(kind, guild_id)).entities)
            except SESSION_FAILURES as error:
                self.report.warn(f"{kind} names could not be fetched ({error}); ids are shown")

    def _fail(self, code: int, message: str, hint: str | None = None) -> NoReturn:
        self.report.error(message, hint)
        raise _Stop(code)

    # The stream -------------------------------------------------------------------------------

    async def _stream(self) -> int:
        events = self.client.events
        while True:
            rows: list[LogPoolEvent] = []
            for event in await events.next_batch():
                if isinstance(event, LogPoolEvent):
                    if event.guild_id == self.guild_id:
                        rows.append(event)
                    continue
                if rows and self._print(rows):
                    return EXIT_OK
                rows = []
                self._other(event)
            if rows and self._print(rows):
                return EXIT_OK

    def _print(self, rows: list[LogPoolEvent]) -> bool:
        """Print the new matching ``rows``; True once ``--count`` is reached."""
        chosen = self.matches.take(rows)
        count = self.options.count
        if count is not None:
            chosen = chosen[: count - self.writer.written]
        for event in chosen:
            if event.action.problems:
                self.malformed += 1
                action = event.action
                self.report.warn(
                    f"action {action.id} ({action.type.name}) has fields that could not be used, "
                    f"printed anyway: {one_line('; '.join(action.problems), 300)}"
                )
        self.writer.write(chosen)
        return count is not None and self.writer.written >= count

    def _other(self, event: GatewayEvent) -> None:
        if isinstance(event, StateChanged):
            self._state_changed(event.state)
        elif isinstance(event, MalformedEvent):
            self.malformed += 1
            self.report.warn(
                f"malformed {one_line(event.event, 64)} event skipped "
                f"({one_line(event.reason, 300)}): {payload_preview(event.raw)}"
            )
        elif isinstance(event, GatewayError) and event.context[:1] != ("spectate",):
            self.report.warn(f"the gateway reported an error: {one_line(event.text, 300)}")

    def _state_changed(self, state: ConnectionState) -> None:
        reason = one_line(state.reason or "", 300)
        if state.phase is Phase.RECONNECTING:
            self._lost = True
            self.report.warn(
                f"{reason or 'connection lost'}; reconnecting in {state.delay:.1f} s "
                f"(attempt {state.attempt})"
            )
        elif state.phase is Phase.SPECTATING and self._lost:
            self._lost = False
            self.report.warn("reconnected and spectating again (no action is printed twice)")
        elif reason.startswith("elevation refused"):
            self._fail(EXIT_REFUSED, f"after reconnecting, {reason}", TOKEN_HINT)
        elif reason.startswith("spectate refused"):
            self._fail(EXIT_GATEWAY, reason)
        elif state.phase is Phase.DISCONNECTED and reason:
            self._fail(EXIT_GATEWAY, reason)

    async def close(self) -> None:
        """Disconnect, and stop the demo's stand-in."""
        await self.client.close()
        if self.standin is not None:
            await self.standin.stop()
        if self.capture is not None:
            self.capture.close()


async def run_session(session: TailSession) -> int:
    """Run ``session`` until it ends or SIGINT/SIGTERM arrives (then exit 0), closing it after."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    signals = (signal.SIGINT, signal.SIGTERM)
    for signum in signals:
        try:
            loop.add_signal_handler(signum, stop.set)
        except NotImplementedError:  # not on this platform: Ctrl+C raises KeyboardInterrupt
            pass
    work = asyncio.ensure_future(session.run())
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({work, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if work.done():
            return work.result()
        work.cancel()
        await asyncio.gather(work, return_exceptions=True)
        session.report.status("stopped by a signal")
        return EXIT_OK
    finally:
        stopper.cancel()
        await session.close()
        for signum in signals:
            try:
                loop.remove_signal_handler(signum)
            except NotImplementedError:
                pass
