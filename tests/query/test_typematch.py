"""Which action types a type: value or a free word names."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archit_tui.protocol.query.typematch import (
    KNOWN_NUMBERS,
    TypeSet,
    suggest_type,
    types_named,
    word_may_name_unknown,
)


@pytest.mark.parametrize(
    ("value", "numbers"),
    [
        ("3001", {3001}),
        ("9999", {9999}),
        ("-5", {-5}),
        ("ban", {22, 23}),
        ("BAN", {22, 23}),
        ("kick", {20}),
        ("message", {72, 73, 74, 75, 3001, 3002, 3003}),
        ("message_delete", {72, 3003}),
        ("MESSAGE-SEND", {3001}),
        ("message send", {3001}),
        ("role_update", {31}),
        ("role", {30, 31, 32}),
        ("role update", {31}),
        ("role_up", {31}),
        ("member_role", {25}),
        ("auto-response", {3200, 3201, 3202, 3203}),
        ("delete", {12, 15, 32, 42, 52, 62, 72, 73, 82, 3003, 3402}),
        ("update", {1, 11, 14, 24, 25, 31, 41, 51, 61, 81}),
        ("unknown(77)", {77}),
        ("bann", set()),
        ("an", set()),
        ("", set()),
        ("٣", set()),
    ],
)
def test_types_named(value: str, numbers: set[int]) -> None:
    assert types_named(value) == TypeSet(frozenset(numbers))


@pytest.mark.parametrize("value", ["unknown", "UNKNOWN", "unk", "un"])
def test_unknown_names_every_undocumented_number(value: str) -> None:
    named = types_named(value)
    assert named.unknown
    test = named.test()
    assert test(9999) and test(-5) and not test(3001)


def test_type_sets_combine() -> None:
    combined = types_named("kick") | types_named("unknown")
    assert combined.numbers == {20} and combined.unknown


@pytest.mark.parametrize(
    ("value", "guess"),
    [("bann", "ban"), ("mesage", "message"), ("reactoin_add", "reaction_add"), ("xyzzy", None)],
)
def test_suggestions_for_names_that_match_nothing(value: str, guess: str | None) -> None:
    assert suggest_type(value) == guess


@given(st.text(alphabet="unkow()-0123456789x", max_size=12), st.integers(-(10**6), 10**6))
def test_words_in_an_unknown_name_are_never_skipped(word: str, number: int) -> None:
    if number not in KNOWN_NUMBERS and word in f"unknown({number})":
        assert word_may_name_unknown(word)


@pytest.mark.parametrize("word", ["zebra", "ban", "unknown(9)x", "1)2", "٣"])
def test_words_that_cannot_name_an_unknown_type_are_skipped(word: str) -> None:
    assert not word_may_name_unknown(word)
