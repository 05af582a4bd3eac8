"""What the gateway client does with each event it receives (a mixin of `GatewayClient`).

Every event is recorded first (the raw inspector, and the capture file if there is one), then
parsed; whatever cannot be used becomes a `MalformedEvent` on the stream, never an exception.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.models import ElevationResult, GatewayError, MalformedEvent
from archit_tui.protocol.parse import (
    parse_deployed_elevation_return,
    parse_elevation_return,
    parse_error,
    parse_log_pool,
    parse_mock_bot_event,
    parse_pool_response,
)
from archit_tui.protocol.secret import Secret

from .capture import CaptureWriter
from .events import EventStream, WireLog
from .pools import PoolRequests
from .state import ConnectionState, Phase
from .wire_json import UndecodableJSON, WireText


class IncomingEvents:
    """The handlers `GatewayClient` registers on each socket."""

    events: EventStream
    wire: WireLog
    capture: CaptureWriter | None
    _clock: Callable[[], float]
    _pools: PoolRequests
    _elevation: asyncio.Future[ElevationResult] | None
    _spectating: tuple[int, bool] | None
    _token: Secret | None

    def _set_state(self, state: ConnectionState) -> None:
        raise NotImplementedError

    def _record_in(self, event: str, payload: JSON, text: str | None = None) -> None:
        """Keep a received event for the inspector, and in the capture file if there is one."""
        self.wire.add("in", event, payload)
        if self.capture is not None:
            self.capture.event(self._clock(), event, payload, text)

    def _receiver(self, event: str, handle: Callable[[JSON], None]) -> Callable[..., None]:
        """A Socket.IO handler: record the event, catch undecodable JSON, then ``handle``."""

        def receive(*args: JSON) -> None:
            if args and type(args[-1]) is WireText:
                args = args[:-1]
            payload = _one_payload(args)
            self._record_in(event, payload)
            if isinstance(payload, UndecodableJSON):
                self.events.put(MalformedEvent(event, payload.reason, payload.text))
            else:
                handle(payload)

        return receive

    def _receive_log_pool(self, *args: JSON) -> None:
        """``log_pool``, the busy one: its wire text is kept, so it is never encoded again."""
        text = args[-1] if len(args) == 2 and type(args[-1]) is WireText else None
        payload = args[0] if text is not None else _one_payload(args)
        self._record_in("log_pool", payload, text)
        if isinstance(payload, UndecodableJSON):
            self.events.put(MalformedEvent("log_pool", payload.reason, payload.text))
        else:
            self.events.put(parse_log_pool(payload, text))

    def _on_unknown_event(self, event: str, *args: JSON) -> None:
        reason = f"{event!r} is not an event this app knows"
        unknown = self._receiver(
            event, lambda payload: self.events.put(MalformedEvent(event, reason, payload))
        )
        unknown(*args)

    def _on_mock_bot_event(self, payload: JSON) -> None:
        self.events.put(parse_mock_bot_event(payload))

    def _on_error(self, payload: JSON) -> None:
        error = parse_error(payload)
        if isinstance(error, GatewayError):
            if error.request_id is not None and self._pools.fail(error.request_id, error):
                return
            if error.context[:1] == ("spectate",):
                self._spectate_refused(error)
        self.events.put(error)

    def _spectate_refused(self, error: GatewayError) -> None:
        """The gateway answered ``spectate`` with an error: say so instead of "spectating"."""
        self._spectating = None
        phase = Phase.ELEVATED if self._token is not None else Phase.CONNECTED
        self._set_state(ConnectionState(phase, reason=f"spectate refused: {error.text}"))

    def _on_pool_response(self, payload: JSON) -> None:
        response = parse_pool_response(payload)
        if isinstance(response, MalformedEvent):
            self.events.put(response)
        else:
            self._pools.receive(response, payload)

    def _on_elevation_return(self, payload: JSON) -> None:
        self._settle_elevation("request_elevation_return", payload, parse_elevation_return)

    def _on_deployed_elevation_return(self, payload: JSON) -> None:
        self._settle_elevation("elevation_return", payload, parse_deployed_elevation_return)

    def _settle_elevation(
        self, event: str, payload: JSON, parse: Callable[[JSON], ElevationResult | MalformedEvent]
    ) -> None:
        result = parse(payload)
        if isinstance(result, MalformedEvent):
            self.events.put(result)
            return
        waiter = self._elevation
        if waiter is None or waiter.done():
            self.events.put(MalformedEvent(event, "arrived without an elevation request", payload))
            return
        waiter.set_result(result)


def _one_payload(args: tuple[JSON, ...]) -> JSON:
    """The single payload of an event; several arguments are kept together as a list."""
    return args[0] if len(args) == 1 else list(args) if args else None
