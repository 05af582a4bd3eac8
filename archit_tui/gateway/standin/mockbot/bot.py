"""`MockBot`: what the mock bot of one guild answers to each ``mock_user_event``.

Pure logic: it takes a parsed `MockUserEvent` and returns the ``mock_bot_event`` payloads to
send, in the documented shape. The stand-in server does the sockets.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from archit_tui.protocol.requests import MockUserEvent

from .autoresponses import AutoResponses
from .commands import ALL_COMMANDS, allowed_names, help_text, not_enabled_text, read_command
from .emoji import WHOIS, emoji_key
from .events import TITLE_LIMIT, Poll, PollError, Schedule, parse_poll, shorten
from .response import Firing, render
from .when import impossible_dates, parse_when

MESSAGE_LIMIT = 2000
"""Discord's message length: longer bot text is cut, with an ellipsis."""

_TIME_WORDS = 5

TRACKED_LIMIT = 500
"""Polls, events and auto-response replies remembered (for reactions) per kind; oldest go."""


def _payload(
    guild_id: int, message_id: int, content: str | None, reactions: list[str] | None, edit: bool
) -> dict:
    return {
        "guild_id": guild_id,
        "content": None if content is None else shorten(content, MESSAGE_LIMIT),
        "message_id": message_id,
        "added_reactions": reactions or None,
        "edit": edit,
    }


def reply_id_for(message_id: int) -> int:
    """The id of the bot's answer to user message ``message_id``: the next (odd) id."""
    return message_id + 1 if message_id % 2 == 0 else message_id + 2


@dataclass(slots=True)
class _AutoReply:
    """A bot message an auto-response sent, kept so that 💬 can tell where it came from."""

    content: str
    trigger: str
    author: str
    explained: bool = False


class MockBot:
    """The mock bot of one mock guild. State (auto-responses, trigger counts, polls, schedules)
    lives here. ``now`` is the clock ``!schedule`` reads times against (default: the wall clock
    in UTC; tests pass a fixed one). Every random choice comes from ``rng``, so a seed and a
    clock fix the whole conversation.

    Choices, and why:
    - A known command the event does not allow is no command, so the auto-responses run; when
      none fires, the bot says the command is not enabled (naming it) rather than stay silent,
      so a user of the client knows why nothing happened. An unknown ``!word`` is plain text.
    - Every reply to a message is at most one new bot message (id = user id + 1). Reactions an
      auto-response puts on the trigger message are a separate payload: ``message_id`` is the
      user's message, ``content`` None, ``edit`` true.
    - 💬 on an auto-response reply makes the bot *edit* that reply, appending
      ``(trigger: `x` by name)``, once: reactions never create a new message (the real bot
      sent a new message; the mock has no room for one).
    - Schedule answers are exclusive (a person is yes, no or maybe), as in the real bot.
    - An event with content is a message: any reactions in it are ignored.
    """

    def __init__(
        self,
        guild_id: int,
        member_names: Sequence[str],
        rng: random.Random,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.guild_id = guild_id
        self._members = tuple(member_names)
        self._rng = rng
        self._now = now or (lambda: datetime.now(timezone.utc))
        self._responses = AutoResponses()
        self._replies: dict[int, _AutoReply] = {}
        self._tallied: dict[int, Poll | Schedule] = {}

    def handle(self, event: MockUserEvent, author_name: str = "you") -> list[dict]:
        """React to one mock_user_event; return the mock_bot_event payloads to send back, in
        order, in the DOCUMENTED shape: {"guild_id": int, "content": str|None, "message_id":
        int, "added_reactions": list[str]|None, "edit": bool}.

        With ``silent`` the bot does everything (stores, counts, votes) but returns nothing.
        """
        if event.content is not None:
            payloads = self._on_message(event, author_name)
        else:
            payloads = self._on_reactions(event, author_name)
        return [] if event.silent else payloads

    # Messages ---------------------------------------------------------------------------------

    def _on_message(self, event: MockUserEvent, author: str) -> list[dict]:
        text = (event.content or "").strip()
        reply_id = reply_id_for(event.message_id)
        command = read_command(text)
        allowed = allowed_names(event.allowed_commands)
        if command is not None and command.name in ALL_COMMANDS:
            if allowed is None or command.name in allowed:
                return self._run(command.name, command.arguments, reply_id, author, allowed)
            answers = self._auto_respond(text, event.message_id, reply_id, author)
            return answers or [self._send(reply_id, not_enabled_text(command.name))]
        return self._auto_respond(text, event.message_id, reply_id, author)

    def _run(
        self, name: str, arguments: str, reply_id: int, author: str, allowed: frozenset[str] | None
    ) -> list[dict]:
        if name == "help":
            return [self._send(reply_id, help_text(arguments, allowed))]
        if name == "set":
            return [self._send(reply_id, self._responses.set_command(arguments, author))]
        if name == "remove":
            return [self._send(reply_id, self._responses.remove_command(arguments))]
        if name == "schedule":
            return [self._schedule(arguments, reply_id)]
        try:
            title, options = parse_poll(arguments)
        except PollError as error:
            usage = f'`!{name} "<title>" <option 1>, <option 2>, ...`'
            return [self._send(reply_id, f"❌ {error}; use {usage}")]
        return [self._track(reply_id, Poll(title, options, exclusive=name == "xpoll"))]

    def _schedule(self, arguments: str, reply_id: int) -> dict:
        words = arguments.split()
        now = self._now()
        impossible = impossible_dates(" ".join(words[-_TIME_WORDS:]))
        if impossible:
            return self._send(reply_id, f"❌ {shorten(impossible[0], 40)} is no date")
        # The longest run of last words that reads as a time is the time; the rest, the title.
        # No time takes more than a few words ("2026-12-24 at 6 pm").
        for start in range(max(1, len(words) - _TIME_WORDS), len(words)):
            when = parse_when(" ".join(words[start:]), now)
            if when is not None:
                title = shorten(" ".join(words[:start]).strip('"“”'), TITLE_LIMIT)
                if title:
                    return self._track(reply_id, Schedule(title, when))
        if words and parse_when(" ".join(words), now) is not None:
            return self._send(reply_id, "❌ give the event a title: `!schedule <title> <time>`")
        return self._send(
            reply_id,
            "❌ I couldn't read a time in that; try `!schedule Movie night friday 7pm`",
        )

    def _auto_respond(self, text: str, message_id: int, reply_id: int, author: str) -> list[dict]:
        found = self._responses.find(text)
        if found is None:
            return []
        response, captures = found
        response.count += 1
        firing = Firing(author, self._members, response.count, captures, self._rng)
        content, reactions = render(response.template, firing)
        content = content.strip()
        payloads = []
        if content:
            payloads.append(self._send(reply_id, content))
            reply = _AutoReply(payloads[0]["content"], response.trigger.source, response.author)
            _remember(self._replies, reply_id, reply)
        if reactions:
            payloads.append(_payload(self.guild_id, message_id, None, reactions, edit=True))
        return payloads

    # Reactions --------------------------------------------------------------------------------

    def _on_reactions(self, event: MockUserEvent, author: str) -> list[dict]:
        message_id = event.message_id
        tallied = self._tallied.get(message_id)
        if tallied is not None:
            changed = False
            for emoji in event.removed_reactions:
                changed = tallied.react(emoji, author, added=False) or changed
            for emoji in event.added_reactions:
                changed = tallied.react(emoji, author, added=True) or changed
            if not changed:
                return []
            return [_payload(self.guild_id, message_id, tallied.render(), None, edit=True)]
        reply = self._replies.get(message_id)
        whois = emoji_key(WHOIS)
        if reply is None or reply.explained:
            return []
        if not any(emoji_key(emoji) == whois for emoji in event.added_reactions):
            return []
        reply.explained = True
        trigger = shorten(reply.trigger, 200)
        reply.content = shorten(reply.content, MESSAGE_LIMIT - len(trigger) - 60)
        reply.content += f"\n(trigger: `{trigger}` by {shorten(reply.author, 30)})"
        return [_payload(self.guild_id, message_id, reply.content, None, edit=True)]

    # Sending ----------------------------------------------------------------------------------

    def _send(self, reply_id: int, content: str, reactions: list[str] | None = None) -> dict:
        return _payload(self.guild_id, reply_id, content, reactions, edit=False)

    def _track(self, reply_id: int, tallied: Poll | Schedule) -> dict:
        _remember(self._tallied, reply_id, tallied)
        return self._send(reply_id, tallied.render(), tallied.reactions)


def _remember(store: dict, key: int, value: object) -> None:
    store.pop(key, None)
    store[key] = value
    while len(store) > TRACKED_LIMIT:
        del store[next(iter(store))]
