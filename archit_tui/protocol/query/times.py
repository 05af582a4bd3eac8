"""Times in ``before:`` and ``after:``: dates, date-times, times of day, ``10m`` ago, ``now``.

Everything is computed from the ``now_ms`` and ``tz`` the caller passes, never from the clock,
so a query means the same thing in a test as on screen. Only integer arithmetic touches
milliseconds; no float ever carries a time.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_ONE_MS = timedelta(milliseconds=1)
_ZONE = r"(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?"
_CLOCK = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?"
_DATE_TIME = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[Tt ]" + _CLOCK + ")?" + _ZONE
)
_TIME_OF_DAY = re.compile(_CLOCK + _ZONE)
_AGO_PART = re.compile(r"(\d+)([a-z]+)")
_UNIT_MS = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1000),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 60_000),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3_600_000),
    **dict.fromkeys(("d", "day", "days"), 86_400_000),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), 604_800_000),
}
HINT = "try 2026-12-03, 14:05 or 10m"
"""The examples every time error ends with."""


class TimeError(ValueError):
    """A value that is not a time; the message is plain words for the user."""


def parse_time(value: str, *, now_ms: int, tz: tzinfo) -> int:
    """Unix milliseconds meant by ``value``; raises `TimeError` saying why it is not a time.

    Forms: ``now``, ``today``, ``yesterday``; ``10m``/``2h``/``3d``/``45s``/``1w`` ago (units
    may be combined, ``1h30m``); ``14:05`` today; ``2026-12-03`` (midnight);
    ``2026-12-03T14:05[:07[.123]]`` (``T`` or a space). Local time in ``tz`` unless the value
    ends in ``Z`` or ``+hh:mm``.
    """
    text = value.strip()
    word = text.lower()
    if word == "now":
        return now_ms
    if word in ("today", "yesterday"):
        today = _local_now(now_ms, tz).date()
        if word == "yesterday":
            today -= timedelta(days=1)
        return _to_ms(datetime.combine(today, time(), tz))
    ago = _ago_ms(word)
    if ago is not None:
        return now_ms - ago
    try:
        moment = _clock_time(text, now_ms, tz)
    except (ValueError, OverflowError) as error:
        raise TimeError(f"{value!r} is not a valid time ({error}); {HINT}") from None
    if moment is None:
        raise TimeError(f"{value!r} is not a time; {HINT}")
    return moment


def format_utc(unix_ms: int) -> str:
    """``unix_ms`` as the query language writes an exact UTC time: ``2026-12-03T14:05:07Z``."""
    moment = (_EPOCH + unix_ms * _ONE_MS).replace(tzinfo=None)
    spec = "milliseconds" if unix_ms % 1000 else "seconds"
    return moment.isoformat(timespec=spec) + "Z"


def _ago_ms(word: str) -> int | None:
    """Milliseconds in ``10m``, ``1h30m``, ``2days``; ``None`` if ``word`` is no duration."""
    parts = _AGO_PART.findall(word)
    if not parts or "".join(n + u for n, u in parts) != word:
        return None
    if any(unit not in _UNIT_MS for _, unit in parts):
        return None
    return sum(int(number) * _UNIT_MS[unit] for number, unit in parts)


def _clock_time(text: str, now_ms: int, tz: tzinfo) -> int | None:
    """A date, date-time or time of day; ``None`` if ``text`` has none of those forms.

    Raises `ValueError` for a form with impossible numbers (month 13, 25:00).
    """
    match = _DATE_TIME.fullmatch(text)
    if match is not None:
        zone = _zone(match.group("zone"), tz)
        day = date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        return _to_ms(datetime.combine(day, _clock(match), zone))
    match = _TIME_OF_DAY.fullmatch(text)
    if match is not None:
        zone = _zone(match.group("zone"), tz)
        day = _local_now(now_ms, zone).date()
        return _to_ms(datetime.combine(day, _clock(match), zone))
    return None


def _clock(match: re.Match[str]) -> time:
    if match.group("hour") is None:
        return time()
    fraction = (match.group("fraction") or "").ljust(6, "0")
    return time(
        int(match.group("hour")),
        int(match.group("minute")),
        int(match.group("second") or 0),
        int(fraction),
    )


def _zone(written: str | None, local: tzinfo) -> tzinfo:
    """The zone a time names (``Z``, ``+05:30``, ``-0800``), or ``local`` if it names none."""
    if written is None:
        return local
    if written in ("Z", "z"):
        return timezone.utc
    digits = written[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    if offset >= timedelta(hours=24) or int(digits[2:] or 0) >= 60:
        raise ValueError(f"the offset {written} is out of range")
    return timezone(-offset if written[0] == "-" else offset)


def _local_now(now_ms: int, tz: tzinfo) -> datetime:
    return (_EPOCH + now_ms * _ONE_MS).astimezone(tz)


def _to_ms(moment: datetime) -> int:
    return (moment - _EPOCH) // _ONE_MS
