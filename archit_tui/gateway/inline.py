"""A Socket.IO client that handles each incoming message where it is read.

python-engineio starts a new asyncio task for every message, so that a slow handler cannot hold
up the socket. Ours are quick (parse and queue), and a busy guild sends thousands of messages a
second: one task each costs more than the handling, keeps the event loop's queue long (a key
press waits behind it) and lets messages overtake each other. Here messages are handled inline,
in arrival order. python-socketio is pinned below 6; the tests exercise this path throughout.
"""

from __future__ import annotations

from typing import Any

import engineio
import socketio
from engineio import packet

_SOCKETIO_DISCONNECT = "1"
"""A Socket.IO DISCONNECT packet's first character: the server closed our namespace."""


class _InlineEngineIO(engineio.AsyncClient):  # type: ignore[misc]
    async def _receive_packet(self, pkt: Any) -> None:
        if pkt.packet_type != packet.MESSAGE or _is_disconnect(pkt.data):
            # Handling a DISCONNECT closes the socket, which waits for the reading task: it
            # must run in a task of its own, as engineio does, not in the reading task.
            await super()._receive_packet(pkt)
            return
        handler = self.handlers.get("message")
        if handler is None:
            return
        try:
            await handler(pkt.data)
        except Exception:  # noqa: BLE001 - as engineio does: log, and keep reading
            self.logger.exception("message handler error")


class InlineClient(socketio.AsyncClient):  # type: ignore[misc]
    """`socketio.AsyncClient`, handling messages inline."""

    def _engineio_client_class(self) -> type[engineio.AsyncClient]:
        return _InlineEngineIO


def _is_disconnect(data: object) -> bool:
    return isinstance(data, str) and data.startswith(_SOCKETIO_DISCONNECT)
