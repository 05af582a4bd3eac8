"""Incoming events over `PAYLOAD_LIMIT`: the stand-in answers them with an error (413).

The real gateway (python-socketio with Engine.IO's defaults) drops the connection without a
word when a client sends more than a megabyte; the stand-in reads up to `ENGINEIO_HARD_CAP`
and explains instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import engineio
from aiohttp import StreamReader, web

from archit_tui.protocol.json_values import JSON

from ..limits import PAYLOAD_LIMIT, payload_bytes, too_big

ENGINEIO_HARD_CAP = 16 * 1024 * 1024
"""Bytes of one incoming message beyond which Engine.IO closes the connection (not an error).

Far above `PAYLOAD_LIMIT`, so that an event over the limit is read and answered with a 413.
"""


@dataclass(frozen=True, slots=True)
class Oversized:
    """An incoming event over the limit, and what the error answering it names."""

    human: str
    request_id: int | None
    """The request's ``_id``, so that the client's waiter fails at once."""
    message_id: int | None
    """A chat message's ``message_id``, for the error's context."""


def oversized(event: str, args: tuple[JSON, ...]) -> Oversized | None:
    """The event's payload (``args``, as python-socketio hands them) if over the limit."""
    payload = args[0] if len(args) == 1 else list(args) if args else None
    size = payload_bytes(payload)
    if size <= PAYLOAD_LIMIT:
        return None
    return Oversized(
        too_big(event, size), int_field(payload, "_id"), int_field(payload, "message_id")
    )


def int_field(payload: JSON, key: str) -> int | None:
    """``payload[key]`` when the payload is an object and that field an integer, else None."""
    value = payload.get(key) if isinstance(payload, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class _WholeBody:
    """A request body whose ``read(n)`` returns all ``n`` bytes.

    Engine.IO reads a long-polling POST with one ``read(content_length)``; aiohttp's reader
    returns what has arrived so far, so a body of a few hundred kilobytes came in cut short,
    failed to decode and left the client waiting for ever.
    """

    def __init__(self, content: StreamReader) -> None:
        self._content = content

    async def read(self, length: int = -1) -> bytes:
        if length < 0:
            return await self._content.read()
        return await self._content.readexactly(length)


def read_whole_bodies(server: engineio.AsyncServer) -> None:
    """Make ``server`` (on aiohttp) read each long-polling POST whole."""
    translate = server._async["translate_request"]  # noqa: SLF001 - Engine.IO's driver table

    def translate_whole(request: web.Request) -> dict[str, Any]:
        environ = translate(request)
        environ["wsgi.input"] = _WholeBody(environ["wsgi.input"])
        return environ

    server._async = {**server._async, "translate_request": translate_whole}  # noqa: SLF001
