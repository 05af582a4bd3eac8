"""A small real app hosting the chat pane and the inspector, talking to the real mock bot.

`ChatHarness` plays the part the main app plays: it allocates even message ids, records what it
"sends" in a `WireLog`, and answers with what the stand-in's `MockBot` answers, parsed by the
real parser. Nothing is mocked; there is simply no socket in between. Replies wait in
`ChatHarness.outbox` until `deliver` unless ``auto_reply`` is on.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.message import Message

import archit_tui.ui
from archit_tui.gateway.events import WireLog
from archit_tui.gateway.standin.mockbot import MockBot
from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.models import GatewayError, MalformedEvent, MockBotEvent
from archit_tui.protocol.parse import parse_error, parse_mock_bot_event
from archit_tui.protocol.requests import MockUserEvent, parse_mock_user_event
from archit_tui.ui.chat.inspector import EventInspector
from archit_tui.ui.chat.pane import ChatPane

MOCK_GUILD = 42
CHAT_START = 1_764_763_200.0
"""2025-12-03T12:00:00Z: the chat's clock starts here."""
APP_CSS = Path(archit_tui.ui.__file__).with_name("app.tcss")


@dataclass
class Clock:
    """A clock the test moves by hand."""

    now: float = CHAT_START

    def __call__(self) -> float:
        return self.now


@dataclass
class Names:
    """A `NameLookup` with a few known names."""

    members: dict[int, str] = field(default_factory=lambda: {214037134477230080: "alice"})
    channels: dict[int, str] = field(default_factory=lambda: {607637793107345433: "general"})
    roles: dict[int, str] = field(default_factory=lambda: {5: "Moderators"})

    def member_name(self, member_id: int) -> str | None:
        return self.members.get(member_id)

    def channel_name(self, channel_id: int) -> str | None:
        return self.channels.get(channel_id)

    def role_name(self, role_id: int) -> str | None:
        return self.roles.get(role_id)

    def emoji_name(self, emoji_id: int) -> str | None:
        return None


class ChatHarness(App[None]):
    """The chat pane beside the inspector, wired to a `MockBot` as the app wires the client."""

    CSS_PATH = APP_CSS

    def __init__(
        self,
        *,
        allowed: tuple[str, ...] | None = None,
        auto_reply: bool = True,
        max_content: int = 4_000,
    ) -> None:
        super().__init__()
        self.clock = Clock()
        self.wire = WireLog(200, stream_size=50)
        self.malformed: list[MalformedEvent] = []
        self.bot = MockBot(
            MOCK_GUILD,
            ["alice", "bob"],
            random.Random(3),
            now=lambda: datetime(2025, 12, 3, 12, tzinfo=timezone.utc),
        )
        self.auto_reply = auto_reply
        self.max_content = max_content
        self.outbox: list[tuple[str, JSON]] = []
        """Events the "gateway" will send back on `deliver`."""
        self.posted: list[Message] = []
        """Every `ChatPane` request, in order."""
        self.next_id = 0
        self.pane = ChatPane(
            mock_guild_id=MOCK_GUILD,
            allowed_commands=allowed,
            names=Names(),
            clock=self.clock,
            id="chat",
            tz=timezone.utc,
            reply_timeout=10,
        )
        self.inspector = EventInspector(self.wire, lambda: self.malformed, id="inspector")

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield self.pane
            yield self.inspector

    def on_mount(self) -> None:
        self.pane.composer.focus()

    # What the app does with the pane's requests ---------------------------------------------------

    def on_chat_pane_send_requested(self, request: ChatPane.SendRequested) -> None:
        self.posted.append(request)
        message_id, self.next_id = self.next_id, self.next_id + 2
        payload: dict[str, JSON] = {
            "guild_id": MOCK_GUILD,
            "content": request.content,
            "message_id": message_id,
        }
        if self.pane.allowed_commands is not None:
            payload["allowed_commands"] = list(self.pane.allowed_commands)
        if request.silent:
            payload["silent"] = True
        self.pane.user_sent(message_id, request.content, request.silent)
        self._send(payload, message_id)

    def on_chat_pane_reaction_requested(self, request: ChatPane.ReactionRequested) -> None:
        self.posted.append(request)
        key = "added_reactions" if request.add else "removed_reacions"
        payload: dict[str, JSON] = {
            "guild_id": MOCK_GUILD,
            "message_id": request.message_id,
            key: [request.emoji],
        }
        self._send(payload, request.message_id)

    def on_chat_pane_allowed_commands_changed(
        self, message: ChatPane.AllowedCommandsChanged
    ) -> None:
        self.posted.append(message)

    def _send(self, payload: dict[str, JSON], message_id: int) -> None:
        self.wire.add("out", "mock_user_event", payload)
        event = parse_mock_user_event(payload)
        assert isinstance(event, MockUserEvent), event
        if event.content is not None and len(event.content) > self.max_content:
            self.outbox.append(
                ("error", _too_long(len(event.content), self.max_content, message_id))
            )
        else:
            self.outbox.extend(("mock_bot_event", reply) for reply in self.bot.handle(event))
        if self.auto_reply:
            self.deliver()

    # What the "gateway" sends back ----------------------------------------------------------------

    def deliver(self) -> None:
        """Hand the pane everything waiting in the outbox, as the app would."""
        outbox, self.outbox = self.outbox, []
        for event, payload in outbox:
            self.receive(event, payload)

    def receive(self, event: str, payload: JSON) -> None:
        """One incoming event: recorded, parsed, and given to the pane (malformed: kept)."""
        self.wire.add("in", event, payload)
        parsed = parse_error(payload) if event == "error" else parse_mock_bot_event(payload)
        if isinstance(parsed, MalformedEvent):
            self.malformed.append(parsed)
        elif isinstance(parsed, MockBotEvent):
            self.pane.apply_bot_event(parsed)
        elif isinstance(parsed, GatewayError):
            self.pane.show_error(parsed)


def _too_long(length: int, limit: int, message_id: int) -> JSON:
    """The error the stand-in gateway sends for an oversized message (its exact shape)."""
    human = f"the message is {length} characters long; the limit is {limit}"
    return {
        "message": f"mock_user_event: {human}",
        "human": human,
        "details": None,
        "context": ["mock_user_event", message_id],
        "code": 413,
    }


def shown(app: ChatHarness, message_id: int) -> str:
    """The text the transcript shows for ``message_id`` (all of it, even off screen)."""
    view = app.pane.transcript.view(message_id)
    assert view is not None, f"message {message_id} is not shown"
    content = view.content
    return content.plain if hasattr(content, "plain") else str(content)


def message_ids(app: ChatHarness) -> list[int]:
    """The ids of the messages shown, top to bottom."""
    return [view.message_id for view in app.pane.transcript.query("MessageView")]
