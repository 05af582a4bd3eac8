"""Every mistake raises QueryError, in plain words, spanning the part to underline."""

import pickle
from datetime import timezone

import pytest

from archit_tui.protocol.query import QueryError, parse_query

NOW = 1_796_300_000_000


def error_for(text: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_query(text, now_ms=NOW, tz=timezone.utc)
    return caught.value


def underlined(text: str) -> str:
    error = error_for(text)
    return text[error.start : error.end]


@pytest.mark.parametrize(
    ("text", "part", "words"),
    [
        ("type:bann", "bann", "no action type matches 'bann'; did you mean ban?"),
        ("spam type:kick,bann", "bann", "no action type matches 'bann'"),
        ("type:zzzzzz", "zzzzzz", "try a name like ban or message"),
        ("type:", "type:", "type: needs a value"),
        ("x -agent:", "agent:", "agent: needs a value"),
        ("type:,", "type:,", "needs a value"),
        ('agent:""', 'agent:""', "needs a value"),
        ("agent:@", "@", "needs a name or an id after the @"),
        ("channel:#", "#", "needs a name or an id after the #"),
        ("tpye:ban", "tpye", "unknown field tpye:; did you mean type:?"),
        ("zzz:1", "zzz", "fields are type, agent, subject, channel, before, after"),
        ("note: hi", "note", 'quote it: "note:"'),
        ('spam "good morning', '"good morning', "unclosed quote"),
        ('agent:"night', '"night', "unclosed quote"),
        ('"a\\"', '"a\\"', "unclosed quote"),
        ("/ban", "/ban", "unclosed regex"),
        ("x /a\\/", "/a\\/", "unclosed regex"),
        ("/a(/", "/a(/", "invalid regex: missing ), unterminated subpattern"),
        ("/a{99999999999}/", "/a{99999999999}/", "invalid regex"),
        ("/\\q/", "/\\q/", "invalid regex: bad escape"),
        ("/" + "(" * 1200 + ")" * 1200 + "/", None, "invalid regex"),
        ('"a"b', "b", "unexpected 'b' after the closing quote"),
        ("/a/b c", "b", "after the closing /"),
        ('agent:"a"b', "b", "leave a space between terms"),
        ("after:1h,2h", "1h,2h", "after: takes one time, not a list"),
        (
            "after:yesterdayish",
            "yesterdayish",
            "'yesterdayish' is not a time; try 2026-12-03, 14:05 or 10m",
        ),
        ("before:2026-13-01", "2026-13-01", "not a valid time (month must be in 1..12)"),
        ("before:25:00", "25:00", "not a valid time"),
        ("after:10x", "10x", "is not a time"),
        ("after:12:00+25:00", "12:00+25:00", "out of range"),
        ('after:"2026-12-03 noon"', '"2026-12-03 noon"', "is not a time"),
    ],
)
def test_errors_say_what_is_wrong_where(text: str, part: str | None, words: str) -> None:
    error = error_for(text)
    assert words in error.message
    assert str(error) == error.message
    if part is not None:
        assert text[error.start : error.end] == part


def test_the_first_bad_term_is_reported() -> None:
    assert underlined("type:bann tpye:x") == "bann"


def test_query_error_survives_pickling_and_repr() -> None:
    error = QueryError("bad", 2, 5)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.start, copy.end) == ("bad", 2, 5)
    assert repr(error) == "QueryError('bad', 2, 5)"
    assert isinstance(error, ValueError)


def test_an_empty_phrase_is_an_error_not_a_silent_match_of_everything() -> None:
    from datetime import timezone

    from archit_tui.protocol.query import QueryError, parse_query

    for text in ('""', '-""', 'spam ""'):
        try:
            parse_query(text, now_ms=0, tz=timezone.utc)
        except QueryError as error:
            assert "empty phrase" in error.message
            assert text[error.start : error.end].endswith('""')
        else:
            raise AssertionError(f"{text!r} was accepted")
