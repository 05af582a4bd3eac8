"""The session with the gateway: connect, elevate, choose a guild, spectate, keep names.

A mixin of `ArchitApp`, so that the app's file stays about screens and events. Every step
runs in a worker; every failure ends on a `ProblemScreen` that says what happened and offers
Retry (which starts over, reading the token file again) or Quit.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from textual import work

from archit_tui.config import Settings
from archit_tui.gateway.errors import SESSION_FAILURES, GatewayConnectError
from archit_tui.gateway.state import ConnectionState, Phase
from archit_tui.protocol.gaps import Gap, GapWatch, gap_event
from archit_tui.protocol.models import LogPoolEvent
from archit_tui.protocol.secret import TokenFileError

from .screens.guild_picker import GuildPicker
from .screens.problem import ProblemScreen

if TYPE_CHECKING:
    from .app import ArchitApp


REFUSED = "elevation refused"


class SessionMixin:
    """The gateway session's steps, for `ArchitApp`."""

    _in_session_start = False
    """True while `start_session` elevates: a refusal then has its own screen already."""
    gaps: GapWatch
    """Where the stream of the spectated guild stopped, until it resumes (made by the app)."""

    @work(exclusive=True, group="session", exit_on_error=False)
    async def start_session(self: ArchitApp) -> None:
        """Connect, elevate, choose the guild and spectate it; on failure, say why."""
        client = self.connection.client
        try:
            url = await self.connection.start()
            await client.connect(url)
        except GatewayConnectError as error:
            await self._problem("Cannot reach the gateway", str(error), connect_hint(self.settings))
            return
        try:
            token = self.connection.current_token()
        except TokenFileError as error:
            await self._problem("The token file cannot be used", str(error), TOKEN_HINT)
            return
        if token is None:
            await self._problem("No token", "There is no token to elevate with.", TOKEN_HINT)
            return
        self._in_session_start = True
        try:
            result = await client.elevate(token)
            if not result.success:
                await self._problem("Elevation refused", str(result.reason), TOKEN_HINT)
                return
            guilds = (await client.request_all("guild", None)).entities
            self.names.learn(guilds)
            # After a retry, the guild being watched; at the start, the configured one.
            guild_id = self.guild_id if self.guild_id is not None else self.settings.guild_id
            if guild_id is None or guild_id not in self.names.guilds:
                if guild_id is not None:
                    self.notify(f"Guild {guild_id} is not one this token may spectate.")
                guild_id = await self._pick_guild()
            if guild_id is not None:
                await self.spectate(guild_id)
            else:
                self.notify("No guild chosen: press g to pick one.", markup=False)
        except SESSION_FAILURES as error:
            await self._problem("The gateway stopped answering", str(error), RETRY_HINT)
        finally:
            self._in_session_start = False

    async def _problem(self: ArchitApp, title: str, message: str, hint: str) -> None:
        choice = await self.push_screen(ProblemScreen(title, message, hint), wait_for_dismiss=True)
        if choice == "retry":
            await self.connection.client.close()
            self.start_session()
        else:
            await self.action_quit()

    async def _pick_guild(self: ArchitApp) -> int | None:
        guilds = sorted(self.names.guilds.values(), key=lambda guild: guild.name.lower())
        return await self.push_screen(GuildPicker(guilds, self.guild_id), wait_for_dismiss=True)

    async def spectate(self: ArchitApp, guild_id: int) -> None:
        """Watch ``guild_id`` from now on; the rows of the previous guild are let go."""
        if guild_id != self.guild_id:
            self.gaps.forget()
            self.main.clear_rows()
            self._names_fetcher.reset()
        self.guild_id = guild_id
        self.main.status.guild_name = self.names.guild_name(guild_id)
        await self.connection.client.spectate(guild_id, self.settings.non_pool)
        self.fetch_names(guild_id)

    @work(exclusive=True, group="names", exit_on_error=False)
    async def fetch_names(self: ArchitApp, guild_id: int) -> None:
        """Learn the guild's members, channels, roles and emoji, to show names for ids."""
        try:
            await self._names_fetcher.fetch_all(guild_id)
        except SESSION_FAILURES as error:
            self.notify(f"Names could not be fetched: {error}", severity="warning", markup=False)

    @work(exclusive=True, group="wanted-names", exit_on_error=False)
    async def ask_for_names(self: ArchitApp) -> None:
        """Ask the pools about ids that new rows show without a known name."""
        await self._names_fetcher.ask_for_wanted()

    @work(group="switch", exit_on_error=False)
    async def action_switch_guild(self: ArchitApp) -> None:
        """Choose another guild to spectate."""
        if self.replay_path is not None:
            self.notify("A replay shows the guild it captured; there is no gateway to ask.")
            return
        if not self.names.guilds:
            self.notify("The guild list has not arrived yet.", severity="warning")
            return
        guild_id = await self._pick_guild()
        if guild_id is not None and guild_id != self.guild_id:
            try:
                await self.spectate(guild_id)
            except SESSION_FAILURES as error:
                self.notify(f"Could not spectate: {error}", severity="error", markup=False)

    def state_changed(self: ArchitApp, state: ConnectionState, at: float) -> LogPoolEvent | None:  # type: ignore[misc]
        """Follow the connection: mark gaps in the stream, and say when elevation is refused.

        Returns the row of a gap that this change ends (spectating again after a loss).
        """
        if state.phase is Phase.SPECTATING and state.guild_id is not None:
            gap = self.gaps.spectating(state.guild_id, at)
            return None if gap is None else gap_event(gap, describe_gap(gap, self.tz))
        if state.phase in (Phase.RECONNECTING, Phase.DISCONNECTED):
            self.gaps.lost(self.guild_id, at, state.reason)
        if (
            state.phase is Phase.CONNECTED
            and (state.reason or "").startswith(REFUSED)
            and not self._in_session_start
        ):
            self.elevation_lost(state.reason or REFUSED)
        return None

    @work(exclusive=True, group="session", exit_on_error=False)
    async def elevation_lost(self: ArchitApp, reason: str) -> None:  # type: ignore[misc]
        await self._problem("Elevation refused after reconnecting", reason, TOKEN_HINT)


TOKEN_HINT = (
    "Check the token: the `token` or `token_file` key of the config file (archit-tui config "
    "path), $ARCHIT_TUI_TOKEN, or --token-file. Retry reads the token file again."
)


def describe_gap(gap: Gap, tz: tzinfo) -> str:
    """``disconnected 12:01:03 – 12:01:09 (6 s): why``, in the user's time zone."""
    start, end = (datetime.fromtimestamp(t, tz).strftime("%H:%M:%S") for t in (gap.start, gap.end))
    seconds = round(gap.end - gap.start)
    took = f"{seconds} s" if seconds < 120 else f"{seconds // 60} min {seconds % 60} s"
    why = f": {gap.reason}" if gap.reason else ""
    return f"disconnected {start} – {end} ({took}); nothing was received in between{why}"


RETRY_HINT = "The connection may recover; Retry starts again from the connection."


def connect_hint(settings: Settings) -> str:
    """What to check when the gateway cannot be reached."""
    if settings.demo:
        return "The embedded stand-in gateway could not be reached; Retry starts it again."
    return (
        f"Check {settings.where_to_fix_url}. "
        "Retry tries again; the app also reconnects by itself once connected."
    )
