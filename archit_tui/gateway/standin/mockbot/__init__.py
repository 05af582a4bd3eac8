"""The stand-in gateway's mock bot: pure logic imitating the Archit.us bot (PROTOCOL.md).

No sockets, no Textual: `MockBot.handle` takes a parsed ``mock_user_event`` and returns the
``mock_bot_event`` payloads to send.
"""

from .bot import MockBot
from .commands import ALL_COMMANDS, COMMAND_HELP, CommandHelp

__all__ = ["ALL_COMMANDS", "COMMAND_HELP", "CommandHelp", "MockBot"]
