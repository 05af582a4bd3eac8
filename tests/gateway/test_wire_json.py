"""Packets that the fast decoder cannot read still reach the user as malformed events."""

from support.events import EventLog
from support.standin import TEST_TOKEN, running_standin

from archit_tui.gateway.client import GatewayClient
from archit_tui.gateway.wire_json import UndecodableJSON, WireText, dumps, loads
from archit_tui.protocol.models import LogPoolEvent, MalformedEvent


def test_one_payload_events_carry_their_text() -> None:
    decoded = loads('["log_pool",{"guild_id":"1","log_action":{"id":"5","action_number":1}}]')
    assert decoded[2] == '{"guild_id":"1","log_action":{"id":"5","action_number":1}}'
    assert type(decoded[2]) is WireText


def test_nan_and_undecodable_text() -> None:
    assert loads('["e",{"x":NaN}]')[1]["x"] != loads('["e",{"x":NaN}]')[1]["x"]
    broken = loads('["log_pool",{"x":')
    assert broken[0] == "log_pool" and isinstance(broken[1], UndecodableJSON)
    assert loads("garbage")[0] == "(undecodable packet)"


def test_dumps_keeps_integers_beyond_64_bits() -> None:
    assert dumps({"n": 2**70}) == '{"n":1180591620717411303424}'


async def test_an_undecodable_packet_is_reported_and_the_stream_goes_on() -> None:
    async with running_standin(backlog=0) as gateway:
        client = GatewayClient(connect_timeout=5, request_timeout=5)
        log = EventLog(client)
        await client.connect(gateway.url)
        try:
            await client.elevate(TEST_TOKEN)
            sid = next(iter(gateway._sessions))  # noqa: SLF001
            eio_sid = gateway.sio.manager.eio_sid_from_sid(sid, "/")
            await gateway.sio.eio.send(eio_sid, '2["log_pool",{"guild_id":')
            payload = {"guild_id": "1", "log_action": {"id": "5", "action_number": 3001}}
            await gateway.sio.emit("log_pool", payload, to=sid)
            await log.wait_for(lambda log: log.of_type(LogPoolEvent), what="the good event")
            malformed = log.of_type(MalformedEvent)
            assert [(m.event, m.raw) for m in malformed] == [
                ("log_pool", '["log_pool",{"guild_id":')
            ]
            assert malformed[0].reason.startswith("not valid JSON")
            assert log.of_type(LogPoolEvent)[0].raw_text == (
                '{"guild_id":"1","log_action":{"id":"5","action_number":3001}}'
            )
        finally:
            await client.close()
