"""The mock chat's side of the app: send what the pane asks for, hand it what the bot says.

A mixin of `ArchitApp`, like `archit_tui.ui.session`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from archit_tui.protocol.chat import is_chat_error
from archit_tui.protocol.models import GatewayError, MockBotEvent

from .chat.pane import ChatPane
from .session import SESSION_FAILURES

if TYPE_CHECKING:
    from .app import ArchitApp


class ChatMixin:
    """Chat messages between the chat pane and the gateway client, for `ArchitApp`."""

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
        """Give the chat pane a bot event, or an error about the chat; False if not its own."""
        pane = self.main.chat.pane
        if isinstance(event, MockBotEvent):
            pane.apply_bot_event(event)
            return True
        if is_chat_error(event):
            pane.show_error(event)
            return True
        return False
