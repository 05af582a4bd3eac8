"""Connection failures in plain words, and reconnection that restores the session once."""

import asyncio
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from support.events import EventLog
from support.standin import TEST_TOKEN, running_standin

from archit_tui.gateway.client import GatewayClient, ReconnectPolicy
from archit_tui.gateway.errors import GatewayConnectError
from archit_tui.gateway.events import StateChanged
from archit_tui.gateway.state import Phase
from archit_tui.protocol.models import LogPoolEvent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_listener() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


async def connect_error(url: str, **options: object) -> str:
    client = GatewayClient(connect_timeout=1, **options)  # type: ignore[arg-type]
    try:
        with pytest.raises(GatewayConnectError) as raised:
            await client.connect(url)
        assert client.state.phase is Phase.DISCONNECTED
        assert client.state.reason == str(raised.value)
        return str(raised.value)
    finally:
        await client.close()


async def test_refused() -> None:
    port = free_port()
    message = await connect_error(f"http://127.0.0.1:{port}")
    assert message == (
        f"connection refused by 127.0.0.1:{port}: nothing is listening there "
        "(is the gateway running?)"
    )


async def test_unknown_host() -> None:
    message = await connect_error("http://no-such-gateway.invalid:8765")
    assert message.startswith("unknown host 'no-such-gateway.invalid'")


async def test_timeout() -> None:
    with silent_listener() as port:
        message = await connect_error(f"http://127.0.0.1:{port}")
    assert message.startswith(f"127.0.0.1:{port} did not answer within 1 s")


async def test_wrong_path_and_tls() -> None:
    async with running_standin() as gateway:
        wrong_path = await connect_error(gateway.url, socketio_path="not-socket.io")
        assert "no Socket.IO endpoint at /not-socket.io/" in wrong_path
        tls = await connect_error(gateway.url.replace("http://", "https://"))
        assert tls.startswith("TLS failure talking to 127.0.0.1:")


async def test_not_a_url() -> None:
    message = await connect_error("gateway.archit.us")
    assert "is not a gateway URL" in message


@pytest.mark.parametrize("transports", [None, ["websocket"]])
async def test_restarted_standin_reelevates_and_respectates_exactly_once(transports) -> None:  # noqa: ANN001
    async with running_standin(rate=0) as first:
        port = int(first.url.rsplit(":", 1)[1])
        guild_id = next(iter(first.guilds))
        client = GatewayClient(
            connect_timeout=2,
            request_timeout=2,
            reconnect=ReconnectPolicy(first_delay=0.05, max_delay=0.2),
            transports=transports,
        )
        log = EventLog(client)
        await client.connect(first.url)
        await client.elevate(TEST_TOKEN)
        await client.spectate(guild_id)
    try:
        await log.wait_for(lambda log: Phase.RECONNECTING in log.phases, what="reconnecting")
        async with running_standin(rate=0, port=port) as second:
            await log.wait_for(
                lambda log: log.phases.count(Phase.SPECTATING) == 2, what="spectating again"
            )
            assert second.elevations == 1
            assert client.reconnects == 1
            after_drop = log.phases[log.phases.index(Phase.RECONNECTING) :]
            assert after_drop.count(Phase.ELEVATED) == 1
            assert after_drop[-3:] == [Phase.CONNECTED, Phase.ELEVATED, Phase.SPECTATING]
            await client.request_all("guild", None)  # a round trip: the spectate has landed
            await second.send_burst(guild_id, 5)
            await log.wait_for(lambda log: len(log.of_type(LogPoolEvent)) == 5, what="5 actions")
    finally:
        await client.close()


async def test_reconnect_reports_attempt_and_delay_while_the_gateway_is_down() -> None:
    async with running_standin() as gateway:
        client = GatewayClient(
            connect_timeout=1, reconnect=ReconnectPolicy(first_delay=0.05, max_delay=0.1)
        )
        log = EventLog(client)
        await client.connect(gateway.url)
    try:
        await log.wait_for(
            lambda log: sum(p is Phase.RECONNECTING for p in log.phases) >= 3, what="3 attempts"
        )
        states = [
            e.state
            for e in log.events
            if getattr(e, "state", None) and e.state.phase is Phase.RECONNECTING
        ]
        assert [state.attempt for state in states[:3]] == [1, 2, 3]
        assert all(0 < state.delay <= 0.1 for state in states)
        assert "connection refused" in (states[-1].reason or "")
        assert states[0].describe().startswith("reconnecting in 0 s (attempt 1)")
    finally:
        await client.close()
    assert client.state.phase is Phase.DISCONNECTED
    await asyncio.sleep(0.3)
    log.drain()
    assert log.phases[-1] is Phase.DISCONNECTED


def streaming_since_spectate(log: EventLog, spectates: int) -> bool:
    """True once spectating began ``spectates`` times and an action arrived after the last."""
    starts = [
        index
        for index, event in enumerate(log.events)
        if isinstance(event, StateChanged) and event.state.phase is Phase.SPECTATING
    ]
    if len(starts) < spectates:
        return False
    return any(isinstance(event, LogPoolEvent) for event in log.events[starts[-1] :])


async def test_twenty_restarts_under_a_streaming_client_reelevate_exactly_twenty_times() -> None:
    restarts = 20
    client = GatewayClient(
        connect_timeout=2,
        request_timeout=2,
        reconnect=ReconnectPolicy(first_delay=0.02, max_delay=0.1),
    )
    log = EventLog(client)
    elevations = []
    try:
        async with running_standin(rate=50) as first:
            port = int(first.url.rsplit(":", 1)[1])
            guild_id = next(iter(first.guilds))
            await client.connect(first.url)
            await client.elevate(TEST_TOKEN)
            await client.spectate(guild_id)
            await log.wait_for(lambda log: log.of_type(LogPoolEvent), what="streaming")
            elevations.append(first.elevations)
        for restart in range(1, restarts + 1):
            await log.wait_for(
                lambda log, n=restart: log.phases.count(Phase.RECONNECTING) >= n, what="the drop"
            )
            async with running_standin(rate=50, port=port) as gateway:
                await log.wait_for(
                    lambda log, n=restart: streaming_since_spectate(log, n + 1),
                    what=f"actions streaming again after restart {restart}",
                )
                elevations.append(gateway.elevations)
        assert elevations == [1] * (restarts + 1)
        assert client.reconnects == restarts
        assert log.phases.count(Phase.SPECTATING) == restarts + 1
    finally:
        await client.close()
