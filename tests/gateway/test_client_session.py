"""The real client against the real stand-in over loopback: elevation, spectate, pools, 401."""

import asyncio

import pytest
from support.events import EventLog
from support.standin import TEST_TOKEN, running_standin

from archit_tui.gateway.client import GatewayClient
from archit_tui.gateway.errors import GatewayRequestError
from archit_tui.gateway.state import Phase
from archit_tui.protocol.actions import action_type
from archit_tui.protocol.models import GatewayError, Guild, LogPoolEvent, MalformedEvent, Member


async def connected(url: str) -> GatewayClient:
    client = GatewayClient(request_timeout=5, connect_timeout=5)
    await client.connect(url)
    return client


async def test_elevation_with_the_right_token() -> None:
    async with running_standin() as gateway:
        client = await connected(gateway.url)
        try:
            result = await client.elevate(TEST_TOKEN)
            assert result.success and result.room and result.room.endswith("_auth")
            assert client.state.phase is Phase.ELEVATED
        finally:
            await client.close()


async def test_elevation_refused_with_a_wrong_token_says_so() -> None:
    async with running_standin() as gateway:
        client = await connected(gateway.url)
        try:
            result = await client.elevate("not-the-token")
            assert not result.success
            assert result.reason == "the gateway refused the token"
            assert client.state.phase is Phase.CONNECTED
            assert (
                client.state.describe()
                == "connected: elevation refused: the gateway refused the token"
            )
            assert gateway.elevations == 0
        finally:
            await client.close()


async def test_spectate_with_non_pool_gets_every_action() -> None:
    async with running_standin(backlog=60) as gateway:
        client = await connected(gateway.url)
        log = EventLog(client)
        try:
            await client.elevate(TEST_TOKEN)
            guild_id = next(iter(gateway.guilds))
            await client.spectate(guild_id, non_pool=True)
            await log.wait_for(lambda log: len(log.of_type(LogPoolEvent)) == 60, what="60 actions")
            actions = log.of_type(LogPoolEvent)
            assert {event.guild_id for event in actions} == {guild_id}
            assert any(not event.action.type.pool for event in actions)
            assert client.state.phase is Phase.SPECTATING and client.state.guild_id == guild_id
        finally:
            await client.close()


async def test_spectate_without_non_pool_gets_only_pool_actions() -> None:
    async with running_standin(backlog=400) as gateway:
        guild_id = next(iter(gateway.guilds))
        expected = sum(
            1
            for action in gateway._traffic_for(guild_id).history  # noqa: SLF001
            if action_type(action["action_number"]).pool
        )
        assert 0 < expected < 400
        client = await connected(gateway.url)
        log = EventLog(client)
        try:
            await client.elevate(TEST_TOKEN)
            await client.spectate(guild_id, non_pool=False)
            await log.wait_for(lambda log: len(log.of_type(LogPoolEvent)) == expected)
            await client.request_all("guild", None)  # a round trip: nothing else is on its way
            log.drain()
            actions = log.of_type(LogPoolEvent)
            assert len(actions) == expected
            assert all(event.action.type.pool for event in actions)
        finally:
            await client.close()


async def test_pools_list_guilds_and_merge_partial_replies() -> None:
    async with running_standin() as gateway:
        client = await connected(gateway.url)
        try:
            await client.elevate(TEST_TOKEN)
            guilds = await client.request_all("guild", None)
            assert len(guilds.entities) >= 3
            assert all(isinstance(guild, Guild) and guild.member_count for guild in guilds.entities)
            big = max(gateway.guilds.values(), key=lambda guild: len(guild.members))
            assert len(big.members) > 100  # so the reply comes in several parts
            members = await client.request_all("member", big.id)
            assert len(members.entities) == len(big.members)
            assert all(isinstance(member, Member) for member in members.entities)
            known = big.members[0].id
            looked_up = await client.request_pool("member", big.id, [known, 424242])
            assert [member.id for member in looked_up.entities] == [known]
            assert looked_up.nonexistent == (424242,)
        finally:
            await client.close()


async def test_elevated_only_events_get_401_before_elevation() -> None:
    async with running_standin() as gateway:
        client = await connected(gateway.url)
        log = EventLog(client)
        try:
            await client.spectate(next(iter(gateway.guilds)))
            await log.wait_for(lambda log: log.of_type(GatewayError), what="an error")
            error = log.of_type(GatewayError)[0]
            assert error.code == 401 and "elevation" in error.text
            assert client.state.phase is Phase.CONNECTED
            assert client.state.reason and client.state.reason.startswith("spectate refused:")
            with pytest.raises(GatewayRequestError) as raised:
                await client.request_all("guild", None)
            assert raised.value.error.code == 401
        finally:
            await client.close()


def client_side(task: asyncio.Task) -> bool:
    """True for tasks of the client: engineio's and socketio's client code, or ours."""
    code = getattr(task.get_coro(), "cr_code", None)
    filename = code.co_filename if code else ""
    return "async_client" in filename or filename.endswith("gateway/client.py")


async def test_close_leaves_no_task_behind() -> None:
    async with running_standin(rate=50) as gateway:
        client = await connected(gateway.url)
        await client.elevate(TEST_TOKEN)
        await client.spectate(next(iter(gateway.guilds)))
        await asyncio.sleep(0.2)
        assert any(client_side(task) for task in asyncio.all_tasks())
        await client.close()
        assert client.state.phase is Phase.DISCONNECTED
        await asyncio.sleep(0)
        assert [task for task in asyncio.all_tasks() if client_side(task)] == []


async def test_an_event_the_app_does_not_know_is_reported_with_its_payload() -> None:
    async with running_standin() as gateway:
        client = await connected(gateway.url)
        try:
            log = EventLog(client)
            await gateway.sio.emit("surprise", {"what": [1, "two"]})
            await gateway.sio.emit("surprise_text", "{not json")
            await log.wait_for(lambda log: len(log.of_type(MalformedEvent)) == 2)
            first, second = log.of_type(MalformedEvent)
            assert (first.event, first.reason) == (
                "surprise",
                "'surprise' is not an event this app knows",
            )
            assert first.raw == {"what": [1, "two"]}
            assert second.event == "surprise_text" and second.raw == "{not json"
        finally:
            await client.close()
