"""A conversation with the stand-in's mock bot through the real client."""

from support.events import EventLog
from support.standin import running_standin

from archit_tui.gateway.client import GatewayClient
from archit_tui.protocol.models import (
    BotMessageEdited,
    BotMessageSent,
    BotReactionAdded,
    GatewayError,
    MockBotEvent,
)

MOCK_GUILD = 1234


def bot_changes(log: EventLog) -> list:
    return [change for event in log.of_type(MockBotEvent) for change in event.changes]


async def test_conversation_help_set_trigger_poll_and_silent() -> None:
    async with running_standin() as gateway:
        client = GatewayClient(request_timeout=5, connect_timeout=5)
        log = EventLog(client)
        await client.connect(gateway.url)
        try:
            first = await client.send_message(MOCK_GUILD, "!help")
            assert first == 0
            await log.wait_for(lambda log: len(bot_changes(log)) >= 1, what="help reply")
            reply = bot_changes(log)[0]
            assert isinstance(reply, BotMessageSent) and reply.message_id == 1
            assert "poll" in reply.content and "set" in reply.content

            second = await client.send_message(MOCK_GUILD, "!set hello there::General [author]!")
            assert second == 2
            await log.wait_for(lambda log: any(c.message_id == 3 for c in bot_changes(log)))
            await client.send_message(MOCK_GUILD, "Hello there!")
            await log.wait_for(lambda log: any(c.message_id == 5 for c in bot_changes(log)))
            trigger_reply = next(c for c in bot_changes(log) if c.message_id == 5)
            assert isinstance(trigger_reply, BotMessageSent)
            assert trigger_reply.content == "General you!"

            poll_id = await client.send_message(MOCK_GUILD, '!poll "Lunch?" pizza, sushi') + 1
            await log.wait_for(lambda log: any(c.message_id == poll_id for c in bot_changes(log)))
            numbered = [
                c
                for c in bot_changes(log)
                if isinstance(c, BotReactionAdded) and c.message_id == poll_id
            ]
            assert len(numbered) == 2
            await client.react(MOCK_GUILD, poll_id, numbered[1].emoji)
            await log.wait_for(
                lambda log: any(
                    isinstance(c, BotMessageEdited) and c.message_id == poll_id
                    for c in bot_changes(log)
                ),
                what="the poll tally edited",
            )
            edited = [c for c in bot_changes(log) if isinstance(c, BotMessageEdited)][-1]
            assert "sushi" in edited.content and "you" in edited.content

            before = len(bot_changes(log))
            await client.send_message(MOCK_GUILD, "!set ping::pong", silent=True)
            await client.send_message(MOCK_GUILD, "ping")
            await log.wait_for(lambda log: len(bot_changes(log)) > before, what="pong")
            pong = bot_changes(log)[before]
            assert isinstance(pong, BotMessageSent) and pong.content == "pong"
            assert pong.message_id % 2 == 1
        finally:
            await client.close()


async def test_oversized_and_malformed_chat_get_errors_and_the_connection_goes_on() -> None:
    async with running_standin(max_content=1_000) as gateway:
        client = GatewayClient(request_timeout=5, connect_timeout=5)
        log = EventLog(client)
        await client.connect(gateway.url)
        try:
            await client.send_message(MOCK_GUILD, "x" * 1_001)
            await log.wait_for(lambda log: log.of_type(GatewayError), what="an error")
            error = log.of_type(GatewayError)[0]
            assert error.code == 413 and "limit is 1000" in error.text
            assert error.context == ("mock_user_event", 0)
            await client._emit("mock_user_event", {"guild_id": "x"})  # noqa: SLF001
            await log.wait_for(lambda log: len(log.of_type(GatewayError)) == 2, what="a 400")
            assert log.of_type(GatewayError)[1].code == 400
            await client.send_message(MOCK_GUILD, "!help")
            await log.wait_for(lambda log: log.of_type(MockBotEvent), what="the bot still answers")
        finally:
            await client.close()
