"""Capture files: every event received on disk, flushed promptly, rotated, read back exactly."""

import asyncio
import os
import stat
import time
from pathlib import Path

from support.events import EventLog
from support.standin import TEST_TOKEN, running_standin

from archit_tui.gateway.capture import (
    FLUSH_SECONDS,
    CaptureRecord,
    CaptureWriter,
    capture_parts,
    read_capture,
)
from archit_tui.gateway.client import GatewayClient
from archit_tui.gateway.state import ConnectionState, Phase
from archit_tui.gateway.wire_json import UndecodableJSON
from archit_tui.protocol.models import LogPoolEvent


def records(path: Path) -> list[CaptureRecord]:
    found = list(read_capture(path))
    assert all(isinstance(record, CaptureRecord) for record in found), found
    return found  # type: ignore[return-value]


def test_records_read_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    writer = CaptureWriter(path)
    at = 1_733_250_000.5
    huge = '{"guild_id":"1","log_action":{"id":"18446744073709551616","action_number":3001}}'
    writer.event(at, "log_pool", {"ignored": True}, huge)
    writer.event(at, "mock_bot_event", {"guild_id": 1, "content": "hi ✨"})
    writer.event(at, "log_pool", UndecodableJSON('["log_pool",{bad', "not valid JSON (x)"))
    writer.state(at, ConnectionState(Phase.RECONNECTING, reason="the gateway went away"))
    writer.close()
    log_pool, chat, bad, state = records(path)
    assert (log_pool.at, log_pool.event, log_pool.text) == (1_733_250_000.5, "log_pool", huge)
    assert chat.payload == {"guild_id": 1, "content": "hi ✨"}
    assert bad.undecodable == UndecodableJSON('["log_pool",{bad', "not valid JSON (x)")
    assert (state.state, state.reason, state.event) == (
        "reconnecting",
        "the gateway went away",
        None,
    )
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_unusable_lines_are_named_not_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"at": 1, "event": "log_pool", "payload": {}}\nnot json\n[1]\n')
    found = list(read_capture(path))
    assert isinstance(found[0], CaptureRecord)
    assert found[1:] == [
        "c.jsonl line 2 is not a capture record",
        "c.jsonl line 3 is not a capture record",
    ]


async def test_written_out_within_the_flush_period_without_closing(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    writer = CaptureWriter(path)
    try:
        writer.event(1.0, "log_pool", {"n": 1})
        deadline = time.monotonic() + 10 * FLUSH_SECONDS + 5
        while b'"n":1' not in path.read_bytes():
            assert time.monotonic() < deadline, "the record never reached the disk"
            await asyncio.sleep(0.05)
    finally:
        writer.close()


def test_rotation_keeps_parts_in_order_and_drops_the_oldest(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    writer = CaptureWriter(path, rotate_bytes=200, keep_parts=3)
    for n in range(40):
        writer.event(1.0, "log_pool", {"n": n})
    writer.close()
    parts = capture_parts(path)
    assert [part.name for part in parts] == ["c.jsonl.3", "c.jsonl.2", "c.jsonl.1", "c.jsonl"]
    numbers = [record.payload["n"] for record in records(path)]
    assert numbers == list(range(numbers[0], 40))  # the newest, in order, none missing
    assert numbers[0] > 0  # the oldest part was deleted


async def test_a_session_captures_every_event_received_and_never_the_token(tmp_path: Path) -> None:
    path = tmp_path / "session.jsonl"
    capture = CaptureWriter(path)
    async with running_standin(rate=0, backlog=25) as gateway:
        guild_id = next(iter(gateway.guilds))
        client = GatewayClient(capture=capture)
        log = EventLog(client)
        try:
            await client.connect(gateway.url)
            await client.elevate(TEST_TOKEN)
            await client.spectate(guild_id)
            await log.wait_for(lambda log: len(log.of_type(LogPoolEvent)) == 25, what="backlog")
        finally:
            await client.close()
    capture.close()
    found = records(path)
    received = [record for record in found if record.event is not None]
    assert sum(record.event == "log_pool" for record in received) == 25
    assert len(received) == client.wire.chat_added + client.wire.stream_added - 2  # 2 sent
    ids = [event.action.id for event in log.of_type(LogPoolEvent)]
    assert [int(r.payload["log_action"]["id"]) for r in received if r.event == "log_pool"] == ids
    assert [r.state for r in found if r.state][:4] == [
        "connecting",
        "connected",
        "elevated",
        "spectating",
    ]
    sent = [record.sent for record in found if record.sent]
    assert "spectate" in sent and "request_elevation" not in sent
    assert TEST_TOKEN not in path.read_text()
