"""The archit-tui app: connect, elevate, pick a guild and stream its log actions."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from archit_tui.config import Settings
from archit_tui.config.model import DEFAULT_THEME
from archit_tui.config.remembered import recall, remember
from archit_tui.gateway.events import StateChanged
from archit_tui.gateway.state import Phase
from archit_tui.protocol.gaps import GapWatch
from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.marks import Marks, marks_path
from archit_tui.protocol.models import GatewayError, LogPoolEvent, MalformedEvent, MockBotEvent
from archit_tui.protocol.names import NameBook

from .chat.column import ChatColumn
from .chat_session import ChatMixin
from .collector import QuietCollector
from .connection import Connection
from .keys import class_bindings, keymap
from .messages import GatewayEvents, NamesLearnt
from .names_fetcher import NamesFetcher
from .palette import main_screen_commands
from .replay import ReplayMixin
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .session import SessionMixin
from .widgets.log_table import LogTable
from .worker_failures import report_failure

if TYPE_CHECKING:
    from .chat.inspector import EventInspector
    from .chat.pane import ChatPane

FRAME_SECONDS = 1 / 30
"""The pump hands the UI one batch per frame at most, however fast events arrive."""
UI_SHARE = 0.06
"""Under a firehose, batches are spaced so that handling and drawing them takes at most about
this share of the time; the rest goes to receiving (and to keys, which never wait for it)."""
PAINT_OVERHEAD = 2.5
"""Screen updates cost about this many times the table's own row drawing (measured with
cProfile on a 50,000-action burst), so the pacing counts it."""
LONGEST_PAUSE = 0.5
EXIT_GRACE_SECONDS = 5.0


class ArchitApp(SessionMixin, ChatMixin, ReplayMixin, App[None]):
    """A terminal app for the Archit.us realtime gateway."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "archit-tui"
    BINDINGS = [
        Binding("g", "switch_guild", "Guild", id="switch_guild"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding(
            "f1",
            "toggle_keys",
            "Keys here",
            tooltip="The keys of the focused pane",
            id="toggle_keys",
        ),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),  # not rebindable
    ]

    def __init__(
        self,
        settings: Settings,
        connection: Connection,
        *,
        clock: Callable[[], float] = time.time,
        tz: tzinfo,
        warnings: tuple[str, ...] = (),
        replay: Path | None = None,
    ) -> None:
        super().__init__()
        self.replay_path = replay
        self.startup_warnings = warnings
        self.remember_choices = False
        """Recall and remember the theme chosen in the app (set when run from the command
        line; tests leave the user's state alone)."""
        self.handle_signals = False
        """Quit cleanly on SIGTERM and SIGHUP (set when run from the command line)."""
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
        self.gaps = GapWatch()
        self.collector = QuietCollector()
        self._chat_waiting = []
        self._ui_seconds = 0.0
        """Time spent handling batches since the pump last looked (it paces itself by it)."""
        self.malformed: list[MalformedEvent] = []
        """Malformed events received, newest last (kept for the raw inspector)."""
        self._names_fetcher = NamesFetcher(connection, self.names, self._names_learnt)
        self.keys_in_force: dict[str, str] = {}
        """Binding id -> its keys, for the bindings the preset or the config moved."""

    def now_ms(self) -> int:
        return int(self.clock() * 1000)

    @property
    def main(self) -> MainScreen:
        """The main screen (it exists from mount on)."""
        return self._main

    def on_mount(self) -> None:
        self.collector.start()
        self.set_interval(1.0, self.collector.tick)
        self._apply_theme()
        self._apply_keys()
        self._main = main = MainScreen(
            self.store,
            self.names,
            time_format=self.settings.time_format,
            now_ms=self.now_ms,
            tz=self.tz,
            demo=self.settings.demo,
            chat=self._chat_column(),
            marks=self._marks(),
            saved_filters=self.settings.filters,
            config_path=self.settings.config_path,
        )
        for warning in self.startup_warnings:
            self.notify(warning, title="Configuration", severity="warning", markup=False)
        self.install_screen(main, "main")
        self.push_screen("main")
        if self.handle_signals:
            self._quit_on_signals()
        self.call_after_refresh(self._go_online)

    def _apply_keys(self) -> None:
        bindings = class_bindings((ArchitApp, MainScreen, LogTable))
        chosen, warnings = keymap(self.settings.key_preset, self.settings.keys, bindings)
        self.set_keymap(chosen)
        self.keys_in_force = chosen
        for warning in warnings:
            self.notify(warning, title="Configuration", severity="warning", markup=False)

    def _apply_theme(self) -> None:
        """The configured theme, else the one last chosen (when remembering), else the default.

        From then on, a theme chosen in the app (``Ctrl+P``, "Change theme") is remembered.
        """
        chosen = self.settings.theme
        if chosen is None and self.remember_choices:
            chosen = recall("theme")
        theme = chosen or DEFAULT_THEME
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(f"Unknown theme {theme!r}; using the default.", markup=False)
        if self.remember_choices:
            self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        problem = remember("theme", theme.name)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def _marks(self) -> Marks:
        """Marks kept beside the capture being written or replayed, else for this run only."""
        capture = self.replay_path or self.settings.capture
        return Marks(marks_path(capture) if capture is not None else None)

    def _go_online(self) -> None:
        """After the first frame: load the network stack, then connect (or play a capture)."""
        if self.replay_path is not None:
            self.replay_capture()
            return
        self.connection.open()
        if self.connection.capture_problem:
            self.notify(
                self.connection.capture_problem, title="Capture", severity="error", markup=False
            )
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
            drawing = self.main.table.take_render_seconds() * PAINT_OVERHEAD
            ui_seconds = self._ui_seconds + drawing
            self._ui_seconds = 0.0
            await asyncio.sleep(min(max(ui_seconds / UI_SHARE, FRAME_SECONDS), LONGEST_PAUSE))

    def _chat_column(self) -> ChatColumn:
        return ChatColumn(self._build_chat, id="chat-column")

    def _build_chat(self) -> tuple[ChatPane, EventInspector]:
        from .chat.inspector import EventInspector
        from .chat.pane import ChatPane

        pane = ChatPane(
            mock_guild_id=self.settings.mock_guild_id,
            allowed_commands=self.settings.allowed_commands,
            names=self.names,
            clock=self.clock,
            tz=self.tz,
            id="chat",
        )
        inspector = EventInspector(
            self.connection.wire, lambda: self.malformed, id="inspector", tz=self.tz
        )
        return pane, inspector

    def _quit_on_signals(self) -> None:
        """SIGTERM and SIGHUP end the app as `q` does: terminal restored, socket closed.

        The handlers are plain signal handlers, not the event loop's: a terminal that stopped
        reading blocks the loop in a write, and the loop would never run them. Each starts a
        watchdog first (a hung-up terminal can block Textual's restore for ever), then asks
        the loop to exit; if the process is still here after a grace period, it leaves at once.
        """
        loop = asyncio.get_running_loop()

        def quit_for_signal(signum: int, frame: object) -> None:
            watchdog = threading.Timer(EXIT_GRACE_SECONDS, os._exit, (0,))
            watchdog.daemon = True
            watchdog.start()
            loop.call_soon_threadsafe(self.exit)

        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, quit_for_signal)

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
                if self.replay_path is None:
                    main.status.state = event.state
                if event.state.phase is Phase.SPECTATING:
                    main.status.guild_name = self.names.guild_name(event.state.guild_id)
                gap = self.state_changed(event.state, event.at or self.clock())
                if gap is not None:
                    rows.append(gap)
            elif isinstance(event, (MockBotEvent, GatewayError)):
                if not self.chat_event(event):
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
        if self.main.chat.built:
            self.main.chat.pane.names_changed()
        if self.guild_id is not None:
            self.main.status.guild_name = self.names.guild_name(self.guild_id)

    # Actions ------------------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if "screenshot" not in command.title.lower():  # it writes files where it likes
                yield command
        yield SystemCommand("Switch guild", "Spectate another guild", self.action_switch_guild)
        yield SystemCommand("Help", "Keys and the filter language", self.action_help)
        if screen is self.main:
            yield from main_screen_commands(self.main, self.keys_in_force)

    def action_help(self) -> None:
        from .chat.help import HELP_SECTIONS  # loaded with the chat, not at start-up

        def in_force(bindings: Iterable[BindingType]) -> list[BindingType]:
            moved = self.keys_in_force
            return [
                replace(binding, key=moved[binding.id])
                if isinstance(binding, Binding) and binding.id in moved
                else binding
                for binding in bindings
            ]

        sections = [
            ("Log table", in_force([*MainScreen.BINDINGS, *LogTable.BINDINGS])),
            ("Everywhere", in_force(self.BINDINGS)),
            *HELP_SECTIONS,
        ]
        self.push_screen(HelpScreen(sections))

    def action_toggle_keys(self) -> None:
        """Show (or hide) the keys of the focused pane beside it, as they change with focus."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    async def action_quit(self) -> None:
        self.exit()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.collector.note_input()
        await super().on_event(event)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker[object]) -> None:
        """Say that ``worker`` (the app's or a screen's) failed, and go on."""
        report_failure(self, worker, self.connection.token)

    async def on_unmount(self) -> None:
        """However the app ends, close the socket and stop the embedded stand-in."""
        self.collector.stop()
        await self.connection.close()
