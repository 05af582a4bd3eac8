"""The text of each cell of a log-table row, and of times, as plain strings.

The UI styles them; everything here is one line, with controls made visible (see `text`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Literal

from .mentions import NameLookup
from .models import LogAction
from .snowflake import unix_ms_to_datetime
from .summary import summarize
from .text import one_line

TimeFormat = Literal["local", "utc", "relative"]
"""How the log tables show times: local clock, UTC, or "3m ago"."""
TIME_FORMATS: tuple[TimeFormat, ...] = ("local", "utc", "relative")
"""Every allowed time format, in the order messages list them."""

NAME_LIMIT = 64
"""Characters of a name kept in a cell."""


@dataclass(frozen=True, slots=True)
class RowCells:
    """The cells of one row, except time (which may change as the clock runs)."""

    type: str
    agent: str
    subject: str
    channel: str
    summary: str


def row_cells(action: LogAction, names: NameLookup) -> RowCells:
    """The cells of ``action``'s row, names resolved where ``names`` knows them."""
    return RowCells(
        type=action.type.name,
        agent=member_cell(action.agent_id, names),
        subject=subject_cell(action, names),
        channel=channel_cell(action.channel_id, names),
        summary=summarize(action, names),
    )


def member_cell(member_id: int | None, names: NameLookup) -> str:
    if member_id is None:
        return ""
    return one_line(names.member_name(member_id) or str(member_id), NAME_LIMIT)


def channel_cell(channel_id: int | None, names: NameLookup) -> str:
    if channel_id is None:
        return ""
    return "#" + one_line(names.channel_name(channel_id) or str(channel_id), NAME_LIMIT)


def subject_cell(action: LogAction, names: NameLookup) -> str:
    """The subject as the type says it is: a member, #channel, @role, :emoji:, a message..."""
    subject = action.subject_id
    if subject is None:
        return ""
    kind = action.type.subject
    if kind == "member":
        return member_cell(subject, names)
    if kind == "channel":
        return channel_cell(subject, names)
    if kind == "role":
        return "@" + one_line(names.role_name(subject) or str(subject), NAME_LIMIT)
    if kind == "emoji":
        return ":" + one_line(names.emoji_name(subject) or str(subject), NAME_LIMIT) + ":"
    if kind == "message":
        return ""  # a message id says nothing at a glance; the detail pane shows it
    if kind == "action":
        return f"action {subject}"
    return ""  # webhooks, integrations, auto-responses: the summary names them


def time_cell(unix_ms: int, time_format: TimeFormat, now_ms: int, tz: tzinfo) -> str:
    """``14:05:33`` in local time or UTC, or ``12m ago``."""
    if time_format == "relative":
        return relative_time(now_ms - unix_ms)
    moment = unix_ms_to_datetime(unix_ms)
    zone = timezone.utc if time_format == "utc" else tz
    return moment.astimezone(zone).strftime("%H:%M:%S")


def relative_time(elapsed_ms: int) -> str:
    """How long ago, in the largest whole unit: ``now``, ``45s ago``, ``12m ago``, ``3d ago``."""
    seconds = elapsed_ms // 1000
    if seconds < 0:
        return "in future"
    if seconds < 1:
        return "now"
    for unit, size in (("d", 86_400), ("h", 3_600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"


def full_time(unix_ms: int, now_ms: int, tz: tzinfo) -> str:
    """For the detail pane: ISO 8601 in local time, UTC, and how long ago."""
    moment = unix_ms_to_datetime(unix_ms)
    local = moment.astimezone(tz)
    ago = relative_time(now_ms - unix_ms)
    utc = moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if local.utcoffset() == timedelta(0):
        return f"{utc} ({ago})"
    return f"{local.isoformat(timespec='milliseconds')} ({utc}, {ago})"


class LocalZone(tzinfo):
    """The machine's local time zone, daylight saving included (from the C library's rules)."""

    def utcoffset(self, moment: datetime | None) -> timedelta:
        return timedelta(seconds=self._local(moment).tm_gmtoff)

    def dst(self, moment: datetime | None) -> timedelta:
        local = self._local(moment)
        return timedelta(hours=1) if local.tm_isdst > 0 else timedelta(0)

    def tzname(self, moment: datetime | None) -> str:
        return self._local(moment).tm_zone

    def fromutc(self, moment: datetime) -> datetime:
        stamp = (moment.replace(tzinfo=timezone.utc) - _EPOCH).total_seconds()
        return moment + timedelta(seconds=time.localtime(stamp).tm_gmtoff)

    @staticmethod
    def _local(moment: datetime | None) -> time.struct_time:
        if moment is None:
            return time.localtime()
        stamp = time.mktime((*moment.replace(tzinfo=None).timetuple()[:8], -1))
        return time.localtime(stamp)

    def __repr__(self) -> str:
        return "LocalZone()"


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def local_zone() -> tzinfo:
    """The machine's local time zone."""
    return LocalZone()
