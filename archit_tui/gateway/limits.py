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


def oversized_error(event: str, payload: dict[str, JSON], size: int) -> dict[str, JSON]:
    """The ``error`` payload (code 413) with which the client reports ``event`` as not sent."""
    human = f"{too_big(event, size)}; not sent"
    message_id, request_id = payload.get("message_id"), payload.get("_id")
    return {
        "message": f"{event}: {human}",
        "human": human,
        "details": None,
        "context": [event] if message_id is None else [event, message_id],
        "code": 413,
        **({"_id": request_id} if isinstance(request_id, int) else {}),
    }


def token_too_big(size: int) -> str:
    """Why an elevation request of ``size`` bytes is not sent (never quoting the token)."""
    return (
        f"the token is too large to send ({size:,} bytes; "
        f"the gateway takes at most {PAYLOAD_LIMIT:,})"
    )
