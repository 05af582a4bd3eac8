"""Events over the gateway's payload limit: an error in plain words, never a silent disconnect."""

from __future__ import annotations

import asyncio

import pytest
import socketio
from support.events import EventLog
from support.standin import TEST_TOKEN, running_standin

from archit_tui.gateway.client import GatewayClient
from archit_tui.gateway.errors import GatewayRequestError
from archit_tui.gateway.limits import PAYLOAD_LIMIT, payload_bytes
from archit_tui.gateway.state import Phase
from archit_tui.protocol.models import GatewayError, MockBotEvent

MOCK_GUILD = 4242
TOO_BIG = "x" * (PAYLOAD_LIMIT + 1000)


def test_the_limit_counts_utf8_bytes_of_compact_json() -> None:
    assert PAYLOAD_LIMIT == 1_000_000
    assert payload_bytes({"a": [1, 2]}) == len('{"a":[1,2]}')
    assert payload_bytes({"e": "👍"}) == len('{"e":""}') + 4
    assert payload_bytes({"id": 2**70}) == len('{"id":}') + len(str(2**70))


async def next_error(errors: asyncio.Queue[dict], timeout: float = 10) -> dict:
    return await asyncio.wait_for(errors.get(), timeout)


@pytest.mark.parametrize("transports", [["polling"], ["websocket"]])
async def test_the_standin_answers_an_oversized_event_with_413_and_stays_connected(
    transports: list[str],
) -> None:
    """Over long-polling, each event is an HTTP POST; over a websocket, one message."""
    async with running_standin() as gateway:
        bare = socketio.AsyncClient(reconnection=False)
        errors: asyncio.Queue[dict] = asyncio.Queue()
        bare.on("error", errors.put_nowait)
        await bare.connect(gateway.url, transports=transports, wait_timeout=5)
        try:
            chat = {"guild_id": MOCK_GUILD, "content": TOO_BIG, "message_id": 6}
            await bare.emit("mock_user_event", chat)
            error = await next_error(errors)
            size = payload_bytes(chat)
            assert error["code"] == 413
            assert error["context"] == ["mock_user_event", 6]
            assert error["human"] == (
                f"the message is {size:,} bytes, over the gateway's 1,000,000-byte limit"
            )
            pool = {"type": "member", "guildId": "1", "ids": ["1"] * 300_000, "_id": 7}
            await bare.emit("pool_request", pool)
            error = await next_error(errors)
            assert error["code"] == 413 and error["_id"] == 7
            assert error["context"] == ["pool_request"]
            assert error["human"].startswith("the pool_request event is ")
            await bare.emit("no_such_event", {"blob": TOO_BIG})
            assert (await next_error(errors))["code"] == 413
            await bare.emit("no_such_event", {"blob": "x" * 600_000})  # read whole, and heard
            assert (await next_error(errors))["code"] == 400
            assert bare.connected
            await bare.emit("spectate", {"guild_id": "1"})  # still heard, still answered
            assert (await next_error(errors))["code"] == 401
            assert bare.connected
        finally:
            # Without abort, a long-polling client's disconnect waits out the server's poll.
            await bare.eio.disconnect(abort=True)


async def test_the_client_refuses_to_send_an_oversized_message() -> None:
    async with running_standin() as gateway:
        client = GatewayClient(request_timeout=5, connect_timeout=5)
        log = EventLog(client)
        try:
            await client.connect(gateway.url)
            assert (await client.elevate(TEST_TOKEN)).success
            sent_before = client.wire.chat_added
            message_id = await client.send_message(MOCK_GUILD, TOO_BIG)
            await log.wait_for(lambda log: log.of_type(GatewayError), what="a local error")
            error = log.of_type(GatewayError)[0]
            size = payload_bytes(
                {"guild_id": MOCK_GUILD, "content": TOO_BIG, "message_id": message_id}
            )
            assert size > PAYLOAD_LIMIT
            assert error.code == 413
            assert error.context == ("mock_user_event", message_id)
            assert error.text == (
                f"the message is {size:,} bytes, over the gateway's 1,000,000-byte limit; not sent"
            )
            assert TEST_TOKEN not in repr(error)
            assert client.wire.chat_added == sent_before  # nothing went out
            with pytest.raises(GatewayRequestError) as raised:
                await client.request_pool("member", next(iter(gateway.guilds)), [10**18] * 60_000)
            assert raised.value.error.code == 413
            assert "not sent" in raised.value.error.text
            await client.send_message(MOCK_GUILD, "!help")  # the connection still works
            await log.wait_for(lambda log: log.of_type(MockBotEvent), what="the bot's reply")
            assert len(log.of_type(GatewayError)) == 1  # the stand-in never saw the big one
            assert client.state.phase is Phase.ELEVATED
        finally:
            await client.close()


async def test_the_client_refuses_to_send_an_oversized_token_at_once() -> None:
    """The elevation fails in plain words, not after the request timeout, and nothing is sent."""
    async with running_standin() as gateway:
        client = GatewayClient(request_timeout=30, connect_timeout=5)
        log = EventLog(client)
        try:
            await client.connect(gateway.url)
            result = await asyncio.wait_for(client.elevate(TOO_BIG), 3)
            size = payload_bytes({"token": TOO_BIG})
            reason = (
                f"the token is too large to send ({size:,} bytes; "
                "the gateway takes at most 1,000,000)"
            )
            assert not result.success and result.reason == reason
            assert client.state.phase is Phase.CONNECTED
            assert client.state.reason == f"elevation refused: {reason}"
            assert (await client.elevate(TEST_TOKEN)).success  # still connected, still heard
            sent = [r.event for r in client.wire.records if r.direction == "out"]
            assert sent == ["request_elevation"]  # the good token's only
            log.drain()
            assert log.of_type(GatewayError) == []
            assert TOO_BIG not in repr(client.wire.records)
        finally:
            await client.close()
