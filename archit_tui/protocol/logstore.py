"""The log actions held in memory, as compact parallel columns.

Rows are kept in arrival order and named by a *sequence number* (``seq``) that never changes;
beyond ``max_actions`` the oldest rows are dropped and ``first_seq`` moves on. Each row keeps
the payload as received (compact JSON), so the detail pane can show it whatever was dropped
from the columns. Actions delivered twice (same hoar frost) are held once.
"""

from __future__ import annotations

import itertools
import json
import operator
from array import array
from collections import OrderedDict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .json_values import JSON
from .models import LogAction, LogPoolEvent
from .parse import parse_log_pool
from .rawstore import RawStore

_ACTION = operator.attrgetter("action")
_ID = operator.attrgetter("id")
_TIMESTAMP = operator.attrgetter("timestamp_ms")
_NUMBER = operator.attrgetter("action_number")
_RAW_TEXT = operator.attrgetter("raw_text")

DEDUPE_WINDOW = 30_000
"""An action is held once if delivered again within this many newer actions (a reconnect
replays the last moments, not the day)."""

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
    """Held log actions: columns for filtering and sorting, the raw payload for detail.

    Actions delivered again (same hoar frost) within `DEDUPE_WINDOW` newer ones are held once.
    """

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
        self._texts: list[str] = []
        self._unindexed: deque[LogAction] = deque()
        """Actions whose searchable text is not made yet (the newest rows, oldest first)."""
        self.flagged = bytearray()
        """1 where the action had fields that could not be used (see `LogAction.problems`)."""
        self._raws = RawStore()
        """Each payload as JSON text, compressed in chunks when idle."""
        self._recent_ids: set[int] = set()
        self._recent_order: deque[int] = deque()
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
        """Append ``events`` (duplicates skipped), then drop the oldest beyond ``max_actions``.

        Column by column over the batch: a busy guild adds thousands of rows per call.
        """
        first = self.end_seq
        batch = events if isinstance(events, list) else list(events)
        batch_actions = list(map(_ACTION, batch))
        ids = list(map(_ID, batch_actions))
        recent, order = self._recent_ids, self._recent_order
        fresh: list[LogPoolEvent] | None = None
        if recent.isdisjoint(ids):  # the usual case, checked and added at C speed
            before = len(recent)
            recent.update(ids)
            if len(recent) - before == len(ids):
                fresh = batch
                order.extend(ids)
            else:  # the batch repeats itself: undo, and go one by one
                recent.difference_update(ids)
        if fresh is None:
            fresh = []
            for event, action_id in zip(batch, ids, strict=True):
                if action_id not in recent:
                    recent.add(action_id)
                    order.append(action_id)
                    fresh.append(event)
        duplicates = len(batch) - len(fresh)
        excess = len(order) - DEDUPE_WINDOW
        if excess > 0:
            recent.difference_update(itertools.islice(order, excess))
            self._recent_order = order = deque(itertools.islice(order, excess, None))
        actions = batch_actions if fresh is batch else list(map(_ACTION, fresh))
        # `fromlist` fills an array twice as fast as `extend` does from a list or an iterator.
        self.ids.fromlist(ids if fresh is batch else list(map(_ID, actions)))
        self.times.fromlist(list(map(_TIMESTAMP, actions)))
        self.numbers.fromlist(list(map(_NUMBER, actions)))
        self.agents.fromlist([action.agent_id or 0 for action in actions])
        self.subjects.fromlist([action.subject_id or 0 for action in actions])
        self.channels.fromlist([action.channel_id or 0 for action in actions])
        self._unindexed.extend(actions)
        self.flagged.extend([1 if action.problems else 0 for action in actions])
        self._raws.extend(first, wire_texts(fresh))
        recent = self._actions
        newest = max(len(actions) - _ACTION_CACHE_SIZE, 0)
        for offset in range(newest, len(actions)):
            recent[first + offset] = actions[offset]
        while len(recent) > _ACTION_CACHE_SIZE:
            recent.popitem(last=False)
        self.duplicates += duplicates
        dropped = self._drop_oldest(len(self.ids) - self.max_actions)
        return Added(first, len(actions), duplicates, dropped)

    def _drop_oldest(self, count: int) -> int:
        if count <= 0:
            return 0
        for column in (
            self.ids,
            self.times,
            self.numbers,
            self.agents,
            self.subjects,
            self.channels,
        ):
            del column[:count]
        indexed = len(self._texts)
        del self._texts[:count]
        for _ in range(max(count - indexed, 0)):
            self._unindexed.popleft()
        del self.flagged[:count]
        self._raws.drop_before(self.first_seq + count)
        self.first_seq += count
        self.dropped += count
        return count

    def clear(self) -> None:
        """Forget every row (a new guild is being spectated); seqs keep counting up."""
        self._drop_oldest(len(self.ids))
        self._actions.clear()
        self._unindexed.clear()
        self._recent_ids.clear()
        self._recent_order.clear()
        self.dropped = self.duplicates = 0  # those counted the previous guild's rows

    @property
    def texts(self) -> list[str]:
        """Lower-cased searchable text of each row (made now for rows not indexed yet)."""
        if self._unindexed:
            self.index_texts(len(self._unindexed))
        return self._texts

    def index_texts(self, limit: int = 50_000) -> int:
        """Make the searchable text of up to ``limit`` more rows; how many are left.

        Adding rows leaves this for later, so that a burst is held (and shown) at once; the app
        calls it when idle, and `texts` finishes it when a filter needs it.
        """
        pending = self._unindexed
        take = min(limit, len(pending))
        self._texts.extend([searchable_text(pending.popleft()) for _ in range(take)])
        return len(pending)

    def compact(self, limit: int = 8) -> int:
        """Compress up to ``limit`` full chunks of payloads (call when idle); how many were."""
        return self._raws.compact(limit)

    def raw(self, seq: int) -> JSON:
        """The payload of ``seq`` exactly as received."""
        self.index(seq)
        return json.loads(self._raws.get(seq))

    def raw_text(self, seq: int) -> str:
        """The payload of ``seq`` as received (JSON text)."""
        self.index(seq)
        return self._raws.get(seq)

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


def wire_texts(events: list[LogPoolEvent]) -> list[str]:
    """Each event's payload as JSON text: as received, or written anew where none was kept."""
    texts: list[str | None] = list(map(_RAW_TEXT, events))
    if not all(texts):  # (much quicker than `None in texts`)
        for index, event in enumerate(events):
            if not texts[index]:
                texts[index] = json.dumps(event.raw, separators=(",", ":"), ensure_ascii=False)
    return texts  # type: ignore[return-value]


def searchable_text(action: LogAction) -> str:
    """The lower-cased text a free-word filter searches: content, reason, text in old_data."""
    if action.old_data is None and action.reason is None:  # most messages: just the content
        content = action.content
        return content[:TEXT_LIMIT].lower() if content else ""
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
