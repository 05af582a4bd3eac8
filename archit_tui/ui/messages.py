"""Messages the app's workers post to the UI."""

from __future__ import annotations

from textual.message import Message

from archit_tui.gateway.events import GatewayEvent


class GatewayEvents(Message):
    """A batch of everything the gateway client reported since the previous batch."""

    def __init__(self, events: list[GatewayEvent]) -> None:
        super().__init__()
        self.events = events


class NamesLearnt(Message):
    """Pool replies brought names: redraw rows with them."""
