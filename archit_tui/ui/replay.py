"""`archit-tui replay FILE`: a capture played back in the same UI, offline.

A mixin of `ArchitApp`. Records are read and parsed in chunks on a worker thread; each chunk
reaches the UI as one `GatewayEvents` batch, as live traffic does, so filters, sorting, detail
and gaps behave the same. The status bar says it is a replay, of which file.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from archit_tui.gateway.events import StateChanged
from archit_tui.gateway.state import ConnectionState, Phase
from archit_tui.protocol.models import LogPoolEvent

from .messages import GatewayEvents

if TYPE_CHECKING:
    from archit_tui.gateway.capture import CaptureRecord
    from archit_tui.gateway.capture_replay import CaptureReplay, ReplayBatch

    from .app import ArchitApp

RECORDS_PER_BATCH = 5_000


class ReplayMixin:
    """Playing a capture file, for `ArchitApp`."""

    replay_path: Path | None = None
    """The capture being played back; None when the app talks to a gateway."""

    @work(group="replay", exit_on_error=False)
    async def replay_capture(self: ArchitApp) -> None:  # type: ignore[misc]
        """Read the whole capture into the UI, a batch at a time, then say what was read."""
        # Loaded here: the capture reader brings the socket libraries (not needed to start).
        from archit_tui.gateway.capture import CaptureError, read_capture
        from archit_tui.gateway.capture_replay import CaptureReplay

        assert self.replay_path is not None
        path = self.replay_path
        self.main.status.state = ConnectionState(Phase.REPLAY, reason=f"{path.name}, reading")
        try:
            records = read_capture(path)
            replay = CaptureReplay()
            while batch := await asyncio.to_thread(_next_batch, records, replay):
                self._replayed(batch)
                await asyncio.sleep(0)  # let the screen draw and keys through
        except CaptureError as error:
            self.notify(str(error), title="Replay", severity="error", markup=False)
            return
        except OSError as error:
            self.notify(f"{path}: {error.strerror}", title="Replay", severity="error", markup=False)
            return
        held = len(self.store)
        self.main.status.state = ConnectionState(
            Phase.REPLAY, reason=f"{path.name}, {replay.records:,} records"
        )
        self.notify(
            f"Replayed {replay.records:,} records from {path}; {held:,} rows held.", markup=False
        )

    def _replayed(self: ArchitApp, batch: ReplayBatch) -> None:  # type: ignore[misc]
        if batch.entities:
            self.names.learn(batch.entities)
            self._names_learnt()
        if self.guild_id is None:
            self.guild_id = _first_guild(batch)
            if self.guild_id is not None:
                self.main.status.guild_name = self.names.guild_name(self.guild_id)
        self.post_message(GatewayEvents(batch.events))


def _next_batch(
    records: Iterator[CaptureRecord | str], replay: CaptureReplay
) -> ReplayBatch | None:
    chunk = list(itertools.islice(records, RECORDS_PER_BATCH))
    return replay.play(chunk) if chunk else None


def _first_guild(batch: ReplayBatch) -> int | None:
    """The guild the capture spectated first: its first spectating state, or first row."""
    for event in batch.events:
        if isinstance(event, StateChanged) and event.state.phase is Phase.SPECTATING:
            if event.state.guild_id is not None:
                return event.state.guild_id
        if isinstance(event, LogPoolEvent):
            return event.guild_id
    return None
