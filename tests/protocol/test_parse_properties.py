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
