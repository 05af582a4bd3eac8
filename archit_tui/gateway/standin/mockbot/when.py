"""Reading the time of a ``!schedule`` and writing it out nicely.

Understood, in either order, with an optional ``at`` between: a day (``2026-12-24``, ``today``,
``tonight``, ``tomorrow``, a weekday like ``friday`` or ``fri``) and a time of day (``18:00``,
``9pm``, ``9 pm``, ``7:30am``, ``noon``, ``midnight``). Everything is relative to the bot's
clock and in its time zone. A weekday or a bare time means the next such moment (today when it
is still ahead). Names are English and fixed, so the text does not depend on the locale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAY_WORDS: dict[str, int] = {}
for _index, _name in enumerate(_WEEKDAYS):
    for _word in (_name.lower(), _name[:3].lower()):
        _WEEKDAY_WORDS[_word] = _index
_WEEKDAY_WORDS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CLOCK_24 = re.compile(r"(\d{1,2}):(\d{2})")
_CLOCK_12 = re.compile(r"(\d{1,2})(?::(\d{2}))?(am|pm)")
_SPACED_MERIDIEM = re.compile(r"(\d)\s+(am|pm)\b")
_ISO_JOINED = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})t(\d)")


@dataclass(frozen=True, slots=True)
class When:
    """A moment an event is scheduled for."""

    moment: datetime
    has_time: bool
    """False when only a day was given."""

    def describe(self) -> str:
        """``Friday, December 25, 2026 at 7:00 PM UTC`` (no time part for a bare day)."""
        moment = self.moment
        day = f"{_WEEKDAYS[moment.weekday()]}, {_MONTHS[moment.month - 1]} {moment.day}, "
        text = day + str(moment.year)
        if self.has_time:
            hour = moment.hour % 12 or 12
            meridiem = "AM" if moment.hour < 12 else "PM"
            text += f" at {hour}:{moment.minute:02d} {meridiem}"
            zone = moment.tzname()
            if zone:
                text += f" {zone}"
        return text


def parse_when(text: str, now: datetime) -> When | None:
    """The moment ``text`` names, relative to ``now``; None when it is not a time."""
    lowered = _SPACED_MERIDIEM.sub(r"\1\2", text.strip().lower())
    lowered = _ISO_JOINED.sub(r"\1 \2", lowered)
    day: date | None = None
    weekday: int | None = None
    clock: time | None = None
    words = [word for word in lowered.split() if word != "at"]
    if not words:
        return None
    for word in words:
        found_day, found_weekday = _read_day(word, now)
        found_clock = _read_clock(word) if found_day is None and found_weekday is None else None
        if found_day is not None and day is None and weekday is None:
            day = found_day
        elif found_weekday is not None and day is None and weekday is None:
            weekday = found_weekday
        elif found_clock is not None and clock is None:
            clock = found_clock
        else:
            return None
    if weekday is not None:
        ahead = (weekday - now.weekday()) % 7
        if ahead == 0 and clock is not None and clock <= now.time():
            ahead = 7
        day = now.date() + timedelta(days=ahead)
    elif day is None:
        day = now.date()
        if clock is not None and clock <= now.time():
            day += timedelta(days=1)
    moment = datetime.combine(day, clock or time(0, 0), tzinfo=now.tzinfo)
    return When(moment, has_time=clock is not None)


def impossible_dates(text: str) -> list[str]:
    """The words of ``text`` written like ``YYYY-MM-DD`` that are no calendar day."""
    found = []
    for word in text.lower().split():
        match = _ISO_DATE.fullmatch(word)
        if match and _read_day(word, datetime(2000, 1, 1)) == (None, None):
            found.append(word)
    return found


def _read_day(word: str, now: datetime) -> tuple[date | None, int | None]:
    """A calendar day, or a weekday number, or neither."""
    if word in ("today", "tonight"):
        return now.date(), None
    if word in ("tomorrow", "tmrw", "tmr"):
        return now.date() + timedelta(days=1), None
    if word in _WEEKDAY_WORDS:
        return None, _WEEKDAY_WORDS[word]
    match = _ISO_DATE.fullmatch(word)
    if match:
        try:
            return date(*(int(part) for part in match.groups())), None
        except ValueError:
            return None, None
    return None, None


def _read_clock(word: str) -> time | None:
    if word == "noon":
        return time(12, 0)
    if word == "midnight":
        return time(0, 0)
    match = _CLOCK_24.fullmatch(word)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        return time(hour, minute) if hour < 24 and minute < 60 else None
    match = _CLOCK_12.fullmatch(word)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or minute >= 60:
            return None
        return time(hour % 12 + (12 if match.group(3) == "pm" else 0), minute)
    return None
