"""Go-to-time answers, jumps over a view, and spreadsheet-safe export cells."""

from datetime import timezone

import pytest

from archit_tui.protocol.export import spreadsheet_safe
from archit_tui.protocol.navigation import find_row, parse_goto
from archit_tui.protocol.query.times import TimeError
from archit_tui.protocol.views import MatchingRows

NOW = 1_764_763_200_000  # 2025-12-03T12:00:00Z
CURSOR = NOW - 3_600_000


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("10 minutes ago", NOW - 600_000),
        ("10m", NOW - 600_000),
        ("1 hour 30 minutes ago", NOW - 5_400_000),
        ("+1h", CURSOR + 3_600_000),
        ("- 1d", CURSOR - 86_400_000),
        ("11:00", NOW - 3_600_000),
        ("2025-12-03 11:30", NOW - 1_800_000),
        ("now", NOW),
    ],
)
def test_go_to_time_answers(answer: str, expected: int) -> None:
    assert parse_goto(answer, cursor_ms=CURSOR, now_ms=NOW, tz=timezone.utc) == expected


@pytest.mark.parametrize("answer", ["next tuesday", "+soon", "25:00", "", "x" * 5_000, "+" * 5_000])
def test_go_to_time_refuses_in_plain_words(answer: str) -> None:
    with pytest.raises(TimeError, match="try 14:05") as refused:
        parse_goto(answer, cursor_ms=CURSOR, now_ms=NOW, tz=timezone.utc)
    assert len(str(refused.value)) < 200  # a long answer is not repeated whole
    assert "from the selected row" in str(refused.value)


class _Store:
    """The two attributes `find_row` reads of an `ActionStore`."""

    first_seq = 100

    def __len__(self) -> int:
        return 10


def test_find_row_walks_the_view_both_ways_and_skips_dropped_rows() -> None:
    view = MatchingRows([95, 101, 103, 105, 107])  # 95 was dropped from the store
    odd = lambda index: index % 2 == 1  # noqa: E731
    assert find_row(view, _Store(), None, 1, odd) == 1
    assert find_row(view, _Store(), 1, 1, odd) == 2
    assert find_row(view, _Store(), 4, -1, odd) == 3
    assert find_row(view, _Store(), 1, -1, odd) is None
    assert find_row(view, _Store(), None, -1, lambda index: index == 1) == 1


@pytest.mark.parametrize(
    ("text", "safe"),
    [("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("+1", "'+1"), ("-x", "'-x"), ("@a", "'@a"),
     ("alice", "alice"), ("", "")],
)  # fmt: skip
def test_export_cells_never_run_in_a_spreadsheet(text: str, safe: str) -> None:
    assert spreadsheet_safe(text) == safe
