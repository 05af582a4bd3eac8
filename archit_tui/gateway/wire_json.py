"""Fast, lossless JSON for Socket.IO packets.

orjson decodes several times faster than the standard library, which is what a busy log stream
spends most of its time on. ``NaN`` and ``Infinity``, which orjson refuses, go to the standard
library. orjson reads integers beyond 64 bits as floats; no id can be that large (such a value
is reported as out of range either way), and the payload's own text is kept (`WireText`), so
what is stored and shown is exactly what arrived. A packet that no decoder can read is not
dropped: it is handed on as `UndecodableJSON`, under its event name when that can be seen, so
that the client reports it as a malformed event.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import orjson
from socketio.packet import Packet

_EVENT_NAME = re.compile(r'\s*\[\s*"((?:[^"\\]|\\.){1,200})"')


class WireText(str):
    """The payload of an event exactly as it crossed the wire (a JSON text).

    `loads` appends it after the decoded arguments of a one-payload event, so that the client
    can keep what it received without encoding it again.
    """

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class UndecodableJSON:
    """The payload of a packet that is not valid JSON."""

    text: str
    reason: str


def loads(text: str | bytes) -> Any:
    """Decode one packet's JSON; a one-payload event gets its payload's text appended."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    decoded = _decode(text)
    if type(decoded) is list and len(decoded) == 2 and type(decoded[0]) is str:
        prefix = f'["{decoded[0]}",'
        if text.startswith(prefix) and text.endswith("]"):
            decoded.append(WireText(text[len(prefix) : -1]))
    return decoded


def _decode(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        reason = f"not valid JSON ({error})"
        named = _EVENT_NAME.match(text)
        if named is None:
            return ["(undecodable packet)", UndecodableJSON(text, reason)]
        return [json.loads(f'"{named.group(1)}"'), UndecodableJSON(text, reason)]


def dumps(value: Any, separators: tuple[str, str] | None = None, **_: Any) -> str:
    """Encode compactly; falls back to the standard library for what orjson refuses."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:  # integers beyond 64 bits, and the like
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class _WireJSON:
    """The module-like object python-socketio calls ``json``."""

    loads = staticmethod(loads)
    dumps = staticmethod(dumps)


class FastPacket(Packet):
    """Socket.IO packets with `loads` / `dumps`, without changing the library's own class."""

    json = _WireJSON
