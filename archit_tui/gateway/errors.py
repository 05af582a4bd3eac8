"""Gateway failures, each explained in plain words (and never carrying the token)."""

from __future__ import annotations

from archit_tui.protocol.models import GatewayError


class GatewayConnectError(ConnectionError):
    """The gateway could not be reached; the message says why and what to check."""


class GatewayTimeout(TimeoutError):
    """The gateway did not answer a request in time."""


class GatewayRequestError(RuntimeError):
    """The gateway answered a request with an ``error`` event."""

    def __init__(self, error: GatewayError) -> None:
        super().__init__(error.text)
        self.error = error


class GatewayNotConnected(ConnectionError):
    """A request was made while no connection is up."""


SESSION_FAILURES = (GatewayNotConnected, GatewayTimeout, GatewayRequestError)
"""What a request can fail with once connected (the connection went, or the gateway said no)."""
