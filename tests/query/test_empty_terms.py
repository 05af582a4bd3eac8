"""Terms that would filter by nothing are mistakes, underlined like any other.

``""`` was always refused ("an empty phrase matches everything"); a lone ``-``, ``//``, ``-//``
and ``-""`` now are too, each with the error on the term itself.
"""

from datetime import timezone

import pytest

from archit_tui.protocol.query import QueryError, parse_query


def error_for(text: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_query(text, now_ms=0, tz=timezone.utc)
    return caught.value


@pytest.mark.parametrize(
    ("text", "part", "words"),
    [
        ("-", "-", "a lone - excludes nothing"),
        ("spam - raid", "-", "a lone - excludes nothing"),
        ("spam -", "-", "a lone - excludes nothing"),
        ("//", "//", "an empty regex matches everything; put a pattern between the slashes"),
        ("spam //", "//", "an empty regex matches everything"),
        ("-//", "-//", "an empty regex matches everything, so excluding it hides every row"),
        ('""', '""', "an empty phrase matches everything; type something between the quotes"),
        ('-""', '-""', "an empty phrase matches everything, so excluding it hides every row"),
    ],
)
def test_terms_that_filter_by_nothing_are_underlined(text: str, part: str, words: str) -> None:
    error = error_for(text)
    assert words in error.message
    assert text[error.start : error.end] == part


def test_a_lone_dash_says_how_to_search_for_a_dash() -> None:
    assert '"-"' in error_for("-").message


@pytest.mark.parametrize("text", ["", "  ", "-spam", "a-b", "--", "/-/", '"-"', "https://x"])
def test_dashes_and_slashes_in_terms_still_read(text: str) -> None:
    parse_query(text, now_ms=0, tz=timezone.utc)
