"""The archit-tui app: connect, elevate, pick a guild and stream its log actions."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from datetime import tzinfo

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from archit_tui.config import Settings
from archit_tui.gateway.errors import (
    GatewayConnectError,
    GatewayNotConnected,
    GatewayRequestError,
    GatewayTimeout,
)
from archit_tui.gateway.events import StateChanged
from archit_tui.gateway.state import Phase
from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.models import GatewayError, LogPoolEvent, MalformedEvent
from archit_tui.protocol.names import NameBook

from .connection import Connection
from .messages import GatewayEvents, NamesLearnt
from .names_fetcher import NamesFetcher
from .screens.guild_picker import GuildPicker
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .screens.problem import ProblemScreen
from .widgets.log_table import LogTable

FRAME_SECONDS = 1 / 30
"""The pump hands the UI one batch per frame at most, however fast events arrive."""
UI_SHARE = 0.15
"""Under a firehose, batches are spaced so that handling and drawing them takes at most about
this share of the time; the rest goes to receiving (and to keys, which never wait for it)."""
LONGEST_PAUSE = 0.5

_SESSION_FAILURES = (GatewayNotConnected, GatewayTimeout, GatewayRequestError)


class ArchitApp(App[None]):
    """A terminal app for the Archit.us realtime gateway."""

    CSS_PATH = "app.tcss"
    TITLE = "archit-tui"
    BINDINGS = [
        Binding("g", "switch_guild", "Guild"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        settings: Settings,
        connection: Connection,
        *,
        clock: Callable[[], float] = time.time,
        tz: tzinfo | None = None,
        warnings: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.startup_warnings = warnings
        """Configuration warnings (unknown keys), shown once the screen is up."""
        self.settings = settings
        self.connection = connection
        self.clock = clock
        """Unix seconds now; fixed in snapshot tests."""
        self.tz = tz
        self.store = ActionStore(settings.max_actions)
        self.names = NameBook()
        self.guild_id: int | None = None
        """The guild being spectated."""
        self._ui_seconds = 0.0
        """Time spent handling batches since the pump last looked (it paces itself by it)."""
        self.malformed: list[MalformedEvent] = []
        """Malformed events received, newest last (kept for the raw inspector)."""
        self._names_fetcher = NamesFetcher(connection.client, self.names, self._names_learnt)

    def now_ms(self) -> int:
        return int(self.clock() * 1000)

    @property
    def main(self) -> MainScreen:
        """The main screen (it exists from mount on)."""
        return self._main

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme {self.settings.theme!r}; using the default.", markup=False)
        self._main = main = MainScreen(
            self.store,
            self.names,
            time_format=self.settings.time_format,
            now_ms=self.now_ms,
            tz=self.tz,
            demo=self.settings.demo,
        )
        for warning in self.startup_warnings:
            self.notify(warning, title="Configuration", severity="warning", markup=False)
        self.install_screen(main, "main")
        self.push_screen("main")
        self.pump_events()
        self.start_session()
        self.set_interval(0.5, self.ask_for_names)

    # Workers ------------------------------------------------------------------------------------

    @work(group="pump", exit_on_error=False)
    async def pump_events(self) -> None:
        """Hand the UI everything the client reports, one batch per frame."""
        stream = self.connection.client.events
        while True:
            self.post_message(GatewayEvents(await stream.next_batch()))
            ui_seconds = self._ui_seconds + self.main.table.take_render_seconds()
            self._ui_seconds = 0.0
            await asyncio.sleep(min(max(ui_seconds / UI_SHARE, FRAME_SECONDS), LONGEST_PAUSE))

    @work(exclusive=True, group="session", exit_on_error=False)
    async def start_session(self) -> None:
        """Connect, elevate, choose the guild and spectate it; on failure, say why."""
        client = self.connection.client
        try:
            url = await self.connection.start()
            await client.connect(url)
        except GatewayConnectError as error:
            await self._problem(
                "Cannot reach the gateway", str(error), _connect_hint(self.settings)
            )
            return
        token = self.connection.token
        if token is None:
            await self._problem("No token", "There is no token to elevate with.", _TOKEN_HINT)
            return
        try:
            result = await client.elevate(token)
            if not result.success:
                await self._problem("Elevation refused", str(result.reason), _TOKEN_HINT)
                return
            guilds = (await client.request_all("guild", None)).entities
            self.names.learn(guilds)
            guild_id = self.settings.guild_id
            if guild_id is None or guild_id not in self.names.guilds:
                if guild_id is not None:
                    self.notify(f"Guild {guild_id} is not one this token may spectate.")
                guild_id = await self._pick_guild()
            if guild_id is not None:
                await self.spectate(guild_id)
        except _SESSION_FAILURES as error:
            await self._problem("The gateway stopped answering", str(error), _RETRY_HINT)

    async def _problem(self, title: str, message: str, hint: str) -> None:
        choice = await self.push_screen(ProblemScreen(title, message, hint), wait_for_dismiss=True)
        if choice == "retry":
            await self.connection.client.close()
            self.start_session()
        else:
            await self.action_quit()

    async def _pick_guild(self) -> int | None:
        guilds = sorted(self.names.guilds.values(), key=lambda guild: guild.name.lower())
        return await self.push_screen(GuildPicker(guilds, self.guild_id), wait_for_dismiss=True)

    async def spectate(self, guild_id: int) -> None:
        """Watch ``guild_id`` from now on; the rows of the previous guild are let go."""
        if guild_id != self.guild_id:
            self.main.clear_rows()
            self._names_fetcher.reset()
        self.guild_id = guild_id
        self.main.status.guild_name = self.names.guild_name(guild_id)
        await self.connection.client.spectate(guild_id, self.settings.non_pool)
        self.fetch_names(guild_id)

    @work(exclusive=True, group="names", exit_on_error=False)
    async def fetch_names(self, guild_id: int) -> None:
        """Learn the guild's members, channels, roles and emoji, to show names for ids."""
        try:
            await self._names_fetcher.fetch_all(guild_id)
        except _SESSION_FAILURES as error:
            self.notify(f"Names could not be fetched: {error}", severity="warning", markup=False)

    @work(exclusive=True, group="wanted-names", exit_on_error=False)
    async def ask_for_names(self) -> None:
        """Ask the pools about ids that new rows show without a known name."""
        await self._names_fetcher.ask_for_wanted()

    @work(group="switch", exit_on_error=False)
    async def action_switch_guild(self) -> None:
        """Choose another guild to spectate."""
        if not self.names.guilds:
            self.notify("The guild list has not arrived yet.", severity="warning")
            return
        guild_id = await self._pick_guild()
        if guild_id is not None and guild_id != self.guild_id:
            try:
                await self.spectate(guild_id)
            except _SESSION_FAILURES as error:
                self.notify(f"Could not spectate: {error}", severity="error", markup=False)

    # Events -------------------------------------------------------------------------------------

    def on_gateway_events(self, message: GatewayEvents) -> None:
        started = time.perf_counter()
        try:
            self._handle_events(message)
        finally:
            self._ui_seconds += time.perf_counter() - started

    def _handle_events(self, message: GatewayEvents) -> None:
        main = self.main
        if not main.is_mounted:  # the app is shutting down
            return
        rows: list[LogPoolEvent] = []
        for event in message.events:
            if isinstance(event, LogPoolEvent):
                if event.guild_id == self.guild_id:
                    rows.append(event)
                    if event.action.problems:
                        main.status.malformed += 1
            elif isinstance(event, StateChanged):
                main.status.state = event.state
                if event.state.phase is Phase.SPECTATING:
                    main.status.guild_name = self.names.guild_name(event.state.guild_id)
            elif isinstance(event, GatewayError):
                self.notify(event.text, title="Gateway error", severity="error", markup=False)
            elif isinstance(event, MalformedEvent):
                self._malformed(event)
        if rows:
            self._names_fetcher.note(rows)
            main.add_actions(rows, self.clock())

    def _malformed(self, event: MalformedEvent) -> None:
        self.malformed.append(event)
        del self.malformed[:-1000]
        status = self.main.status
        if not status.malformed:
            self.notify(
                f"A malformed {event.event} event arrived: {event.reason}",
                title="Malformed event (counted in the status bar)",
                severity="warning",
                markup=False,
            )
        status.malformed += 1

    def _names_learnt(self) -> None:
        self.post_message(NamesLearnt())

    def on_names_learnt(self) -> None:
        self.main.table.names_changed()
        if self.guild_id is not None:
            self.main.status.guild_name = self.names.guild_name(self.guild_id)

    # Actions ------------------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Switch guild", "Spectate another guild", self.action_switch_guild)
        yield SystemCommand("Help", "Keys and the filter language", self.action_help)

    def action_help(self) -> None:
        sections = [
            ("Log table", [*MainScreen.BINDINGS, *LogTable.BINDINGS]),
            ("Everywhere", self.BINDINGS),
        ]
        self.push_screen(HelpScreen(sections))

    async def action_quit(self) -> None:
        self.exit()

    async def on_unmount(self) -> None:
        """However the app ends, close the socket and stop the embedded stand-in."""
        await self.connection.close()


_TOKEN_HINT = (
    "Check the token: the `token` or `token_file` key of the config file (archit-tui config "
    "path), or $ARCHIT_TUI_TOKEN. Tokens expire; get a new one from archit.us."
)
_RETRY_HINT = "The connection may recover; Retry starts again from the connection."


def _connect_hint(settings: Settings) -> str:
    if settings.demo:
        return "The embedded stand-in gateway could not be reached; Retry starts it again."
    return (
        f"Check gateway_url in {settings.config_path}, or pass --url. "
        "Retry tries again; the app also reconnects by itself once connected."
    )
