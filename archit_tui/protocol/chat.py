"""The mock chat's state: every message by id, as the user and the bot changed it (pure).

The UI feeds it what happens (the user sent, the bot answered, a reaction was toggled, an
error came back, time passed) and redraws the messages each operation says it changed.

Decisions, and why:
- The bot answers in order, so when it answers user message *n* (reply id *n* + 1, or a
  reaction on *n*), any older message still pending got no reply: it is marked so at once
  instead of waiting for the timeout. A late reply still marks a message answered.
- An edit for an id never seen is shown as a new bot message (PROTOCOL.md); a new message for
  an id already shown replaces its content, as an edit would.
- Reactions are chips in the order they first appeared; each counts the bot's and the user's
  own. Emoji are compared as `emoji_key` compares them (``1️⃣`` with or without U+FE0F).
- Notices (errors about no message in particular) are messages of their own, with negative
  ids, so that they keep their place in the transcript.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from .emoji import emoji_key
from .models import (
    BotChange,
    BotMessageDeleted,
    BotMessageEdited,
    BotMessageSent,
    BotReactionAdded,
    BotReactionRemoved,
    GatewayError,
    MockBotEvent,
)

HISTORY_LIMIT = 1000
"""Messages kept; the oldest go first."""

REPLY_TIMEOUT = 10.0
"""Seconds a message waits for the bot before it is marked "no reply"."""

Author = Literal["you", "bot", "notice"]
Toggle = Literal["add", "remove"]


class Delivery(Enum):
    """Where a user's message stands with the bot."""

    PENDING = "pending"
    ANSWERED = "answered"
    NO_REPLY = "no reply"
    SILENT = "silent"
    FAILED = "failed"


@dataclass(slots=True)
class Reaction:
    """One chip under a message: an emoji, who put it there."""

    emoji: str
    by_bot: bool = False
    mine: bool = False
    """The user reacted with it."""

    @property
    def count(self) -> int:
        return int(self.by_bot) + int(self.mine)


@dataclass(slots=True)
class ChatMessage:
    """A message of the transcript, as it stands now."""

    id: int
    author: Author
    content: str
    time: float
    """Unix seconds it arrived (or was sent)."""
    delivery: Delivery | None = None
    """For the user's messages; None for the bot's and for notices."""
    edited: bool = False
    deleted: bool = False
    reactions: list[Reaction] = field(default_factory=list)
    notice: str | None = None
    """A problem with this message (an error from the gateway), for the reader."""

    def reaction(self, emoji: str) -> Reaction | None:
        """The chip for ``emoji``, if there is one."""
        key = emoji_key(emoji)
        return next((chip for chip in self.reactions if emoji_key(chip.emoji) == key), None)

    def chip(self, emoji: str) -> Reaction:
        """The chip for ``emoji``, added at the end if new."""
        found = self.reaction(emoji)
        if found is None:
            found = Reaction(emoji)
            self.reactions.append(found)
        return found

    def drop_empty_chips(self) -> None:
        self.reactions = [chip for chip in self.reactions if chip.count]


class ChatState:
    """Messages by id, in the order they appeared; at most ``limit`` of them."""

    def __init__(self, limit: int = HISTORY_LIMIT, reply_timeout: float = REPLY_TIMEOUT) -> None:
        self.limit = limit
        self.reply_timeout = reply_timeout
        self.messages: dict[int, ChatMessage] = {}
        """Insertion order is transcript order."""
        self.removed: list[int] = []
        """Ids dropped for the history limit since the UI last took them (`take_removed`)."""
        self._next_notice_id = -1

    def __iter__(self) -> Iterator[ChatMessage]:
        return iter(self.messages.values())

    def __len__(self) -> int:
        return len(self.messages)

    def get(self, message_id: int) -> ChatMessage | None:
        return self.messages.get(message_id)

    def take_removed(self) -> list[int]:
        """The ids dropped for the history limit since the last call."""
        removed, self.removed = self.removed, []
        return removed

    # The user -----------------------------------------------------------------------------------

    def user_sent(self, message_id: int, content: str, silent: bool, now: float) -> ChatMessage:
        """The user sent ``content`` as ``message_id``; it waits for the bot unless silent."""
        delivery = Delivery.SILENT if silent else Delivery.PENDING
        message = ChatMessage(message_id, "you", content, now, delivery)
        self._add(message)
        if not silent and self._answered_already(message_id):
            message.delivery = Delivery.ANSWERED
        return message

    def user_toggled_reaction(self, message_id: int, emoji: str) -> Toggle | None:
        """The user chose ``emoji`` on a message: add it, or remove it if theirs already.

        Returns what to ask the gateway for; None when the message is unknown or a notice.
        """
        message = self.messages.get(message_id)
        if message is None or message.author == "notice":
            return None
        chip = message.chip(emoji)
        chip.mine = not chip.mine
        message.drop_empty_chips()
        return "add" if chip.mine else "remove"

    # The bot ------------------------------------------------------------------------------------

    def apply(self, event: MockBotEvent, now: float) -> list[int]:
        """Apply a ``mock_bot_event``'s changes in order; the ids of the messages changed."""
        changed: list[int] = []
        for change in event.changes:
            changed.extend(self._apply(change, now))
        return list(dict.fromkeys(changed))

    def _apply(self, change: BotChange, now: float) -> list[int]:
        message = self.messages.get(change.message_id)
        if isinstance(change, BotMessageSent | BotMessageEdited):
            if message is None:
                edited = isinstance(change, BotMessageEdited)
                self._add(ChatMessage(change.message_id, "bot", change.content, now, edited=edited))
            else:
                message.content = change.content
                message.edited = True
            return [change.message_id, *self._answer(change.message_id - 1)]
        if message is None:
            return []
        if isinstance(change, BotReactionAdded):
            message.chip(change.emoji).by_bot = True
            return [message.id, *self._answer(message.id)]
        if isinstance(change, BotReactionRemoved):
            chip = message.reaction(change.emoji)
            if chip is not None:
                if change.targets_user:
                    chip.mine = False
                else:
                    chip.by_bot = False
                message.drop_empty_chips()
            return [message.id]
        if isinstance(change, BotMessageDeleted):
            message.deleted = True
            return [message.id]
        return []

    def _answer(self, user_id: int) -> list[int]:
        """The bot answered user message ``user_id``: older ones still pending got no reply."""
        changed = []
        for message in self.messages.values():
            if message.author != "you" or message.id > user_id:
                continue
            if message.id == user_id and message.delivery in (Delivery.PENDING, Delivery.NO_REPLY):
                message.delivery = Delivery.ANSWERED
                changed.append(message.id)
            elif message.id < user_id and message.delivery is Delivery.PENDING:
                message.delivery = Delivery.NO_REPLY
                changed.append(message.id)
        return changed

    def _answered_already(self, user_id: int) -> bool:
        """Whether the bot's reply to ``user_id`` arrived before the app reported sending it."""
        reply = self.messages.get(user_id + 1)
        return reply is not None and reply.author == "bot"

    # Time and errors ----------------------------------------------------------------------------

    def expire_pending(self, now: float) -> list[int]:
        """Mark "no reply" what has waited longer than the timeout; the ids changed."""
        changed = []
        for message in self.messages.values():
            waited = now - message.time
            if message.delivery is Delivery.PENDING and waited >= self.reply_timeout:
                message.delivery = Delivery.NO_REPLY
                changed.append(message.id)
        return changed

    def has_pending(self) -> bool:
        return any(message.delivery is Delivery.PENDING for message in self.messages.values())

    def error(self, error: GatewayError, now: float) -> int:
        """Show ``error``: as a notice on the message it names, else as a notice of its own.

        Returns the id of the message that now shows it.
        """
        target = _context_message(error)
        message = self.messages.get(target) if target is not None else None
        if message is None or message.author == "notice":
            notice = ChatMessage(self._next_notice_id, "notice", error.text, now)
            self._next_notice_id -= 1
            self._add(notice)
            return notice.id
        message.notice = error.text
        if message.delivery in (Delivery.PENDING, Delivery.NO_REPLY):
            message.delivery = Delivery.FAILED
        return message.id

    def notice(self, text: str, now: float) -> int:
        """Add a notice of the chat's own (not from the gateway); its id."""
        return self.error(GatewayError(message=text), now)

    def _add(self, message: ChatMessage) -> None:
        self.messages.pop(message.id, None)
        self.messages[message.id] = message
        while len(self.messages) > self.limit:
            oldest = next(iter(self.messages))
            del self.messages[oldest]
            self.removed.append(oldest)


def _context_message(error: GatewayError) -> int | None:
    """The chat message an error is about: ``context == ["mock_user_event", id]``."""
    context = error.context
    if len(context) < 2 or context[0] != "mock_user_event":
        return None
    value = context[1]
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdecimal() and len(value) <= 20:
        return int(value)
    return None


def is_chat_error(error: GatewayError) -> bool:
    """Whether ``error`` is about the mock chat (so the chat pane should show it)."""
    return bool(error.context) and error.context[0] == "mock_user_event"
