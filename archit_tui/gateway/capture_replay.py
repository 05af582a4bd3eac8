"""A capture played back offline: its records turned into the events the client reported then.

`archit-tui replay FILE` feeds these to the same UI, without a socket. Pool replies become
names again (the pool requests sent say what kind of entity each reply holds), state records
become `StateChanged` so that gaps show where they were, and whatever cannot be read is
reported as a `MalformedEvent`, never skipped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archit_tui.protocol.models import (
    Entity,
    EntityKind,
    MalformedEvent,
    PoolResponse,
)
from archit_tui.protocol.parse import (
    parse_entity,
    parse_error,
    parse_log_pool,
    parse_mock_bot_event,
    parse_pool_response,
)
from archit_tui.protocol.requests import PoolRequest, parse_pool_request

from .capture import CaptureRecord
from .events import GatewayEvent, StateChanged
from .state import ConnectionState, Phase

_PHASES = {phase.value: phase for phase in Phase}


@dataclass
class ReplayBatch:
    """What some capture records amount to."""

    events: list[GatewayEvent] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    """Names to learn, from the pool replies."""


class CaptureReplay:
    """Turns capture records into events, in order; keeps what it needs across batches."""

    def __init__(self) -> None:
        self._pool_kinds: dict[int, EntityKind] = {}
        self.records = 0
        """Records read so far."""

    def play(self, records: list[CaptureRecord | str]) -> ReplayBatch:
        """The events and names in ``records`` (a sentence stands for an unusable line)."""
        batch = ReplayBatch()
        for record in records:
            self.records += 1
            if isinstance(record, str):
                batch.events.append(MalformedEvent("capture", record, None))
            elif record.state is not None:
                self._state(record, batch)
            elif record.sent is not None:
                self._sent(record)
            elif record.undecodable is not None:
                undecodable = record.undecodable
                batch.events.append(
                    MalformedEvent(record.event or "?", undecodable.reason, undecodable.text)
                )
            elif record.event is not None:
                self._received(record, batch)
        return batch

    def _state(self, record: CaptureRecord, batch: ReplayBatch) -> None:
        phase = _PHASES.get(record.state or "")
        if phase is None:
            reason = f"a state record names an unknown phase {record.state!r}"
            batch.events.append(MalformedEvent("capture", reason, record.state))
            return
        state = ConnectionState(phase, guild_id=record.guild_id, reason=record.reason)
        batch.events.append(StateChanged(state, record.at))

    def _sent(self, record: CaptureRecord) -> None:
        if record.sent in ("pool_request", "pool_all_request"):
            all_of_kind = record.sent == "pool_all_request"
            request = parse_pool_request(record.payload, all_of_kind=all_of_kind)
            if isinstance(request, PoolRequest):
                self._pool_kinds[request.request_id] = request.kind

    def _received(self, record: CaptureRecord, batch: ReplayBatch) -> None:
        event = record.event or ""
        if event == "log_pool":
            batch.events.append(parse_log_pool(record.payload, record.text))
        elif event == "mock_bot_event":
            batch.events.append(parse_mock_bot_event(record.payload))
        elif event == "pool_response":
            self._pool_reply(parse_pool_response(record.payload), record, batch)
        elif event == "error":  # history now: not shown again, unless it was malformed
            parsed = parse_error(record.payload)
            if isinstance(parsed, MalformedEvent):
                batch.events.append(parsed)

    def _pool_reply(
        self, reply: PoolResponse | MalformedEvent, record: CaptureRecord, batch: ReplayBatch
    ) -> None:
        if isinstance(reply, MalformedEvent):
            batch.events.append(reply)
            return
        kind = self._pool_kinds.get(reply.request_id)
        if kind is None:
            return  # answers a request from before the capture began: nothing says its kind
        if reply.finished:
            del self._pool_kinds[reply.request_id]
        for item in reply.data:
            entity = parse_entity(kind, item)
            if isinstance(entity, MalformedEvent):
                batch.events.append(entity)
            else:
                batch.entities.append(entity)
