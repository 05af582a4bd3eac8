"""Capture: every event received, appended to a JSON-lines file, so nothing received is lost.

Rows that ``max_actions`` drops from memory stay on disk, and `archit-tui replay FILE` (or the
stand-in's ``--replay``) plays a capture again. One record per line:

    {"at": 1733250000.123, "event": "log_pool", "payload": {...}}
    {"at": 1733250001.456, "event": "log_pool", "undecodable": "...", "reason": "not valid JSON"}
    {"at": 1733250002.789, "state": "reconnecting", "reason": "the gateway closed the connection"}

``at`` is Unix seconds. State records mark where the connection went and came back, so that a
replay shows the same gaps. Events sent are recorded as ``{"at", "sent", "payload"}`` (a replay
needs the pool requests to read their replies), except ``request_elevation``: the token never
reaches the disk.

Writes are buffered and flushed every `FLUSH_SECONDS` by a thread of the writer's own, so a
crash loses at most that much. Past `ROTATE_BYTES` the file is renamed ``FILE.1`` (``FILE.1``
to ``FILE.2``, ...; `KEEP_PARTS` are kept) and a new ``FILE`` is started.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from archit_tui.protocol.json_values import JSON

from .state import ConnectionState
from .wire_json import UndecodableJSON, dumps

ROTATE_BYTES = 64 * 1024 * 1024
"""A capture file is rotated once it holds this many bytes."""
KEEP_PARTS = 20
"""Rotated parts kept (``FILE.1`` is the newest); older ones are deleted."""
FLUSH_SECONDS = 0.5
"""Longest time a received event waits in memory before it is written out."""


class CaptureError(Exception):
    """The capture file cannot be opened or read; the message says which file and why."""


class CaptureWriter:
    """Appends received events to a capture file; safe to call from any thread."""

    def __init__(
        self,
        path: Path,
        *,
        rotate_bytes: int = ROTATE_BYTES,
        keep_parts: int = KEEP_PARTS,
    ) -> None:
        self.path = path
        self.rotate_bytes = rotate_bytes
        self.keep_parts = keep_parts
        self.records = 0
        """Records written so far."""
        self._lock = threading.Lock()
        self._file = _open_private(path)
        self._size = self._file.tell()
        self._closed = threading.Event()
        self._flusher = threading.Thread(
            target=self._flush_now_and_then, name="archit-tui capture", daemon=True
        )
        self._flusher.start()

    def event(self, at: float, event: str, payload: JSON, text: str | None = None) -> None:
        """Record one event received at ``at`` (Unix seconds); ``text`` is its payload as
        received, when known."""
        if isinstance(payload, UndecodableJSON):
            record = {"at": at, "event": event, "undecodable": payload.text}
            line = dumps({**record, "reason": payload.reason})
        else:
            body = text if text is not None else dumps(payload)
            line = f'{{"at":{at:.3f},"event":{dumps(event)},"payload":{body}}}'
        self._write(line)

    def sent(self, at: float, event: str, payload: JSON) -> None:
        """Record one event sent (pool requests, chat), so that a replay can read the replies.

        Never called for ``request_elevation``: the token must not reach the disk.
        """
        self._write(f'{{"at":{at:.3f},"sent":{dumps(event)},"payload":{dumps(payload)}}}')

    def state(self, at: float, state: ConnectionState) -> None:
        """Record that the connection moved to ``state`` at ``at``."""
        record: dict[str, JSON] = {"at": round(at, 3), "state": state.phase.value}
        if state.guild_id is not None:
            record["guild_id"] = str(state.guild_id)
        if state.reason:
            record["reason"] = state.reason
        self._write(dumps(record))

    def _write(self, line: str) -> None:
        with self._lock:
            if self._file.closed:
                return
            self._file.write(line)
            self._file.write("\n")
            self._size += len(line) + 1
            self.records += 1
            if self._size >= self.rotate_bytes:
                self._rotate()

    def _rotate(self) -> None:
        self._file.close()
        parts = [self.path.with_name(f"{self.path.name}.{n}") for n in range(self.keep_parts + 1)]
        parts[-1].unlink(missing_ok=True)
        for older, newer in zip(reversed(parts[1:]), reversed(parts[:-1]), strict=True):
            if newer.exists():
                newer.replace(older)
        self.path.replace(parts[1])
        self._file = _open_private(self.path)
        self._size = 0

    def flush(self) -> None:
        with self._lock:
            if not self._file.closed:
                self._file.flush()

    def _flush_now_and_then(self) -> None:
        while not self._closed.wait(FLUSH_SECONDS):
            self.flush()

    def close(self) -> None:
        """Write out what is buffered and close the file (again: nothing to do)."""
        self._closed.set()
        with self._lock:
            if not self._file.closed:
                self._file.close()


def _open_private(path: Path):  # noqa: ANN202 - a text file
    """Open ``path`` for appending, readable by its owner only (it holds a guild's logs)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError as error:
        raise CaptureError(f"Cannot write the capture file {path}: {error.strerror}") from None
    return os.fdopen(descriptor, "a", encoding="utf-8", buffering=1 << 16)


# Reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaptureRecord:
    """One line of a capture: a received event, or a change of the connection's state."""

    at: float
    event: str | None = None
    """The event's name; None for a state record."""
    payload: JSON = None
    text: str | None = None
    """The payload's JSON text (a received event)."""
    undecodable: UndecodableJSON | None = None
    """Set for a packet that was not valid JSON (``payload`` is then None)."""
    sent: str | None = None
    """The name of an event sent (``payload`` holds what was sent)."""
    state: str | None = None
    """The phase (a state record), e.g. ``"reconnecting"``."""
    guild_id: int | None = None
    reason: str | None = None


def capture_parts(path: Path) -> list[Path]:
    """``path`` and its rotated parts that exist, oldest first."""
    rotated = []
    for n in range(1, KEEP_PARTS * 10):
        part = path.with_name(f"{path.name}.{n}")
        if not part.exists():
            break
        rotated.append(part)
    return [*reversed(rotated), path]


def read_capture(path: Path) -> Iterator[CaptureRecord | str]:
    """The records of a capture (rotated parts first), or a sentence for each unusable line."""
    if not path.is_file():
        raise CaptureError(f"There is no capture file at {path}")
    for part in capture_parts(path):
        try:
            lines = part.open("rb")
        except OSError as error:
            raise CaptureError(f"Cannot read the capture file {part}: {error.strerror}") from None
        with lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield _record(line) or f"{part.name} line {number} is not a capture record"


def _record(line: bytes) -> CaptureRecord | None:
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        try:
            data = json.loads(line)
        except ValueError:
            return None
    if not isinstance(data, dict) or not isinstance(data.get("at"), (int, float)):
        return None
    at = float(data["at"])
    if isinstance(data.get("state"), str):
        guild = data.get("guild_id")
        reason = data.get("reason")
        return CaptureRecord(
            at,
            state=data["state"],
            guild_id=int(guild) if isinstance(guild, str) and guild.isdigit() else None,
            reason=reason if isinstance(reason, str) else None,
        )
    if isinstance(data.get("sent"), str):
        return CaptureRecord(at, sent=data["sent"], payload=data.get("payload"))
    event = data.get("event")
    if not isinstance(event, str):
        return None
    if "undecodable" in data:
        text, reason = data.get("undecodable"), data.get("reason")
        if not isinstance(text, str) or not isinstance(reason, str):
            return None
        return CaptureRecord(at, event, undecodable=UndecodableJSON(text, reason))
    if "payload" not in data:
        return None
    return CaptureRecord(at, event, data["payload"], text=_payload_text(line))


_PAYLOAD_KEY = b',"payload":'


def _payload_text(line: bytes) -> str | None:
    """The payload's text exactly as written (`CaptureWriter` puts it last), or None."""
    start = line.find(_PAYLOAD_KEY)
    end = line.rstrip().rfind(b"}")
    if start == -1 or end <= start:
        return None
    return line[start + len(_PAYLOAD_KEY) : end].decode("utf-8", errors="replace")
