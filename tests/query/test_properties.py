"""Whatever is typed, parse_query raises QueryError or nothing, and select never raises."""

import re
from datetime import timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st
from support.query_rows import Columns, FakeNames, Row

from archit_tui.protocol.actions import action_type
from archit_tui.protocol.query import Query, QueryError, parse_query
from archit_tui.protocol.query.lexer import tokenize

NOW = 1_796_311_845_678
ZONES = st.sampled_from([timezone.utc, timezone(timedelta(hours=5, minutes=30))])
FRAGMENTS = st.sampled_from(
    [
        "type:", "agent:", "subject:", "channel:", "before:", "after:", "tpye:", "-", '"', "/",
        "\\", ",", " ", ":", "@", "#", "ban", "kick", "message", "unknown", "unknown(", ")", "(",
        "[", "]", "*", "+", "?", "{", "}", "|", "^", "$", "10m", "2h", "14:05", "2026-12-03",
        "T", "Z", "+05:30", "now", "today", "3001", "9999", "-5", "alice", "owl", "night owl",
        "é", "\n", "\x00", "🎉", "https://", "a", "b", "1",
    ]
)  # fmt: skip
QUERIES = st.text(max_size=40) | st.lists(FRAGMENTS, max_size=12).map("".join)
NAMES = FakeNames(
    {1: "Alice", 2: ["bob", "Night Owl"], 3: 'a "b": c'}, {11: "general", 12: "mod: chat"}
)
ROWS = st.builds(
    Row,
    number=st.sampled_from([3001, 3002, 22, 20, 72, 9999, -5, 0]),
    agent=st.sampled_from([0, 1, 2, 3, 4]),
    subject=st.sampled_from([0, 1, 2, 11, 12]),
    channel=st.sampled_from([0, 11, 12, 13]),
    time=st.integers(NOW - 10**9, NOW + 10**6),
    text=st.text(alphabet="abn owl:ALIC1é()-", max_size=12),
)


def parsed(text: str, tz: timezone) -> Query | None:
    try:
        return parse_query(text, now_ms=NOW, tz=tz)
    except QueryError as error:
        assert 0 <= error.start <= error.end <= len(text)
        assert error.message
        return None


@settings(max_examples=500)
@given(QUERIES, ZONES)
def test_parse_raises_only_query_errors_inside_the_text(text: str, tz: timezone) -> None:
    parsed(text, tz)


@settings(max_examples=300)
@given(QUERIES, ZONES, st.lists(ROWS, max_size=12), st.data())
def test_select_never_raises_and_keeps_candidate_order(
    text: str, tz: timezone, rows: list[Row], data: st.DataObject
) -> None:
    query = parsed(text, tz)
    if query is None:
        return
    columns = Columns.of(rows)
    candidates = data.draw(st.permutations(range(len(rows))))
    selected = query.select(columns, NAMES, candidates)
    assert selected == [i for i in candidates if i in set(selected)]


@settings(max_examples=300)
@given(QUERIES, st.lists(ROWS, max_size=12))
def test_a_term_and_its_negation_split_the_rows(text: str, rows: list[Row]) -> None:
    query = parsed(text, timezone.utc)
    if query is None or len(tokenize(text)) != 1 or tokenize(text)[0].negated:
        return
    negated = parse_query("-" + text.strip(), now_ms=NOW, tz=timezone.utc)
    columns = Columns.of(rows)
    everything = list(range(len(rows)))
    kept = query.select(columns, NAMES, everything)
    dropped = negated.select(columns, NAMES, everything)
    assert sorted(kept + dropped) == everything


def row_strings(row: Row) -> list[str]:
    """What a free word is looked for in, written out row by row (the reference)."""
    name = action_type(row.number).name.lower()
    strings = [row.text.lower(), name, name.replace("_", " ")]
    strings += NAMES.members.get(row.agent, [])
    strings += NAMES.members.get(row.subject, []) + [NAMES.channels.get(row.subject, "")]
    strings.append(NAMES.channels.get(row.channel, ""))
    return strings


@settings(max_examples=300)
@given(st.text(alphabet="abnowlic1()kunm _-", min_size=1, max_size=5), st.lists(ROWS, max_size=12))
def test_words_and_regexes_select_what_a_row_by_row_search_would(
    word: str, rows: list[Row]
) -> None:
    columns = Columns.of(rows)
    everything = list(range(len(rows)))
    needle = word.lower()
    expected = [i for i, row in enumerate(rows) if any(needle in s for s in row_strings(row))]
    phrase = '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    assert (
        parse_query(phrase, now_ms=NOW, tz=timezone.utc).select(columns, NAMES, everything)
        == expected
    )
    pattern = re.escape(word).replace("/", "\\/")
    regex = parse_query(f"/{pattern}/", now_ms=NOW, tz=timezone.utc)
    assert regex.select(columns, NAMES, everything) == expected
