"""The mock chat's side of the app: send what the pane asks for, hand it what the bot says.

A mixin of `ArchitApp`, like `archit_tui.ui.session`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from archit_tui.gateway.errors import SESSION_FAILURES
from archit_tui.protocol.chat import is_chat_error
from archit_tui.protocol.models import GatewayError, MockBotEvent

if TYPE_CHECKING:
    from .app import ArchitApp
    from .chat.pane import ChatPane


class ChatMixin:
    """Chat messages between the chat pane and the gateway client, for `ArchitApp`."""

    _chat_waiting: list[MockBotEvent | GatewayError]

    # Handlers by name: Textual's @on does not look into plain mixin classes.
    def on_chat_pane_send_requested(self: ArchitApp, message: ChatPane.SendRequested) -> None:
        self.send_chat(message.content, message.silent)

    def on_chat_pane_reaction_requested(
        self: ArchitApp, message: ChatPane.ReactionRequested
    ) -> None:
        self.send_reaction(message.message_id, message.emoji, message.add)

    @work(group="chat", exit_on_error=False)
    async def send_chat(self: ArchitApp, content: str, silent: bool) -> None:  # type: ignore[misc]
        pane = self.main.chat.pane
        try:
            message_id = await self.connection.client.send_message(
                self.settings.mock_guild_id, content, pane.allowed_commands, silent
            )
        except SESSION_FAILURES as error:
            self.notify(f"Not sent: {error}", title="Mock chat", severity="error", markup=False)
            return
        pane.user_sent(message_id, content, silent)

    @work(group="chat", exit_on_error=False)
    async def send_reaction(self: ArchitApp, message_id: int, emoji: str, add: bool) -> None:  # type: ignore[misc]
        client = self.connection.client
        guild_id = self.settings.mock_guild_id
        try:
            if add:
                await client.react(guild_id, message_id, emoji)
            else:
                await client.unreact(guild_id, message_id, emoji)
        except SESSION_FAILURES as error:
            self.notify(f"Not sent: {error}", title="Mock chat", severity="error", markup=False)

    def chat_event(self: ArchitApp, event: MockBotEvent | GatewayError) -> bool:  # type: ignore[misc]
        """Give the chat pane a bot event, or an error about the chat; False if not its own.

        The pane is built the first time it is needed; events wait, in order, until it is.
        """
        if not (isinstance(event, MockBotEvent) or is_chat_error(event)):
            return False
        chat = self.main.chat
        if chat.is_ready and not self._chat_waiting:
            _deliver(chat.pane, event)
        else:
            self._chat_waiting.append(event)
            if len(self._chat_waiting) == 1:
                self._open_chat_for_events()
        return True

    @work(group="chat-events", exit_on_error=False)
    async def _open_chat_for_events(self: ArchitApp) -> None:  # type: ignore[misc]
        chat = self.main.chat
        await chat.ready()
        waiting, self._chat_waiting = self._chat_waiting, []
        for event in waiting:
            _deliver(chat.pane, event)


def _deliver(pane: ChatPane, event: MockBotEvent | GatewayError) -> None:
    if isinstance(event, MockBotEvent):
        pane.apply_bot_event(event)
    else:
        pane.show_error(event)
