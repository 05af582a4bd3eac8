"""A guild's auto-responses: ``!set``, ``!remove``, and finding the one a message fires.

Triggers are tried in the order they were set and the first match wins, as in the real bot. Two
triggers with the same `Trigger.key` cannot both exist (the real bot refused any overlapping
pair; the mock only refuses identical ones).
"""

from __future__ import annotations

from dataclasses import dataclass

from .events import shorten
from .response import Node, ResponseError, parse_response
from .trigger import Trigger, TriggerError, compile_trigger, punctuation_of

MAX_RESPONSES = 200
"""Auto-responses one guild may hold."""
TRIGGER_LIMIT = 300
"""Characters in a trigger."""
RESPONSE_LIMIT = 1000
"""Characters in a response, before its tokens are filled in."""


@dataclass(slots=True)
class AutoResponse:
    """One ``trigger::response`` pair."""

    trigger: Trigger
    response: str
    """As the user wrote it."""
    template: tuple[Node, ...]
    author: str
    """Who set it."""
    count: int = 0
    """Times it fired."""

    def __str__(self) -> str:
        return f"{self.trigger.source}::{self.response}"


class AutoResponses:
    """The auto-responses of one guild."""

    def __init__(self) -> None:
        self._responses: list[AutoResponse] = []

    def __len__(self) -> int:
        return len(self._responses)

    def set_command(self, arguments: str, author: str) -> str:
        """Run ``!set <arguments>``; the bot's reply."""
        trigger_text, separator, response_text = arguments.partition("::")
        trigger_text, response_text = trigger_text.strip(), response_text.strip()
        if not separator or not trigger_text or not response_text:
            if ":" in arguments and not separator:
                return "❌ **nice brain** use two `::` between the trigger and the response"
            return "❌ use the syntax: `!set <trigger>::<response>`"
        if len(trigger_text) > TRIGGER_LIMIT:
            return f"❌ that trigger is too long; the limit is {TRIGGER_LIMIT} characters"
        if len(response_text) > RESPONSE_LIMIT:
            return f"❌ that response is too long; the limit is {RESPONSE_LIMIT} characters"
        if len(self._responses) >= MAX_RESPONSES:
            return f"❌ this server already has {MAX_RESPONSES} auto responses; remove some first"
        try:
            trigger = compile_trigger(trigger_text)
        except TriggerError as error:
            return f"❌ {error}"
        try:
            template = parse_response(response_text, trigger.group_count)
        except ResponseError as error:
            return f"❌ unable to parse that response: {error}"
        clash = next((r for r in self._responses if r.trigger.key == trigger.key), None)
        if clash is not None:
            return f"❌ that trigger is taken: `{shorten(str(clash), 200)}`"
        response = AutoResponse(trigger, response_text, template, author)
        self._responses.append(response)
        return f"✅ `{shorten(str(response), 200)}` _successfully set_"

    def remove_command(self, arguments: str) -> str:
        """Run ``!remove <trigger>``; the bot's reply.

        The trigger must be the one that was set, exactly; a plain trigger also in another case
        (which cannot be ambiguous, since plain triggers are unique regardless of case).
        """
        wanted = arguments.strip()
        found = next((r for r in self._responses if r.trigger.source == wanted), None)
        if found is None:
            found = next(
                (
                    r
                    for r in self._responses
                    if r.trigger.pattern is None and r.trigger.key == wanted.casefold()
                ),
                None,
            )
        if found is None or not wanted:
            return "❌ idk what response you want me to remove"
        self._responses.remove(found)
        return f"✅ `{shorten(str(found), 200)}` _successfully removed_"

    def find(self, message: str) -> tuple[AutoResponse, list[str]] | None:
        """The first auto-response ``message`` (stripped) fires, with the captures."""
        punctuation = punctuation_of(message)
        for response in self._responses:
            captures = response.trigger.match(message, punctuation)
            if captures is not None:
                return response, captures
        return None
