"""The gateway's size limit on one event, shared by the client and the stand-in."""

from __future__ import annotations

from archit_tui.protocol.json_values import JSON

from .wire_json import dumps

PAYLOAD_LIMIT = 1_000_000
"""Bytes of one event's payload, as compact JSON, that the gateway accepts.

It is Engine.IO's default ``max_http_buffer_size``, which the real python-socketio gateway
keeps: past it, that gateway drops the connection without a word. The client sends nothing
larger (a local 413 error says so instead); the stand-in answers larger events with an error.
"""


def payload_bytes(payload: JSON) -> int:
    """The size `PAYLOAD_LIMIT` measures: UTF-8 bytes of ``payload`` as compact JSON."""
    return len(dumps(payload).encode("utf-8"))


def too_big(event: str, size: int) -> str:
    """Why ``event`` of ``size`` bytes is refused, in plain words (client and stand-in)."""
    what = "the message" if event == "mock_user_event" else f"the {event} event"
    return f"{what} is {size:,} bytes, over the gateway's {PAYLOAD_LIMIT:,}-byte limit"
