"""bytes_per_action: process memory growth per held action, against the JSON it came as."""

from __future__ import annotations

import gc
import os

from archit_tui.protocol.logstore import ActionStore

from .data import event_batches

_PAGE = os.sysconf("SC_PAGE_SIZE")


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * _PAGE


def measure(count: int) -> dict[str, float]:
    gc.collect()
    store = ActionStore(max_actions=count)
    json_bytes = 0
    before = resident_bytes()
    for batch in event_batches(count, batch=20_000):
        json_bytes += sum(len(event.raw_text.encode()) for event in batch)
        store.add(batch)
        del batch
        store.index_texts(count)  # as the app's housekeeping does while rows arrive
        while store.compact(limit=64):
            pass
    gc.collect()
    grown = resident_bytes() - before
    assert len(store) == count
    per_action = grown / count
    per_json = json_bytes / count
    return {"bytes_per_action": per_action, "json_bytes": per_json, "ratio": per_action / per_json}
