"""Property tests: no parser raises, whatever JSON arrives."""

from hypothesis import given, settings
from hypothesis import strategies as st
from support.json_strategies import JSON_VALUES

from archit_tui.protocol.models import ENTITY_KINDS
from archit_tui.protocol.parse import INCOMING_PARSERS, parse_entity, parse_log_action
from archit_tui.protocol.requests import (
    parse_elevation_request,
    parse_mock_user_event,
    parse_pool_request,
    parse_spectate,
)


@settings(max_examples=400)
@given(st.sampled_from(sorted(INCOMING_PARSERS)), JSON_VALUES)
def test_incoming_parsers_never_raise(event: str, payload: object) -> None:
    INCOMING_PARSERS[event](payload)


@settings(max_examples=300)
@given(JSON_VALUES)
def test_log_action_parser_never_raises(payload: object) -> None:
    parse_log_action(payload)


@settings(max_examples=300)
@given(st.sampled_from(ENTITY_KINDS), JSON_VALUES)
def test_entity_parser_never_raises(kind: str, payload: object) -> None:
    parse_entity(kind, payload)  # type: ignore[arg-type]


@settings(max_examples=300)
@given(JSON_VALUES, st.booleans())
def test_request_parsers_never_raise(payload: object, all_of_kind: bool) -> None:
    parse_elevation_request(payload)
    parse_spectate(payload)
    parse_mock_user_event(payload)
    parse_pool_request(payload, all_of_kind=all_of_kind)


def test_deep_nesting_does_not_raise() -> None:
    deep: object = {}
    for _ in range(5000):
        deep = {"log_action": deep, "old_data": [deep]}
    for parse in INCOMING_PARSERS.values():
        parse(deep)


_IDS = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=2**64 + 5),
    st.integers(min_value=0, max_value=2**64 - 1).map(str),
    st.sampled_from(["", "12a", " 1", "١", "9" * 19, "9" * 20, True, 1.5]),
)
_ACTIONS = st.fixed_dictionaries(
    {"id": _IDS, "action_number": st.one_of(st.integers(), st.just("3001"), st.none())},
    optional={
        "agent_id": _IDS,
        "subject_id": _IDS,
        "channel_id": _IDS,
        "guild_id": _IDS,
        "timestamp": st.one_of(
            st.none(), st.integers(), st.floats(allow_nan=False), st.text(max_size=3)
        ),
        "content": st.one_of(st.none(), st.text(max_size=10), st.integers()),
        "reason": st.one_of(st.none(), st.text(max_size=10), st.booleans()),
        "reversible": st.one_of(st.none(), st.booleans(), st.integers(0, 1)),
        "private": st.one_of(st.none(), st.booleans(), st.text(max_size=2)),
        "origin": st.one_of(st.none(), st.integers(0, 3), st.booleans()),
        "old_data": JSON_VALUES,
    },
)


@settings(max_examples=500)
@given(_IDS, _ACTIONS)
def test_the_quick_log_pool_path_agrees_with_the_checked_one(
    guild_id: object, action: dict
) -> None:
    from archit_tui.protocol.parse import checked_log_pool, quick_log_pool

    payload = {"guild_id": guild_id, "log_action": action}
    quick = quick_log_pool(payload)
    if quick is not None:
        assert quick == checked_log_pool(payload)
