"""The app's own rows (CONNECTION_GAP) are found by their type name like any other row.

The help says a type matches "a name, the start of a name, a part of a name", and a word
matches a row's type: that holds for the rows the app makes as for those the gateway sends.
"""

from datetime import timezone

import pytest
from support.query_rows import Columns, FakeNames, Row

from archit_tui.protocol.actions import CONNECTION_GAP
from archit_tui.protocol.query import parse_query, term_for
from archit_tui.protocol.query.typematch import TypeSet, suggest_type, types_named

GAP = CONNECTION_GAP.number
ROWS = [Row(GAP), Row(3001), Row(9999), Row(22)]
COLUMNS = Columns.of(ROWS)


def select(query: str) -> list[int]:
    parsed = parse_query(query, now_ms=0, tz=timezone.utc)
    return parsed.select(COLUMNS, FakeNames(), list(range(len(ROWS))))


@pytest.mark.parametrize(
    ("value", "numbers"),
    [
        ("gap", {GAP}),
        ("GAP", {GAP}),
        ("connection", {GAP}),
        ("connection_gap", {GAP}),
        ("connection gap", {GAP}),
        ("send", {3001}),
        ("add", {22, 28, 3100, 3200}),
    ],
)
def test_every_part_of_a_name_names_its_type(value: str, numbers: set[int]) -> None:
    assert types_named(value) == TypeSet(frozenset(numbers))


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("type:gap", [0]),
        ("type:connection", [0]),
        ("-type:gap", [1, 2, 3]),
        ("gap", [0]),
        ("/_gap$/", [0]),
        ("type:unknown", [2]),  # a gap is no undocumented type
    ],
)
def test_gap_rows_are_found_by_their_type_name(query: str, rows: list[int]) -> None:
    assert select(query) == rows


def test_a_near_miss_suggests_the_app_types_too() -> None:
    assert suggest_type("gapp") == "gap"


def test_a_gap_row_by_name_gives_a_term_that_finds_it() -> None:
    assert term_for("type", "CONNECTION_GAP") == "type:connection_gap"
    assert select(term_for("type", "CONNECTION_GAP")) == [0]
