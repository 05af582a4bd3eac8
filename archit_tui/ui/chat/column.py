"""The chat column beside the log table: the chat pane, and the raw-event inspector under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from .inspector import EventInspector
from .pane import ChatPane


class ChatColumn(Vertical):
    """Hidden until asked for; the inspector within it likewise."""

    DEFAULT_CSS = """
    ChatColumn > EventInspector { display: none; height: 45%; }
    ChatColumn.-inspecting > EventInspector { display: block; }
    """

    def __init__(self, pane: ChatPane, inspector: EventInspector, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pane = pane
        self.inspector = inspector

    def compose(self) -> ComposeResult:
        yield self.pane
        yield self.inspector

    @property
    def inspecting(self) -> bool:
        return self.has_class("-inspecting")

    def toggle_inspector(self) -> None:
        """Show or hide the raw events under the chat."""
        self.toggle_class("-inspecting")
        if self.inspecting:
            self.inspector.focus()
