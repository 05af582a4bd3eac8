"""The lexer: every construct, alone and together, with its positions."""

from datetime import timezone

import pytest

from archit_tui.protocol.query import parse_query
from archit_tui.protocol.query.lexer import Term, Value, tokenize

NOW = 1_796_300_000_000


def kinds(text: str) -> list[tuple[str, bool, str, list[str]]]:
    return [(t.kind, t.negated, t.field, [v.text for v in t.values]) for t in tokenize(text)]


@pytest.mark.parametrize("text", ["", " ", "\t \n"])
def test_blank_queries_have_no_terms(text: str) -> None:
    assert tokenize(text) == []
    assert parse_query(text, now_ms=NOW, tz=timezone.utc).is_empty


def test_words_are_split_on_whitespace_and_keep_their_spans() -> None:
    assert tokenize(" spam  Raid\u3000x") == [
        Term("word", False, 1, 5, "", (Value("spam", 1, 5, False),)),
        Term("word", False, 7, 11, "", (Value("Raid", 7, 11, False),)),
        Term("word", False, 12, 13, "", (Value("x", 12, 13, False),)),
    ]


def test_a_phrase_keeps_spaces_colons_and_escaped_quotes() -> None:
    text = r'"good morning: \"all\" \\ \n"'
    (term,) = tokenize(text)
    assert term.kind == "phrase"
    assert term.values[0].text == r'good morning: "all" \ \n'
    assert (term.start, term.end) == (0, len(text))


def test_a_regex_unescapes_only_slashes() -> None:
    (term,) = tokenize(r"/a\/b\d+\\/")
    assert term.kind == "regex"
    assert term.values[0].text == r"a/b\d+\\"
    assert (term.start, term.end) == (0, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-bot", [("word", True, "", ["bot"])]),
        ('-"good morning"', [("phrase", True, "", ["good morning"])]),
        ("-/^!/", [("regex", True, "", ["^!"])]),
        ("-type:message", [("field", True, "type", ["message"])]),
        ("--force", [("word", True, "", ["-force"])]),
        ("a-b", [("word", False, "", ["a-b"])]),
    ],
)
def test_a_dash_before_any_term_negates_it(text: str, expected: list[object]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("type:ban,kick,3001", ("type", ["ban", "kick", "3001"])),
        ("TYPE:Ban", ("type", ["Ban"])),
        ('agent:"night owl"', ("agent", ["night owl"])),
        ('agent:"night owl",bob,"a,b"', ("agent", ["night owl", "bob", "a,b"])),
        ("subject:@alice", ("subject", ["@alice"])),
        ("channel:#general", ("channel", ["#general"])),
        ("type:ban,", ("type", ["ban"])),
        ("type:ban,,kick", ("type", ["ban", "kick"])),
        ("after:14:05", ("after", ["14:05"])),
        ('before:"2026-12-03 14:05"', ("before", ["2026-12-03 14:05"])),
        ('agent:a"b', ("agent", ['a"b'])),
    ],
)
def test_fields_take_comma_lists_of_bare_or_quoted_values(
    text: str, expected: tuple[str, list[str]]
) -> None:
    assert kinds(text) == [("field", False, expected[0], expected[1])]


def test_value_positions_point_into_the_query() -> None:
    (term,) = tokenize('agent:bob,"night owl"')
    assert [(v.start, v.end, v.quoted) for v in term.values] == [(6, 9, False), (10, 21, True)]


def test_a_date_then_a_time_of_day_is_one_time() -> None:
    (term,) = tokenize("after:2026-12-03 14:05 spam")[:1]
    assert term.values[0] == Value("2026-12-03T14:05", 6, 22, False)
    assert kinds("after:2026-12-03 14:05 spam")[1] == ("word", False, "", ["spam"])


def test_a_date_followed_by_other_words_stays_a_date() -> None:
    assert kinds("after:2026-12-03 14:05x") == [
        ("field", False, "after", ["2026-12-03"]),
        ("word", False, "", ["14:05x"]),
    ]


@pytest.mark.parametrize(
    "text", ["https://discord.gg/abc", "http://x", "12:30", ":wave:", "<:a:1>"]
)
def test_links_times_and_emoji_are_words(text: str) -> None:
    assert kinds(text) == [("word", False, "", [text])]


def test_everything_combines() -> None:
    text = 'type:ban,kick -agent:"night owl" "good morning" /ra+id/ -bot after:2h'
    assert kinds(text) == [
        ("field", False, "type", ["ban", "kick"]),
        ("field", True, "agent", ["night owl"]),
        ("phrase", False, "", ["good morning"]),
        ("regex", False, "", ["ra+id"]),
        ("word", True, "", ["bot"]),
        ("field", False, "after", ["2h"]),
    ]
    query = parse_query(text, now_ms=NOW, tz=timezone.utc)
    assert query.source == text
    assert not query.is_empty
    assert query.uses_names


def test_only_name_terms_make_a_query_depend_on_names() -> None:
    def uses_names(text: str) -> bool:
        return parse_query(text, now_ms=NOW, tz=timezone.utc).uses_names

    assert not uses_names("type:ban agent:123 after:2h -before:1h")
    assert uses_names("agent:alice")
    assert uses_names("spam")
    assert uses_names("/x/")
