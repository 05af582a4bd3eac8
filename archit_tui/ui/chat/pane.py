"""The mock-chat pane: talk to the Archit.us mock bot through ``mock_user_event``.

It never touches the network: it posts `ChatPane.SendRequested` and
`ChatPane.ReactionRequested` for the app to send, and the app hands it back what happened
(`user_sent`, `apply_bot_event`, `show_error`). It does no work for log events.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from archit_tui.gateway.standin.mockbot import ALL_COMMANDS
from archit_tui.protocol.chat import REPLY_TIMEOUT, ChatState
from archit_tui.protocol.mentions import NameLookup
from archit_tui.protocol.models import GatewayError, MockBotEvent
from archit_tui.protocol.text import one_line

from .composer import Composer
from .pickers import CommandsPicker, EmojiPicker
from .transcript import Transcript

EXPIRY_SECONDS = 0.5
"""How often pending messages are checked against the reply timeout."""


def commands_summary(allowed: tuple[str, ...] | None) -> str:
    """``all commands``, ``no commands`` or ``!help !poll …`` for the header."""
    if allowed is None:
        return "all commands"
    if not allowed:
        return "no commands"
    return one_line(" ".join(f"!{name}" for name in allowed), 60)


class ChatPane(Widget):
    """A Discord-like chat with the mock bot of one mock guild."""

    DEFAULT_CSS = """
    ChatPane { layout: vertical; width: 1fr; height: 1fr; }
    ChatPane > #chat-header { height: 1; width: 1fr; }
    ChatPane > Transcript { height: 1fr; }
    ChatPane > #chat-composer-row { height: auto; }
    ChatPane #chat-silent { width: auto; }
    ChatPane Composer { width: 1fr; height: auto; max-height: 8; }
    """
    BINDINGS = [
        Binding("ctrl+s", "toggle_silent", "Silent"),
        Binding("ctrl+r", "react", "React"),
        Binding("ctrl+o", "choose_commands", "Commands"),
    ]

    silent: reactive[bool] = reactive(False)
    """Whether the message being written is sent silently (the bot acts but does not reply)."""

    class SendRequested(Message):
        """Send ``content`` to the mock bot; the app then calls `ChatPane.user_sent`."""

        def __init__(self, content: str, silent: bool) -> None:
            super().__init__()
            self.content = content
            self.silent = silent

    class ReactionRequested(Message):
        """Add (or, with ``add`` False, remove) the user's reaction ``emoji`` on a message."""

        def __init__(self, message_id: int, emoji: str, add: bool) -> None:
            super().__init__()
            self.message_id = message_id
            self.emoji = emoji
            self.add = add

    class AllowedCommandsChanged(Message):
        """The user changed the allowed commands (None: all of them)."""

        def __init__(self, allowed: tuple[str, ...] | None) -> None:
            super().__init__()
            self.allowed = allowed

    def __init__(
        self,
        *,
        mock_guild_id: int,
        allowed_commands: tuple[str, ...] | None,
        names: NameLookup,
        clock: Callable[[], float],
        id: str | None = None,
        tz: tzinfo | None = None,
        reply_timeout: float = REPLY_TIMEOUT,
    ) -> None:
        super().__init__(id=id)
        self.mock_guild_id = mock_guild_id
        self.names = names
        self.clock = clock
        """Unix seconds now."""
        self.state = ChatState(reply_timeout=reply_timeout)
        self._allowed = allowed_commands
        self.header = Static(id="chat-header")
        self.silent_flag = Static(id="chat-silent")
        self.transcript = Transcript(self.state, names, tz, id="chat-transcript")
        self.composer = Composer(id="chat-composer")
        self.composer.commands = self._completions()

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.transcript
        with Horizontal(id="chat-composer-row"):
            yield self.silent_flag
            yield self.composer

    def on_mount(self) -> None:
        self._show_header()
        self._show_silent()
        self.set_interval(EXPIRY_SECONDS, self._expire)

    # What the app tells the pane ----------------------------------------------------------------

    @property
    def allowed_commands(self) -> tuple[str, ...] | None:
        """The commands sent as ``allowed_commands``; None allows all of the bot's."""
        return self._allowed

    @allowed_commands.setter
    def allowed_commands(self, allowed: tuple[str, ...] | None) -> None:
        self._allowed = None if allowed is None else tuple(allowed)
        self.composer.commands = self._completions()
        if self.is_mounted:
            self._show_header()

    def user_sent(self, message_id: int, content: str, silent: bool) -> None:
        """The app sent the user's message as ``message_id``: show it, waiting for the bot."""
        self.state.user_sent(message_id, content, silent, self.clock())
        self.transcript.redraw([message_id, message_id + 1])

    def apply_bot_event(self, event: MockBotEvent) -> None:
        """Show what the bot did (events for other guilds are not this chat's)."""
        if event.guild_id != self.mock_guild_id:
            return
        self.transcript.redraw(self.state.apply(event, self.clock()))

    def show_error(self, error: GatewayError) -> None:
        """Show an error at the message it concerns, or as a notice of its own."""
        self.transcript.redraw([self.state.error(error, self.clock())])

    def names_changed(self) -> None:
        """Names were learnt: show mentions with them."""
        self.transcript.redraw_all(only_mentions=True)

    # The user -----------------------------------------------------------------------------------

    @on(Composer.Submitted)
    def _submitted(self, event: Composer.Submitted) -> None:
        event.stop()
        self.post_message(self.SendRequested(event.text, self.silent))
        self.silent = False  # per message: the next one is heard again

    def action_toggle_silent(self) -> None:
        """Send the next message silently (or not)."""
        self.silent = not self.silent

    def watch_silent(self) -> None:
        self.set_class(self.silent, "-silent")
        if self.is_mounted:
            self._show_silent()
            self._show_header()

    def action_react(self) -> None:
        """React to the selected message (the newest when none is selected)."""
        target = self.transcript.target()
        if target is not None:
            self._pick_reaction(target)

    @on(Transcript.ReactWanted)
    def _react_wanted(self, event: Transcript.ReactWanted) -> None:
        event.stop()
        self._pick_reaction(event.message_id)

    def _pick_reaction(self, message_id: int) -> None:
        message = self.state.get(message_id)
        if message is None or message.author == "notice":
            return

        def chosen(emoji: str | None) -> None:
            if emoji is None:
                return
            toggle = self.state.user_toggled_reaction(message_id, emoji)
            if toggle is not None:
                self.transcript.redraw([message_id])
                self.post_message(self.ReactionRequested(message_id, emoji, toggle == "add"))

        self.app.push_screen(EmojiPicker(message_id, list(message.reactions)), chosen)

    def action_choose_commands(self) -> None:
        """Choose the commands the mock bot may run."""

        def chosen(allowed: tuple[str, ...] | None) -> None:
            if allowed is None:
                return
            everything = set(allowed) == set(ALL_COMMANDS)
            self.allowed_commands = None if everything else allowed
            self.post_message(self.AllowedCommandsChanged(self.allowed_commands))

        self.app.push_screen(CommandsPicker(self.allowed_commands), chosen)

    # Drawing ------------------------------------------------------------------------------------

    def _completions(self) -> tuple[str, ...]:
        return ALL_COMMANDS if self._allowed is None else self._allowed

    def _show_header(self) -> None:
        text = Text("Mock chat", style="bold")
        text.append(f" · guild {self.mock_guild_id} · {commands_summary(self._allowed)}")
        if self.silent:
            text.append(" · silent", style="bold")
        self.header.update(text)

    def _show_silent(self) -> None:
        self.silent_flag.update(Text("🔇 silent " if self.silent else "💬 "))

    def _expire(self) -> None:
        if self.state.has_pending():
            self.transcript.redraw(self.state.expire_pending(self.clock()))
