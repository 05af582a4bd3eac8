"""Reading a client's event stream in tests: wait for a condition, never for a fixed time."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from archit_tui.gateway.client import GatewayClient
from archit_tui.gateway.events import GatewayEvent, StateChanged
from archit_tui.gateway.state import Phase


class EventLog:
    """Everything a client reported, gathered as the test waits."""

    def __init__(self, client: GatewayClient) -> None:
        self.client = client
        self.events: list[GatewayEvent] = []

    def of_type(self, kind: type) -> list:
        return [event for event in self.events if isinstance(event, kind)]

    @property
    def phases(self) -> list[Phase]:
        return [event.state.phase for event in self.events if isinstance(event, StateChanged)]

    async def wait_for(
        self, condition: Callable[[EventLog], bool], timeout: float = 10.0, what: str = ""
    ) -> None:
        """Pull batches until ``condition(self)`` holds; fail after ``timeout`` seconds."""

        async def pull() -> None:
            while not condition(self):
                self.events.extend(await self.client.events.next_batch())

        try:
            await asyncio.wait_for(pull(), timeout)
        except TimeoutError:
            raise AssertionError(
                f"timed out waiting for {what or condition}; got {len(self.events)} events, "
                f"phases {[p.value for p in self.phases]}"
            ) from None

    def drain(self) -> None:
        self.events.extend(self.client.events.drain())
