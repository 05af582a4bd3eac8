"""The chat column beside the log table: the chat pane, and the raw-event inspector under it.

Built the first time it is needed (shown, or a bot event arrives): the chat's modules (markdown,
emoji, pickers) then load, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.containers import Vertical

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from .inspector import EventInspector
    from .pane import ChatPane


class ChatColumn(Vertical):
    """Hidden until asked for; the inspector within it likewise."""

    DEFAULT_CSS = """
    ChatColumn > EventInspector { display: none; height: 45%; }
    ChatColumn.-inspecting > EventInspector { display: block; }
    """

    def __init__(
        self, build: Callable[[], tuple[ChatPane, EventInspector]], id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._build = build
        self._parts: tuple[ChatPane, EventInspector] | None = None
        self._mounting: AwaitMount | None = None

    @property
    def built(self) -> bool:
        return self._parts is not None

    @property
    def is_ready(self) -> bool:
        """Built and mounted: the pane can take events."""
        return self._parts is not None and self._mounting is None

    def _ensure(self) -> tuple[ChatPane, EventInspector]:
        if self._parts is None:
            self._parts = self._build()
            self._mounting = self.mount(*self._parts)
        return self._parts

    async def ready(self) -> None:
        """Build the chat if need be, and wait until it is on screen."""
        self._ensure()
        if self._mounting is not None:
            await self._mounting
            self._mounting = None

    @property
    def pane(self) -> ChatPane:
        """The chat pane (built now if it was not yet)."""
        return self._ensure()[0]

    @property
    def inspector(self) -> EventInspector:
        return self._ensure()[1]

    @property
    def inspecting(self) -> bool:
        return self.has_class("-inspecting")

    def toggle_inspector(self) -> None:
        """Show or hide the raw events under the chat."""
        self.toggle_class("-inspecting")
        if self.inspecting:
            self.inspector.focus()
