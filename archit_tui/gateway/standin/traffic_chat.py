"""Chat traffic: messages, edits, deletes, pins, reactions, and Archit.us's own actions on
them (auto-responses and log reverts). Mixed into `TrafficGenerator`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from .corpus import EDIT_SUFFIXES
from .traffic_state import Row, TrafficState, pick
from .traffic_tables import AUTO_RESPONSES, RESPONSE_EDITS

_REACTED = 256
_EDITED_LIMIT = 1000
"""Longer messages get replaced, not appended to, so no edit passes 2000 UTF-16 units."""
_MIN_RESPONSES = 4
"""Removals stop here (an add happens instead), so triggers always have something to fire."""


class ChatActions(TrafficState):
    """Builders for chat and for Archit.us's auto-responses and reverts."""

    def _chat_builders(self) -> dict[int, Callable[[], Row]]:
        """Action number -> builder, for messages, reactions, auto-responses and reverts."""
        builders: dict[int, Callable[[], Row]] = {
            3001: self._send,
            3002: self._edit,
            73: self._bulk_delete,
            3100: self._react,
            3101: self._unreact,
            3203: self._trigger,
        }
        groups: tuple[tuple[Callable[[int], Row], tuple[int, ...]], ...] = (
            (self._delete, (72, 3003)),
            (self._pin, (74, 75)),
            (self._auto_response, (3200, 3201, 3202)),
            (self._undo, (3300, 3301)),
        )
        for method, numbers in groups:
            for number in numbers:
                builders[number] = partial(method, number)
        return builders

    def _send(self) -> Row:
        r = self._random
        bots = self._bots
        if bots and r() < 0.05:
            author = bots[int(r() * len(bots))]
            text = self._bot_texts[int(r() * len(self._bot_texts))]
        else:
            author = self._talkers[int(r() * len(self._talkers))]
            text = self._texts[int(r() * len(self._texts))]
        channel = self._text_channels[int(r() * len(self._text_channels))]
        message = self._new_id()
        self._remember([message, author, channel, text])
        return (3001, author, message, channel, text, None, None)

    def _edit(self) -> Row:
        recent = self._recent
        if not recent:
            return self._send()
        r = self._random
        record = recent[int(r() * len(recent))]
        old = record[3]
        suffix = EDIT_SUFFIXES[int(r() * len(EDIT_SUFFIXES))]
        if len(old) + len(suffix) <= _EDITED_LIMIT:
            new = old + suffix
        else:
            new = self._texts[int(r() * len(self._texts))]
        record[3] = new
        data = {"before": {"content": old}, "after": {"content": new}}
        return (3002, record[1], record[0], record[2], new, None, data)

    def _delete(self, number: int) -> Row:
        recent = self._recent
        if not recent:
            return self._send()
        r = self._random
        message, author, channel, text = self._take(recent, int(r() * len(recent)))
        if number == 72 and self._bots and r() < 0.2:  # automod
            agent = self._bots[int(r() * len(self._bots))]
        elif number == 72 or r() < 0.3:
            agent = self._mods[int(r() * len(self._mods))]
        else:
            agent = author
        return (number, agent, message, channel, text, None, {"author_id": author, "content": text})

    def _bulk_delete(self) -> Row:
        r = self._random
        bots = self._bots
        if bots and r() < 0.3:
            agent = bots[int(r() * len(bots))]
        else:
            agent = self._mods[int(r() * len(self._mods))]
        channel = self._text_channels[int(r() * len(self._text_channels))]
        return (73, agent, None, channel, None, None, {"count": 2 + int(r() * 99)})

    def _pin(self, number: int) -> Row:
        recent = self._recent
        if not recent:
            return self._send()
        r = self._random
        message, _author, channel, text = recent[int(r() * len(recent))]
        agent = self._mods[int(r() * len(self._mods))]
        return (number, agent, message, channel, text, None, None)

    def _react(self) -> Row:
        recent = self._recent
        if not recent:
            return self._send()
        r = self._random
        message, _author, channel, _text = recent[int(r() * len(recent))]
        reactor = self._talkers[int(r() * len(self._talkers))]
        emoji = self._reactions[int(r() * len(self._reactions))]
        self._keep(self._reacted, (reactor, message, channel, emoji), _REACTED)
        return (3100, reactor, message, channel, emoji, None, None)

    def _unreact(self) -> Row:
        reacted = self._reacted
        if not reacted:
            return self._react()
        reactor, message, channel, emoji = self._take(reacted, int(self._random() * len(reacted)))
        return (3101, reactor, message, channel, emoji, None, None)

    # Archit.us: auto-responses and reverts -----------------------------------------------------

    def _auto_response(self, number: int) -> Row:
        r = self._random
        responses = self._responses
        agent = pick(r, self._talkers)
        if number == 3201 and len(responses) <= _MIN_RESPONSES:
            number = 3200
        if number == 3200:
            trigger, response, examples = pick(r, AUTO_RESPONSES)
            entry = [self._new_id(), trigger, response, examples]
            responses.append(entry)
            data: dict[str, Any] = {"trigger": trigger, "response": response}
        elif number == 3201:
            index = int(r() * len(responses))
            entry = responses[index]
            responses[index] = responses[-1]
            responses.pop()
            data = {"trigger": entry[1], "response": entry[2]}
        else:
            entry = pick(r, responses)
            old, new = entry[2], pick(r, RESPONSE_EDITS)
            if new == old:
                new += " ✨"
            entry[2] = new
            data = {
                "before": {"trigger": entry[1], "response": old},
                "after": {"trigger": entry[1], "response": new},
            }
        return (number, agent, entry[0], None, None, None, data)

    def _trigger(self) -> Row:
        r = self._random
        _id, trigger, response, examples = pick(r, self._responses)
        text = pick(r, examples)
        author = pick(r, self._talkers)
        channel = pick(r, self._text_channels)
        message = self._new_id()
        self._remember([message, author, channel, text])
        data = {"trigger": trigger, "response": response}
        return (3203, author, message, channel, text, None, data)

    def _undo(self, number: int) -> Row:
        if not self._undoable:
            return self._send()
        r = self._random
        action_id, undone = pick(r, self._undoable)
        data = {"action_number": undone}
        return (number, pick(r, self._mods), action_id, None, None, None, data)
