"""The mock bot's commands, their help, and how a message is read as a command."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

PREFIX = "!"
"""What every command starts with."""

ALL_COMMANDS: tuple[str, ...] = ("help", "set", "remove", "poll", "xpoll", "schedule")
"""The command names the mock bot knows, without the prefix, in help order."""


class CommandHelp(NamedTuple):
    """How one command is used."""

    usage: str
    """The syntax, with the prefix: ``!set <trigger>::<response>``."""
    summary: str
    """One line: what it does."""
    details: str = ""
    """More lines, shown by ``!help <command>``."""


COMMAND_HELP: Mapping[str, CommandHelp] = MappingProxyType(
    {
        "help": CommandHelp("!help [command]", "list the commands, or show how one works"),
        "set": CommandHelp(
            "!set <trigger>::<response>",
            "add an auto response: when a message matches the trigger, I answer",
            "A plain trigger matches whole messages, ignoring case and any punctuation the "
            "trigger does not contain. A trigger written `^...$` is a regex.\n"
            "In the response: `[author]` `[member]` `[noun]` `[adj]` `[adv]` `[count]`, "
            "`[a, b, c]` (one at random), `[0]` `[1]` ... (what the regex captured), "
            "`[:emoji:]` (I react instead), `\\[` for a bracket.\n"
            "React 💬 to one of my answers to see which trigger made it.",
        ),
        "remove": CommandHelp(
            "!remove <trigger>", "remove the auto response with exactly that trigger"
        ),
        "poll": CommandHelp(
            '!poll "<title>" <option 1>, <option 2>, ...',
            "start a poll; vote with the number reactions, as many as you like",
            "Options are separated by commas, at most 10. A title without quotes is one word.",
        ),
        "xpoll": CommandHelp(
            '!xpoll "<title>" <option 1>, <option 2>, ...',
            "start a poll where each person has one vote; a new vote replaces the old",
            "Options are separated by commas, at most 10. A title without quotes is one word.",
        ),
        "schedule": CommandHelp(
            "!schedule <title> <time>",
            "plan an event; people answer with ✅ ❌ 🤷",
            "Times like `2026-12-24 18:00`, `18:00`, `tomorrow 9pm`, `friday 7pm`.",
        ),
    }
)
"""Usage and description of each command in `ALL_COMMANDS`, for ``!help``."""

_COMMAND = re.compile(r"!([A-Za-z]+)(?=\s|$)(.*)", re.DOTALL)


class Command(NamedTuple):
    """A message read as a command."""

    name: str
    """Lower case, without the prefix; possibly not one of `ALL_COMMANDS`."""
    arguments: str
    """The rest of the message, stripped."""


def read_command(text: str) -> Command | None:
    """``!name arguments`` -> `Command`; None when the (stripped) text is no command."""
    match = _COMMAND.match(text)
    if match is None:
        return None
    return Command(match.group(1).lower(), match.group(2).strip())


def allowed_names(allowed: Iterable[str] | None) -> frozenset[str] | None:
    """The commands a ``mock_user_event`` allows (None: all), tolerating ``!`` and any case."""
    if allowed is None:
        return None
    return frozenset(name.strip().removeprefix(PREFIX).lower() for name in allowed)


def help_text(arguments: str, allowed: frozenset[str] | None) -> str:
    """The reply to ``!help`` (the allowed commands) or ``!help <command>`` (its usage)."""
    enabled = [name for name in ALL_COMMANDS if allowed is None or name in allowed]
    wanted = arguments.split()[0].removeprefix(PREFIX).lower() if arguments.split() else ""
    if not wanted:
        lines = ["**Commands**"]
        lines += [f"`{COMMAND_HELP[n].usage}`: {COMMAND_HELP[n].summary}" for n in enabled]
        lines.append("Type `!help <command>` to see how one works.")
        return "\n".join(lines)
    if wanted not in COMMAND_HELP:
        shown = wanted if len(wanted) <= 40 else wanted[:39] + "…"
        return f"❌ I don't know `!{shown}`; type `!help` for the list"
    if wanted not in enabled:
        return not_enabled_text(wanted)
    entry = COMMAND_HELP[wanted]
    text = f"`{entry.usage}`\n{entry.summary[0].upper()}{entry.summary[1:]}."
    return f"{text}\n{entry.details}" if entry.details else text


def not_enabled_text(name: str) -> str:
    """The reply to a known command that the event does not allow."""
    return f"❌ `!{name}` is not enabled here; type `!help` for the commands you can use"
