"""The held rows: columns, dedupe by hoar frost, dropping the oldest, payloads kept exactly."""

import json

from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.models import LogPoolEvent
from archit_tui.protocol.parse import parse_log_pool
from archit_tui.protocol.rawstore import CHUNK_ROWS


def events(first_id: int, count: int) -> list[LogPoolEvent]:
    made = []
    for n in range(first_id, first_id + count):
        payload = {
            "guild_id": "5",
            "log_action": {
                "id": str(n << 22),
                "action_number": 3001,
                "content": f"Message {n} 日本 \\u202e",
            },
        }
        text = json.dumps(payload, ensure_ascii=False)
        event = parse_log_pool(json.loads(text), text)
        assert isinstance(event, LogPoolEvent)
        made.append(event)
    return made


def test_duplicates_are_held_once() -> None:
    store = ActionStore(max_actions=100)
    store.add(events(1, 10))
    added = store.add(events(5, 10))
    assert (added.count, added.duplicates, len(store)) == (4, 6, 14)


def test_the_oldest_are_dropped_and_payloads_survive_compaction() -> None:
    total = CHUNK_ROWS * 3 + 17
    store = ActionStore(max_actions=CHUNK_ROWS * 2)
    sent = events(1, total)
    for start in range(0, total, 500):
        store.add(sent[start : start + 500])
    assert len(store) == CHUNK_ROWS * 2 and store.dropped == total - CHUNK_ROWS * 2
    assert store.compact() >= 1
    for seq in (
        store.first_seq,
        store.first_seq + 1,
        store.end_seq - 1,
        store.first_seq + CHUNK_ROWS,
    ):
        assert store.raw_text(seq) == sent[seq].raw_text
        assert store.raw(seq) == sent[seq].raw
        assert store.action(seq).id == sent[seq].action.id
    assert store.texts[0] == sent[store.first_seq].action.content.lower()


def test_a_batch_that_repeats_itself_is_held_once() -> None:
    store = ActionStore(max_actions=100)
    batch = events(1, 5) + events(3, 2)
    added = store.add(batch)
    assert (added.count, added.duplicates) == (5, 2)
    assert list(store.ids) == [n << 22 for n in range(1, 6)]


def test_payloads_without_wire_text_are_held_as_json_of_what_was_parsed() -> None:
    """Events made in process (a replay, a test) carry no wire text: their payload is written."""
    with_text = events(1, 3)
    without = [event._replace(raw_text=None) for event in events(4, 3)]
    store = ActionStore(max_actions=100)
    store.add([with_text[0], without[0], with_text[1], without[1], without[2], with_text[2]])
    assert store.raw_text(0) == with_text[0].raw_text
    assert json.loads(store.raw_text(1)) == without[0].raw
    assert [store.raw(seq) for seq in range(6)] == [
        e.raw
        for e in (with_text[0], without[0], with_text[1], without[1], without[2], with_text[2])
    ]
