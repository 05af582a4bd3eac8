"""Remote text made safe to show on one line."""

import pytest
from rich.cells import cell_len

from archit_tui.protocol.text import column_text, multi_line, one_line, reveal_invisibles


def test_one_line_collapses_whitespace_and_shows_controls() -> None:
    assert one_line("a\nb\r\n\tc   d") == "a b c d"
    assert one_line("\x1b[31mred\x07") == "␛[31mred␇"
    assert one_line("x\x00y\x7f") == "x␀y␡"


def test_one_line_drops_bidi_overrides_and_zero_width_characters() -> None:
    assert one_line("abc\u202edcba\u202c") == "abcdcba"
    assert one_line("a\u200bb\ufeff") == "ab"


def test_one_line_keeps_scripts_and_emoji() -> None:
    text = "日本語 русский العربية עברית 👨\u200d👩\u200d👧 1️⃣"
    assert one_line(text) == text


def test_one_line_cuts_long_text_with_an_ellipsis() -> None:
    assert one_line("x" * 1_000_000, 10) == "x" * 9 + "…"


def test_multi_line_keeps_line_breaks() -> None:
    assert multi_line("a\r\nb\x1b") == "a\nb␛"


def test_reveal_invisibles_escapes_them() -> None:
    assert reveal_invisibles("a\u202eb") == "a\\u202eb"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("👩\u200d💻 devgirl", "👩💻 devgirl"),  # joined by ZWJ: one picture, or two
        ("👨\u200d👩\u200d👧", "👨👩👧"),
        ("❤\ufe0f love", "❤ love"),  # emoji presentation: one column, or two
        ("👍🏽 ok", "👍 ok"),  # a skin tone: joined, or a swatch beside
        ("plain 日本 text", "plain 日本 text"),
    ],
)
def test_column_text_leaves_out_what_terminals_disagree_on(text: str, parts: str) -> None:
    assert column_text(text) == parts
    # What is left has one width in every terminal: the one the table counts.
    assert cell_len(column_text(text)) == sum(cell_len(char) for char in parts)
