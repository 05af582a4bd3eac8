"""Regex terms: compiled to match like IGNORECASE on lower-case rows, with a literal shortcut."""

import re

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from archit_tui.protocol.query.regexes import RegexError, compile_pattern, required_literal


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        ("ban", "ban"),
        (r"\bban\b", "ban"),
        ("ra+id", "id"),
        ("spam|raid", ""),
        ("(spam|raid) now", " now"),
        ("x{2}yy", "yy"),
        ("x{,3}", ""),
        ("a{b", "b"),
        (r"a\.b", "a.b"),
        (r"\d+foo", "foo"),
        ("[|]ab", "ab"),
        ("[]ab]c", "c"),
        ("[^]x]yz", "yz"),
        ("ab?c", "a"),
        ("abc*?", "ab"),
        ("^hello$", "hello"),
        ("(?:ab)cd", "cd"),
        ("a(?=bcd)", "a"),
        ("", ""),
    ],
)
def test_required_literal(pattern: str, literal: str) -> None:
    assert required_literal(pattern) == literal


@pytest.mark.parametrize(
    ("pattern", "flags", "literal"),
    [
        ("raid", 0, "raid"),
        ("Raid", 0, "raid"),
        (r"\bRAID\D", 0, "raid"),
        ("(?P<Name>A)(?P=Name)", 0, ""),
        ("[R]aid", re.IGNORECASE, ""),
        ("(?i)raid", re.IGNORECASE, ""),
        (r"\x41", re.IGNORECASE, ""),
        ("Ärger", re.IGNORECASE, ""),
        ("(?x) r a i d", re.VERBOSE, ""),
    ],
)
def test_patterns_are_lowered_where_that_is_safe(pattern: str, flags: int, literal: str) -> None:
    compiled, required = compile_pattern(pattern)
    assert compiled.flags & (re.IGNORECASE | re.VERBOSE) == flags
    assert required == literal


@pytest.mark.parametrize("pattern", ["(", "[a", r"\q", "a{99999999999}", "(" * 1200 + ")" * 1200])
def test_bad_patterns_raise_regex_error(pattern: str) -> None:
    with pytest.raises(RegexError):
        compile_pattern(pattern)


@pytest.mark.filterwarnings("error")
def test_compiling_prints_no_warnings_over_the_screen() -> None:
    compile_pattern("[[a]--b")


_PATTERN = st.text(alphabet="abAB.|()[]^$*+?{}1,2\\-:=!<>Pdw ", max_size=12)
_TEXTS = st.lists(st.text(alphabet="ab-1 .[]\\", max_size=10), max_size=6)


@pytest.mark.filterwarnings("ignore::FutureWarning")
@given(_PATTERN, _TEXTS)
@example("(1?)+", ["1", ""])  # refused as too slow: once failed this test in CI
def test_the_shortcut_matches_exactly_like_ignorecase_on_lower_case_text(
    pattern: str, texts: list[str]
) -> None:
    try:
        reference = re.compile(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError):
        assume(False)
        return
    try:
        compiled, required = compile_pattern(pattern)
    except RegexError:
        assume(False)  # refused as too slow to match (e.g. (1?)+): nothing to compare
        return
    for text in texts:
        expected = reference.search(text) is not None
        assert (compiled.search(text) is not None) == expected
        assert (required in text and compiled.search(text) is not None) == expected


def test_patterns_that_backtrack_for_ages_are_refused_before_they_run() -> None:
    """A moderator's /^(a+)+$/ once froze the app on a row of a's; now it is refused."""
    from datetime import timezone

    import pytest

    from archit_tui.protocol.query import QueryError, parse_query

    for pattern in ("/^(a+)+$/", "/(a|aa)*b/", "/(\\w+\\s?)+$/"):
        with pytest.raises(QueryError, match="too long to match"):
            parse_query(pattern, now_ms=0, tz=timezone.utc)
    for pattern in ("/spam.*link/", "/\\bban\\b/", "/[0-9]{3}/", "/inv(ite)?s?/"):
        parse_query(pattern, now_ms=0, tz=timezone.utc)
