"""Snowflakes: int or decimal string in, int out; time in and out."""

from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archit_tui.protocol.snowflake import (
    DISCORD_EPOCH_MS,
    SNOWFLAKE_MAX,
    SnowflakeError,
    parse_snowflake,
    snowflake_from_datetime,
    snowflake_from_unix_ms,
    snowflake_to_datetime,
    snowflake_to_unix_ms,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0),
        (682215129937772544, 682215129937772544),
        ("682215129937772544", 682215129937772544),
        ("18446744073709551615", SNOWFLAKE_MAX),
        ("007", 7),
    ],
)
def test_accepts_ints_and_decimal_strings(value: object, expected: int) -> None:
    assert parse_snowflake(value) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (1.0, "fractional"),
        (6.822151299377725e17, "fractional"),
        (True, "boolean"),
        (False, "boolean"),
        (-1, "negative"),
        ("-1", "decimal digits"),
        (2**64, r"larger than 2\^64"),
        ("18446744073709551616", r"larger than 2\^64"),
        ("", "decimal digits"),
        ("12a", "decimal digits"),
        (" 12", "decimal digits"),
        ("١٢", "decimal digits"),
        ("1" * 500, "decimal digits"),
        (None, "null"),
        ([], "array"),
        ({}, "object"),
    ],
)
def test_refuses_everything_else_in_plain_words(value: object, words: str) -> None:
    with pytest.raises(SnowflakeError, match=words):
        parse_snowflake(value)


def test_the_protocol_example_id_dates_from_2020() -> None:
    moment = snowflake_to_datetime(682215129937772544)
    assert moment == datetime(2020, 2, 26, 13, 19, 21, 921000, tzinfo=timezone.utc)


def test_epoch_is_zero() -> None:
    assert snowflake_to_unix_ms(0) == DISCORD_EPOCH_MS
    assert snowflake_from_unix_ms(DISCORD_EPOCH_MS) == 0


def test_times_before_2015_cannot_be_snowflakes() -> None:
    with pytest.raises(ValueError, match="before 2015"):
        snowflake_from_unix_ms(DISCORD_EPOCH_MS - 1)


@given(st.integers(min_value=DISCORD_EPOCH_MS, max_value=DISCORD_EPOCH_MS + 2**41))
def test_time_round_trips_through_a_snowflake(unix_ms: int) -> None:
    assert snowflake_to_unix_ms(snowflake_from_unix_ms(unix_ms, low_bits=12345)) == unix_ms


@given(st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2080, 1, 1)))
def test_datetime_round_trips_to_the_millisecond(moment: datetime) -> None:
    back = snowflake_to_datetime(snowflake_from_datetime(moment))
    assert back == moment.replace(
        tzinfo=timezone.utc, microsecond=moment.microsecond // 1000 * 1000
    )


@given(st.integers(min_value=0, max_value=SNOWFLAKE_MAX))
def test_every_64_bit_id_survives_as_int_and_as_string(value: int) -> None:
    assert parse_snowflake(value) == value
    assert parse_snowflake(str(value)) == value


def test_a_float_beyond_64_bits_is_reported_as_too_large() -> None:
    """The fast JSON decoder reads integers past 2**64 as floats; the reason must still say why."""
    with pytest.raises(SnowflakeError, match=r"larger than 2\^64"):
        parse_snowflake(float(2**64))
