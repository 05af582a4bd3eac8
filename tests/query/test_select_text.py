"""Selecting rows by free text: words, phrases and regexes, and their negations."""

import pytest
from support.query_sample import ALL, others, select


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("", ALL),
        ("hello", [0]),
        ("HeLLo", [0]),
        ("good morning", [0, 4]),
        ('"good morning"', [0, 4]),
        ('"morning all"', [4]),
        ("spam raid", [1]),
        ("spam zebra", []),
        ("🎉", [6]),
        ("!help", [8]),
        ('"reason: spam"', [1]),
    ],
)
def test_words_and_phrases_match_text(text: str, rows: list[int]) -> None:
    assert select(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("ban", [1]),
        ("kick", [2]),
        ("kicked", [2]),
        ("message", [0, 4, 8]),
        ('"member ban"', [1]),
        ("member_ban", [1]),
        ("channel_delete", [5]),
        ("unknown", [3, 7]),
        ("9999", [3]),
        ("unknown(9999)", [3]),
        ("(-5)", [7]),
        ("n(-", [7]),
    ],
)
def test_words_match_type_names_including_unknown_numbers(text: str, rows: list[int]) -> None:
    assert select(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("alice", [0, 1, 5]),
        ("owl", [1, 2, 6]),
        ("hammer", [2]),
        ('"the hammer\\": mod"', [2]),
        ("general", [0, 6]),
        ("shift", [5]),
        ("1234", [4]),
        ("night", [1, 2, 5, 6]),
    ],
)
def test_words_match_agent_subject_and_channel_names(text: str, rows: list[int]) -> None:
    assert select(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("/^kick/", [2]),
        ("/m[o0]rning/", [0, 4]),
        ("/Good\\s+Morning/", [0, 4]),
        ("/[G]OOD/", [0, 4]),
        ("/\\bspam\\b/", [1, 2]),
        ("/^al/", [0, 1, 5]),
        ("/ban_add$/", [1]),
        ("/unknown\\(9/", [3]),
        ("/\\(-5\\)/", [7]),
        ("/a\\/b|!help/", [8]),
    ],
)
def test_regexes_match_text_and_names(text: str, rows: list[int]) -> None:
    assert select(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("-spam", others(1, 2)),
        ('-"good morning"', others(0, 4)),
        ("-/^kick/", others(2)),
        ("-alice", others(0, 1, 5)),
        ("-ban", others(1)),
        ("-unknown", others(3, 7)),
        ("-type:message", others(0, 4, 8)),
        ("-agent:alice", others(0, 5)),
        ("-channel:general", others(0, 6)),
        ("-after:2026-12-03T12:00:02Z", [0, 1]),
        ("-before:2026-12-03T12:00:02Z", others(0, 1)),
    ],
)
def test_negation_keeps_exactly_the_other_rows(text: str, rows: list[int]) -> None:
    assert select(text) == rows
