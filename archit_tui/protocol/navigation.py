"""Finding the next row of a kind in a view: moderation actions, an agent's actions, a time.

Pure functions over the `ActionStore` columns and a `RowView`, so that the UI's jump keys
(lnav's ``e``/``E`` for errors, here for moderation) are one scan each, tested without a screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import tzinfo

from .actions import ACTION_TYPES, Category
from .logstore import ActionStore
from .query.times import TimeError, parse_time
from .text import one_line
from .views import RowView

MODERATION_NUMBERS: frozenset[int] = frozenset(
    {t.number for t in ACTION_TYPES.values() if t.category is Category.MODERATION}
    | {
        t.number
        for t in ACTION_TYPES.values()
        if t.name in ("MESSAGE_DELETE", "MESSAGE_BULK_DELETE", "MEMBER_ROLE_UPDATE")
        or (t.category is Category.ROLE)
    }
)
"""What a moderator jumps between: bans, kicks, prunes, deleted messages, role changes."""

RowTest = Callable[[int], bool]
"""True for a store index that is wanted."""


def find_row(
    view: RowView, store: ActionStore, start: int | None, step: int, wanted: RowTest
) -> int | None:
    """The first position after ``start`` (before it, for ``step`` -1) whose row is wanted.

    ``start`` None begins at the end the step moves away from. The view's rows are read by
    seq; rows the store no longer holds are passed over.
    """
    count = len(view)
    position = (-1 if step > 0 else count) if start is None else start
    first_seq = store.first_seq
    held = len(store)
    while True:
        position += step
        if not 0 <= position < count:
            return None
        index = view.seq_at(position) - first_seq
        if 0 <= index < held and wanted(index):
            return position


def moderation(store: ActionStore) -> RowTest:
    numbers = store.numbers
    return lambda index: numbers[index] in MODERATION_NUMBERS


def by_agent(store: ActionStore, agent_id: int) -> RowTest:
    agents = store.agents
    return lambda index: agents[index] == agent_id


def at_or_after(store: ActionStore, unix_ms: int) -> RowTest:
    times = store.times
    return lambda index: times[index] >= unix_ms


def at_or_before(store: ActionStore, unix_ms: int) -> RowTest:
    times = store.times
    return lambda index: times[index] <= unix_ms


_RELATIVE = re.compile(r"(?P<sign>[+-])\s*(?P<amount>.+)")
GOTO_HINT = "try 14:05, 2026-12-03 14:05 or 10 minutes ago; +1h or -1d from the selected row"


def parse_goto(text: str, *, cursor_ms: int | None, now_ms: int, tz: tzinfo) -> int:
    """The time a "go to time" answer means, in Unix ms; raises `TimeError` in plain words.

    Everything ``before:``/``after:`` take (``14:05``, ``2026-12-03 14:05``, ``10m``), written
    out too (``10 minutes ago``), and a step from the selected row: ``+1h``, ``-1d``, ``+90s``.
    """
    words = text.strip().lower()
    relative = _RELATIVE.fullmatch(words)
    if relative is not None:
        amount = relative["amount"].replace(" ", "")
        try:
            step = now_ms - parse_time(amount, now_ms=now_ms, tz=tz)
        except TimeError:
            raise TimeError(f"{_quoted(text)} is not a step of time; {GOTO_HINT}") from None
        base = cursor_ms if cursor_ms is not None else now_ms
        return base + step if relative["sign"] == "+" else base - step
    if words.endswith(" ago"):
        words = words[: -len(" ago")].replace(" ", "")
    try:
        return parse_time(words if words else text, now_ms=now_ms, tz=tz)
    except TimeError:
        raise TimeError(f"{_quoted(text)} is not a time; {GOTO_HINT}") from None


def _quoted(answer: str) -> str:
    """An answer, quoted in a message: on one line and cut short."""
    return f"“{one_line(answer, 40)}”"
