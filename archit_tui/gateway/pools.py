"""Pool requests in flight: ``_id`` correlation, partial replies merged until ``finished``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from archit_tui.protocol.models import (
    Entity,
    EntityKind,
    GatewayError,
    MalformedEvent,
    PoolResponse,
)
from archit_tui.protocol.parse import parse_entity

from .errors import GatewayRequestError


@dataclass(frozen=True, slots=True)
class PoolResult:
    """Everything a pool request brought back."""

    kind: EntityKind
    entities: tuple[Entity, ...]
    nonexistent: tuple[int, ...] = ()
    """Ids the gateway said it does not know."""


@dataclass
class _Pending:
    kind: EntityKind
    future: asyncio.Future[PoolResult]
    entities: list[Entity] = field(default_factory=list)
    nonexistent: list[int] = field(default_factory=list)


class PoolRequests:
    """Tracks pool requests by ``_id`` and merges their replies."""

    def __init__(self, report: Callable[[MalformedEvent], None]) -> None:
        self._pending: dict[int, _Pending] = {}
        self._next_id = 1
        self._report = report

    def open(self, kind: EntityKind) -> tuple[int, asyncio.Future[PoolResult]]:
        """Allocate an ``_id`` for a new request and the future its result will arrive in."""
        request_id = self._next_id
        self._next_id += 1
        future: asyncio.Future[PoolResult] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = _Pending(kind, future)
        return request_id, future

    def forget(self, request_id: int) -> None:
        """Stop waiting for ``request_id`` (it timed out or was cancelled)."""
        self._pending.pop(request_id, None)

    def receive(self, response: PoolResponse, raw: object) -> None:
        """Merge one reply; resolve the request when it is ``finished``."""
        pending = self._pending.get(response.request_id)
        if pending is None:
            self._report(
                MalformedEvent(
                    "pool_response",
                    f"answers request {response.request_id}, which is not waiting for a reply",
                    raw,
                )
            )
            return
        for item in response.data:
            entity = parse_entity(pending.kind, item)
            if isinstance(entity, MalformedEvent):
                self._report(entity)
            else:
                pending.entities.append(entity)
        pending.nonexistent.extend(response.nonexistent)
        if response.finished:
            del self._pending[response.request_id]
            if not pending.future.done():
                pending.future.set_result(
                    PoolResult(pending.kind, tuple(pending.entities), tuple(pending.nonexistent))
                )

    def fail(self, request_id: int, error: GatewayError) -> bool:
        """Fail ``request_id`` with the gateway's error; False if no such request waits."""
        pending = self._pending.pop(request_id, None)
        if pending is None:
            return False
        if not pending.future.done():
            pending.future.set_exception(GatewayRequestError(error))
        return True

    def fail_all(self, error: BaseException) -> None:
        """Fail every waiting request (the connection went away)."""
        pending, self._pending = self._pending, {}
        for request in pending.values():
            if not request.future.done():
                request.future.set_exception(error)
