"""Snowflakes and hoar frosts: 64-bit ids that carry their creation time.

Discord ids (snowflakes) and Archit.us log-action ids (hoar frosts) share one layout:
milliseconds since 2015-01-01T00:00Z, shifted left 22 bits, with worker and sequence bits below.
They exceed 2**53, so a JavaScript peer may send them as strings; both forms are accepted and an
``int`` is stored. Nothing here ever passes an id through a float.
"""

from __future__ import annotations

from datetime import datetime, timezone

from .json_values import json_kind

DISCORD_EPOCH_MS = 1_420_070_400_000
"""Unix time in milliseconds of 2015-01-01T00:00Z, the zero of every snowflake."""

SNOWFLAKE_MAX = 2**64 - 1
"""The largest id that fits the unsigned 64-bit layout."""

_TIME_SHIFT = 22
_MAX_DIGITS = len(str(SNOWFLAKE_MAX))


class SnowflakeError(ValueError):
    """A value that is not a snowflake; the message says why in plain words."""


def parse_snowflake(value: object) -> int:
    """Return ``value`` as an int id, or raise `SnowflakeError` saying why it is not one.

    Accepted: a non-negative ``int`` (not ``bool``) or a string of ASCII decimal digits, in
    either case no larger than ``2**64 - 1``.
    """
    if isinstance(value, bool):
        raise SnowflakeError(f"expected an id, got the boolean {str(value).lower()}")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        if not value or len(value) > _MAX_DIGITS or not (value.isascii() and value.isdigit()):
            raise SnowflakeError(f"expected an id of decimal digits, got {_preview(value)}")
        number = int(value)
    elif isinstance(value, float):
        if value >= 2.0**64:  # a fast JSON decoder reads integers this large as floats
            raise SnowflakeError("expected an id, got a number larger than 2^64")
        raise SnowflakeError(f"expected an id, got the fractional number {value!r}")
    else:
        raise SnowflakeError(f"expected an id, got {json_kind(value)}")
    if number < 0:
        raise SnowflakeError(f"expected an id, got the negative number {number}")
    if number > SNOWFLAKE_MAX:
        raise SnowflakeError("expected an id, got a number larger than 2^64")
    return number


def parse_optional_snowflake(value: object) -> int | None:
    """Like `parse_snowflake`, but ``None`` (JSON ``null``) passes through."""
    return None if value is None else parse_snowflake(value)


def snowflake_to_unix_ms(snowflake: int) -> int:
    """Unix time in milliseconds at which ``snowflake`` was made."""
    return (snowflake >> _TIME_SHIFT) + DISCORD_EPOCH_MS


def snowflake_to_datetime(snowflake: int) -> datetime:
    """Aware UTC datetime at which ``snowflake`` was made."""
    return unix_ms_to_datetime(snowflake_to_unix_ms(snowflake))


def unix_ms_to_datetime(unix_ms: int) -> datetime:
    """Aware UTC datetime of a Unix time in milliseconds."""
    seconds, millis = divmod(unix_ms, 1000)
    return datetime.fromtimestamp(seconds, tz=timezone.utc).replace(microsecond=millis * 1000)


def snowflake_from_unix_ms(unix_ms: int, low_bits: int = 0) -> int:
    """The snowflake for Unix time ``unix_ms``; ``low_bits`` fills the worker/sequence bits."""
    if unix_ms < DISCORD_EPOCH_MS:
        raise ValueError("snowflakes cannot represent times before 2015-01-01")
    if not 0 <= low_bits < (1 << _TIME_SHIFT):
        raise ValueError("low_bits must fit in 22 bits")
    return ((unix_ms - DISCORD_EPOCH_MS) << _TIME_SHIFT) | low_bits


def snowflake_from_datetime(moment: datetime, low_bits: int = 0) -> int:
    """The snowflake for an aware datetime (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    delta = moment - datetime(1970, 1, 1, tzinfo=timezone.utc)
    unix_ms = (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000
    return snowflake_from_unix_ms(unix_ms, low_bits)


def _preview(text: str, limit: int = 40) -> str:
    """A short, printable quotation of ``text`` for an error message."""
    shown = text if len(text) <= limit else text[:limit] + "…"
    return repr(shown)
