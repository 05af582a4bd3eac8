"""Remote text made safe to show on one line."""

from archit_tui.protocol.text import multi_line, one_line, reveal_invisibles


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
