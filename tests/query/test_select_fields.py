"""Selecting rows by fields, by several terms at once, and from chosen candidates."""

from datetime import timezone

import pytest
from support.query_sample import ALL, COLUMNS, NOW, fake_names, select

from archit_tui.protocol.query import parse_query


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("type:ban,kick,3001", [0, 1, 2, 8]),
        ("type:3001", [0, 8]),
        ("type:message", [0, 4, 8]),
        ("type:MESSAGE_SEND", [0, 8]),
        ("type:member-ban-add", [1]),
        ("type:channel", [5]),
        ("type:delete", [5]),
        ("type:unknown", [3, 7]),
        ("type:unk,kick", [2, 3, 7]),
        ("type:9999", [3]),
        ("type:unknown(-5)", [7]),
        ("type:reaction_add", [6]),
    ],
)
def test_type_field(text: str, rows: list[int]) -> None:
    assert select(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("agent:alice", [0, 5]),
        ("agent:ALI", [0, 5]),
        ("agent:101", [0, 5]),
        ("agent:@alice", [0, 5]),
        ('agent:"night owl"', [1, 6]),
        ("agent:bob,carol", [1, 2, 6]),
        ('agent:"1234"', [4]),
        ("agent:@1234", [4]),
        ("agent:1234", []),
        ("agent:999", [8]),
        ("agent:nobody", []),
        ("agent:0", [3, 7]),
        ("subject:alice", [1]),
        ('subject:"night shift"', [5]),
        ("subject:#night", [2, 5]),
        ("channel:#general", [0, 6]),
        ("channel:201,202", [0, 4, 6]),
        ("channel:mod", [4]),
        ("channel:alice", []),
    ],
)
def test_entity_fields_take_ids_and_names(text: str, rows: list[int]) -> None:
    assert select(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("after:2026-12-03T12:00:02Z", [2, 3, 4, 5, 6, 7, 8]),
        ("before:2026-12-03T12:00:02Z", [0, 1]),
        ("after:2026-12-03T12:00:02Z before:2026-12-03T12:00:04Z", [2, 3]),
        ("after:55s", [5, 6, 7, 8]),
        ("after:54s", [6, 7, 8]),
        ("after:1m", ALL),
        ("before:now", ALL),
        ("after:now", []),
        ("after:12:00:05", [5, 6, 7, 8]),
        ("after:2026-12-04", []),
        ("before:2026-12-03", []),
    ],
)
def test_after_is_inclusive_and_before_is_exclusive(text: str, rows: list[int]) -> None:
    assert select(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("type:ban,kick spam -raid", [2]),
        ("alice -type:message", [1, 5]),
        ("/spam/ agent:bob after:2026-12-03T12:00:01Z", [1]),
        ('good -"good morning"', []),
        ("owl -agent:owl", [2]),
    ],
)
def test_terms_combine_with_and(text: str, rows: list[int]) -> None:
    assert select(text) == rows


def test_results_follow_the_candidates_order_and_subset() -> None:
    assert select("good", [4, 6, 0]) == [4, 0]
    assert select("", [8, 2]) == [8, 2]
    assert select("good", iter([4, 0])) == [4, 0]
    assert select("good", range(1, 5)) == [4]
    assert select("good", []) == []


def test_the_result_is_a_new_list() -> None:
    candidates = [0, 4]
    for text in ("", "good"):
        result = select(text, candidates)
        assert result == [0, 4]
        assert result is not candidates


def test_names_are_resolved_once_per_term_and_select_and_never_cached() -> None:
    names = fake_names()
    query = parse_query("zed bot", now_ms=NOW, tz=timezone.utc)
    assert query.select(COLUMNS, names, ALL) == []
    assert names.lookups == 2  # the first word found nothing; no rows were left for the second
    names.members[999] = ["zed"]
    names.lookups = 0
    assert query.select(COLUMNS, names, ALL) == [8]
    assert names.lookups == 4


def test_field_names_follow_the_pools_too() -> None:
    names = fake_names()
    query = parse_query("agent:zed", now_ms=NOW, tz=timezone.utc)
    assert query.select(COLUMNS, names, ALL) == []
    names.members[999] = ["zed"]
    assert query.select(COLUMNS, names, ALL) == [8]
