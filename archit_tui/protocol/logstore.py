"""The log actions held in memory, as compact parallel columns.

Rows are kept in arrival order and named by a *sequence number* (``seq``) that never changes;
beyond ``max_actions`` the oldest rows are dropped and ``first_seq`` moves on. Each row keeps
the payload as received (compact JSON), so the detail pane can show it whatever was dropped
from the columns. Actions delivered twice (same hoar frost) are held once.
"""

from __future__ import annotations

import json
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .json_values import JSON
from .models import LogAction, LogPoolEvent
from .parse import parse_log_pool

TEXT_LIMIT = 2_000
"""Characters of a row's text kept for searching; the raw payload keeps everything."""

_ACTION_CACHE_SIZE = 2_048


@dataclass(frozen=True, slots=True)
class Added:
    """What one `ActionStore.add` did."""

    first_seq: int
    """The seq of the first row added (rows added are ``first_seq .. first_seq + count - 1``)."""
    count: int
    duplicates: int
    """Actions skipped because a row with the same id is held."""
    dropped: int
    """Oldest rows dropped to stay within ``max_actions``."""


class ActionStore:
    """Held log actions: columns for filtering and sorting, the raw payload for detail."""

    def __init__(self, max_actions: int) -> None:
        self.max_actions = max_actions
        self.first_seq = 0
        """The seq of the oldest row held."""
        self.dropped = 0
        """Rows dropped so far to stay within ``max_actions``."""
        self.duplicates = 0
        """Deliveries skipped so far because the action was already held."""
        self.ids = array("Q")
        self.times = array("q")
        """Unix milliseconds."""
        self.numbers = array("q")
        self.agents = array("Q")
        """0 where the action names no agent; likewise subjects and channels."""
        self.subjects = array("Q")
        self.channels = array("Q")
        self.texts: list[str] = []
        """Lower-cased searchable text of each row."""
        self.flagged = bytearray()
        """1 where the action had fields that could not be used (see `LogAction.problems`)."""
        self._raws: list[bytes] = []
        """Each payload as JSON text in UTF-8 (compact whatever the script)."""
        self._held_ids: set[int] = set()
        self._actions: OrderedDict[int, LogAction] = OrderedDict()

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def end_seq(self) -> int:
        """The seq the next row added will get."""
        return self.first_seq + len(self.ids)

    def index(self, seq: int) -> int:
        """Column index of ``seq``; raises `KeyError` if it is not held (dropped or not yet)."""
        index = seq - self.first_seq
        if not 0 <= index < len(self.ids):
            raise KeyError(seq)
        return index

    def holds(self, seq: int) -> bool:
        return 0 <= seq - self.first_seq < len(self.ids)

    def add(self, events: Iterable[LogPoolEvent]) -> Added:
        """Append ``events`` (duplicates skipped), then drop the oldest beyond ``max_actions``."""
        first = self.end_seq
        duplicates = 0
        held = self._held_ids
        actions = self._actions
        for event in events:
            action = event.action
            if action.id in held:
                duplicates += 1
                continue
            held.add(action.id)
            self.ids.append(action.id)
            self.times.append(action.timestamp_ms)
            self.numbers.append(action.action_number)
            self.agents.append(action.agent_id or 0)
            self.subjects.append(action.subject_id or 0)
            self.channels.append(action.channel_id or 0)
            self.texts.append(searchable_text(action))
            self.flagged.append(1 if action.problems else 0)
            text = event.raw_text
            if text is None:
                text = json.dumps(event.raw, separators=(",", ":"), ensure_ascii=False)
            self._raws.append(text.encode())
            actions[self.end_seq - 1] = action
        count = self.end_seq - first
        while len(actions) > _ACTION_CACHE_SIZE:
            actions.popitem(last=False)
        self.duplicates += duplicates
        dropped = self._drop_oldest(len(self.ids) - self.max_actions)
        return Added(first, count, duplicates, dropped)

    def _drop_oldest(self, count: int) -> int:
        if count <= 0:
            return 0
        self._held_ids.difference_update(self.ids[:count])
        for column in (
            self.ids,
            self.times,
            self.numbers,
            self.agents,
            self.subjects,
            self.channels,
        ):
            del column[:count]
        del self.texts[:count]
        del self.flagged[:count]
        del self._raws[:count]
        self.first_seq += count
        self.dropped += count
        return count

    def clear(self) -> None:
        """Forget every row (a new guild is being spectated); seqs keep counting up."""
        self._drop_oldest(len(self.ids))
        self._actions.clear()
        self.dropped = self.duplicates = 0  # those counted the previous guild's rows

    def raw(self, seq: int) -> JSON:
        """The payload of ``seq`` exactly as received."""
        return json.loads(self._raws[self.index(seq)])

    def raw_text(self, seq: int) -> str:
        """The payload of ``seq`` as received (JSON text)."""
        return self._raws[self.index(seq)].decode()

    def action(self, seq: int) -> LogAction:
        """The parsed action of ``seq`` (re-read from its payload, with a small cache)."""
        cached = self._actions.get(seq)
        if cached is not None:
            self._actions.move_to_end(seq)
            return cached
        event = parse_log_pool(self.raw(seq))
        if not isinstance(event, LogPoolEvent):  # held rows were parsed once already
            raise AssertionError(f"held row {seq} no longer parses: {event.reason}")
        self._actions[seq] = event.action
        if len(self._actions) > _ACTION_CACHE_SIZE:
            self._actions.popitem(last=False)
        return event.action


def searchable_text(action: LogAction) -> str:
    """The lower-cased text a free-word filter searches: content, reason, text in old_data."""
    parts = [action.content or "", action.reason or ""]
    _collect_strings(action.old_data, parts, depth=2)
    text = "\n".join(part for part in parts if part)
    return text[:TEXT_LIMIT].lower()


def _collect_strings(value: Any, into: list[str], depth: int) -> None:
    if isinstance(value, str):
        into.append(value)
    elif depth > 0 and isinstance(value, Mapping):
        for item in list(value.values())[:20]:
            _collect_strings(item, into, depth - 1)
    elif depth > 0 and isinstance(value, list):
        for item in value[:20]:
            _collect_strings(item, into, depth - 1)
