"""Times for before:/after: in every form, against a fixed now, in UTC and other zones."""

from datetime import datetime, timedelta, timezone, tzinfo

import pytest

from archit_tui.protocol.query.times import TimeError, format_utc, parse_time

NOW = 1_796_311_845_678
"""2026-12-03T15:30:45.678Z"""
IST = timezone(timedelta(hours=5, minutes=30), "IST")
PST = timezone(timedelta(hours=-8), "PST")


def ms(*parts: int, tz: tzinfo = timezone.utc) -> int:
    moment = datetime(*parts, tzinfo=tz)  # type: ignore[arg-type, misc]
    return (moment - datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(milliseconds=1)


def at(value: str, tz: tzinfo = timezone.utc, now: int = NOW) -> int:
    return parse_time(value, now_ms=now, tz=tz)


def test_now_is_the_callers_now() -> None:
    assert ms(2026, 12, 3, 15, 30, 45, 678000) == NOW
    assert at("now") == at("NOW") == NOW


@pytest.mark.parametrize(
    ("value", "ago_ms"),
    [
        ("45s", 45_000),
        ("10m", 600_000),
        ("2h", 7_200_000),
        ("3d", 3 * 86_400_000),
        ("1w", 7 * 86_400_000),
        ("1h30m", 5_400_000),
        ("2days", 2 * 86_400_000),
        ("10min", 600_000),
        ("90Sec", 90_000),
        ("0m", 0),
    ],
)
def test_relative_times_are_that_long_ago(value: str, ago_ms: int) -> None:
    assert at(value) == NOW - ago_ms
    assert at(value, IST) == NOW - ago_ms


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-03", ms(2026, 12, 3)),
        ("2026-1-2", ms(2026, 1, 2)),
        ("2026-12-03T14:05", ms(2026, 12, 3, 14, 5)),
        ("2026-12-03 14:05", ms(2026, 12, 3, 14, 5)),
        ("2026-12-03t14:05:07", ms(2026, 12, 3, 14, 5, 7)),
        ("2026-12-03T14:05:07.123", ms(2026, 12, 3, 14, 5, 7, 123000)),
        ("2026-12-03T14:05:07.5", ms(2026, 12, 3, 14, 5, 7, 500000)),
        ("14:05", ms(2026, 12, 3, 14, 5)),
        ("9:05", ms(2026, 12, 3, 9, 5)),
        ("14:05:30", ms(2026, 12, 3, 14, 5, 30)),
        ("23:59", ms(2026, 12, 3, 23, 59)),
        ("today", ms(2026, 12, 3)),
        ("yesterday", ms(2026, 12, 2)),
    ],
)
def test_clock_times_in_utc(value: str, expected: int) -> None:
    assert at(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-03", ms(2026, 12, 3, tz=IST)),
        ("2026-12-03T14:05", ms(2026, 12, 3, 14, 5, tz=IST)),
        ("14:05", ms(2026, 12, 3, 14, 5, tz=IST)),
        ("today", ms(2026, 12, 3, tz=IST)),
        ("2026-12-03T14:05Z", ms(2026, 12, 3, 14, 5)),
        ("2026-12-03T14:05z", ms(2026, 12, 3, 14, 5)),
        ("2026-12-03T14:05-08:00", ms(2026, 12, 3, 14, 5, tz=PST)),
        ("2026-12-03T14:05-0800", ms(2026, 12, 3, 14, 5, tz=PST)),
        ("2026-12-03T14:05-08", ms(2026, 12, 3, 14, 5, tz=PST)),
        ("2026-12-03Z", ms(2026, 12, 3)),
        ("14:05Z", ms(2026, 12, 3, 14, 5)),
    ],
)
def test_local_times_use_the_zone_unless_they_name_one(value: str, expected: int) -> None:
    assert at(value, IST) == expected
    assert ms(2026, 12, 3, 14, 5, tz=IST) == ms(2026, 12, 3, 8, 35)


def test_today_is_the_local_date() -> None:
    evening = ms(2026, 12, 3, 20, 0)  # already 2026-12-04 01:30 in IST
    assert at("14:05", IST, evening) == ms(2026, 12, 4, 14, 5, tz=IST)
    assert at("today", IST, evening) == ms(2026, 12, 4, tz=IST)
    assert at("yesterday", IST, evening) == ms(2026, 12, 3, tz=IST)
    assert at("today", PST, evening) == ms(2026, 12, 3, tz=PST)
    assert at("14:05Z", IST, evening) == ms(2026, 12, 3, 14, 5)


def test_daylight_saving_time_follows_the_zone() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        new_york = zoneinfo.ZoneInfo("America/New_York")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database here")
    assert at("2026-03-07T12:00", new_york) == ms(2026, 3, 7, 17, 0)
    assert at("2026-03-08T12:00", new_york) == ms(2026, 3, 8, 16, 0)
    july_now = ms(2026, 7, 1, 12, 0)
    assert at("14:05", new_york, july_now) == ms(2026, 7, 1, 18, 5)


@pytest.mark.parametrize(
    "value",
    [
        "yesterdayish",
        "",
        "10",
        "10x",
        "m10",
        "1h 30m",
        "2026-12",
        "2026-12-03T",
        "2026-13-01",
        "2026-02-30",
        "0000-01-01",
        "24:00",
        "14:60",
        "14:05:07.1234567",
        "14:05+24:00",
        "14:05+05:75",
    ],
)
def test_what_is_not_a_time_says_so(value: str) -> None:
    with pytest.raises(TimeError, match="try 2026-12-03, 14:05 or 10m"):
        at(value)


def test_times_far_away_are_still_integers() -> None:
    assert at("99999999999999w") == NOW - 99999999999999 * 604_800_000
    assert at("9999-12-31T23:59") == ms(9999, 12, 31, 23, 59)
    assert at("0001-01-01T00:00+05:00") == ms(1, 1, 1, 5, 0) - 10 * 3_600_000


@pytest.mark.parametrize(
    ("unix_ms", "text"),
    [
        (NOW, "2026-12-03T15:30:45.678Z"),
        (ms(2026, 12, 3, 14, 5), "2026-12-03T14:05:00Z"),
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ],
)
def test_format_utc_writes_what_parse_time_reads(unix_ms: int, text: str) -> None:
    assert format_utc(unix_ms) == text
    assert at(text, IST) == unix_ms
