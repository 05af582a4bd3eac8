"""term_for writes terms that read back as the value they came from."""

from datetime import timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.query_rows import Columns, FakeNames, Row

from archit_tui.protocol.actions import action_type
from archit_tui.protocol.query import parse_query, term_for

NOW = 1_796_311_845_678
NAMES = {
    1: "Alice",
    2: "night owl",
    3: 'Carol "The Hammer": Mod',
    4: "1234",
    5: "back\\slash, comma",
    6: "@at sign",
    7: "-dash",
    8: "",
}
CHANNELS = {11: "#general", 12: "mod: chat", 13: '"quoted"'}
ROWS = [
    Row(3001, agent=1, subject=2, channel=11, time=NOW - 5, text="Hello"),
    Row(3001, agent=2, subject=0, channel=12, time=NOW - 5),
    Row(72, agent=3, subject=1, channel=13, time=NOW - 4),
    Row(3003, agent=4, subject=12, channel=0, time=NOW - 4),
    Row(9999, agent=5, subject=5, channel=11, time=NOW - 3),
    Row(22, agent=6, subject=3, channel=12, time=NOW - 2),
    Row(-5, agent=7, subject=13, channel=0, time=NOW - 1),
    Row(20, agent=0, subject=0, channel=0, time=-1),
]
COLUMNS = Columns.of(ROWS)
ALL = list(range(len(ROWS)))


def select(term: str, names: FakeNames | None = None) -> list[int]:
    query = parse_query(term, now_ms=NOW, tz=timezone.utc)
    return query.select(COLUMNS, names or FakeNames(NAMES, CHANNELS), ALL)


def rows_where(column: list[int], value: int) -> list[int]:
    return [i for i in ALL if column[i] == value]


@pytest.mark.parametrize("number", sorted(set(COLUMNS.numbers)))
def test_type_numbers_and_names_round_trip(number: int) -> None:
    assert select(term_for("type", number)) == rows_where(COLUMNS.numbers, number)
    name = action_type(number).name
    shown_so = [i for i in ALL if action_type(COLUMNS.numbers[i]).name == name]
    assert select(term_for("type", name)) == shown_so


def test_type_terms_read_well() -> None:
    assert term_for("type", 3001) == "type:3001"
    assert term_for("type", "MESSAGE_SEND") == "type:message_send"
    assert term_for("type", "UNKNOWN(9999)") == "type:9999"
    assert select("type:message_delete") == [2, 3]


@pytest.mark.parametrize("field", ["agent", "subject", "channel"])
def test_ids_round_trip(field: str) -> None:
    column = getattr(COLUMNS, f"{field}s")
    for value in sorted(set(column)):
        assert select(term_for(field, value)) == rows_where(column, value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("member_id", "name"), [(k, v) for k, v in NAMES.items() if v])
def test_member_names_round_trip_with_spaces_quotes_and_colons(member_id: int, name: str) -> None:
    assert select(term_for("agent", name)) == rows_where(COLUMNS.agents, member_id)
    subjects = rows_where(COLUMNS.subjects, member_id)
    assert select(term_for("subject", name)) == subjects


@pytest.mark.parametrize(("channel_id", "name"), list(CHANNELS.items()))
def test_channel_names_round_trip(channel_id: int, name: str) -> None:
    assert select(term_for("channel", name)) == rows_where(COLUMNS.channels, channel_id)


@pytest.mark.parametrize(
    ("field", "value", "term"),
    [
        ("agent", "Alice", "agent:Alice"),
        ("agent", "night owl", 'agent:"night owl"'),
        ("agent", 'Carol "The Hammer": Mod', 'agent:"Carol \\"The Hammer\\": Mod"'),
        ("agent", "1234", 'agent:"1234"'),
        ("agent", 1234, "agent:1234"),
        ("channel", "#general", "channel:#general"),
        ("text", "hello", "hello"),
        ("text", "good morning", '"good morning"'),
        ("text", "-bot", '"-bot"'),
        ("text", "/x/", '"/x/"'),
        ("text", "note:", '"note:"'),
        ("time", NOW, "after:2026-12-03T15:30:45.678Z before:2026-12-03T15:30:45.679Z"),
        ("time", 1_796_311_845_000, "after:2026-12-03T15:30:45Z before:2026-12-03T15:30:45.001Z"),
    ],
)
def test_terms_are_quoted_only_as_needed(field: str, value: str | int, term: str) -> None:
    assert term_for(field, value) == term  # type: ignore[arg-type]


@pytest.mark.parametrize("time", sorted(set(COLUMNS.times)))
def test_times_round_trip_to_the_millisecond(time: int) -> None:
    assert select(term_for("time", time)) == rows_where(COLUMNS.times, time)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("agent", ""),
        ("agent", "@"),
        ("channel", "#"),
        ("agent", -1),
        ("agent", True),
        ("type", "MESSAGE"),
        ("type", "nonsense"),
        ("time", "yesterday"),
        ("time", 10**18),
    ],
)
def test_values_a_field_cannot_hold_are_refused(field: str, value: str | int) -> None:
    with pytest.raises(ValueError):
        term_for(field, value)  # type: ignore[arg-type]


@given(st.text(min_size=1, max_size=40))
def test_any_member_name_finds_its_rows(name: str) -> None:
    if name in ("@", "#"):
        return
    names = FakeNames({1: name, 2: "\x00unrelated"}, {11: name})
    assert 0 in select(term_for("agent", name), names)
    assert 0 in select(term_for("channel", name), names)


@given(st.text(min_size=1, max_size=40))
def test_any_text_finds_its_rows(text: str) -> None:
    columns = Columns.of([Row(text=f"<{text}>"), Row(text="")])
    query = parse_query(term_for("text", text), now_ms=NOW, tz=timezone.utc)
    assert 0 in query.select(columns, FakeNames(), [0, 1])
