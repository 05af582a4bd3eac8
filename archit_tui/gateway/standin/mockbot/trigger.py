"""Auto-response triggers: when does a message fire one.

A plain trigger matches a whole message, case-insensitively, once the message has lost any
punctuation the trigger itself does not contain (``how are you`` answers ``How are you?!``, but
``what?`` does not answer ``what``). Whitespace inside is compared literally; the message's
leading and trailing whitespace is not part of it (Discord strips it too).

A trigger written ``^...$`` is a Python regular expression, matched case-insensitively against
the whole message (`re.fullmatch`). Python's ``re`` has no timeout, so a pattern is refused at
``!set`` when its worst case, estimated from its structure, could take long on a message of
`REGEX_INPUT_LIMIT` characters; longer messages never fire a regex trigger (matching a cut
message would claim a match the message does not have).
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from re import _parser as sre_parse  # type: ignore[attr-defined]

from archit_tui.protocol.regex_cost import backtracking_steps

REGEX_INPUT_LIMIT = 300
"""Messages longer than this are never tested against a regex trigger."""

REGEX_COST_LIMIT = 5e7
"""Refuse a pattern whose estimated backtracking steps on `REGEX_INPUT_LIMIT` chars exceed this."""

PATTERN_LIMIT = 300
"""The longest regex trigger accepted, in characters."""


class TriggerError(ValueError):
    """The trigger cannot be used; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A compiled trigger."""

    source: str
    """As the user wrote it (stripped)."""
    pattern: re.Pattern[str] | None
    """The regex of a ``^...$`` trigger; None for a plain one."""
    punctuation: frozenset[str]
    """The punctuation a plain trigger contains (kept in the message when comparing)."""

    @property
    def key(self) -> str:
        """Two triggers with the same key are the same trigger."""
        return self.source if self.pattern else self.source.casefold()

    @property
    def group_count(self) -> int:
        """How many capture groups the trigger has (besides the whole match)."""
        return self.pattern.groups if self.pattern else 0

    def match(self, message: str, punctuation: frozenset[str] | None = None) -> list[str] | None:
        """The captures (whole match first) when ``message`` (stripped) fires this trigger.

        ``punctuation`` is `punctuation_of` the message, passed in when testing many triggers.
        """
        if self.pattern is not None:
            if len(message) > REGEX_INPUT_LIMIT:
                return None
            found = self.pattern.fullmatch(message)
            if found is None:
                return None
            return [found.group(0), *(group or "" for group in found.groups())]
        if punctuation is None:
            punctuation = punctuation_of(message)
        dropped = punctuation - self.punctuation
        bare = message.translate({ord(char): None for char in dropped}) if dropped else message
        return [message] if bare.casefold() == self.source.casefold() else None


def punctuation_of(text: str) -> frozenset[str]:
    """The punctuation characters in ``text`` (ASCII punctuation and Unicode category P*)."""
    return frozenset(char for char in set(text) if _is_punctuation(char))


def compile_trigger(source: str) -> Trigger:
    """Compile a trigger as typed after ``!set``; raises `TriggerError`."""
    source = source.strip()
    if not source:
        raise TriggerError("the trigger is empty")
    if len(source) >= 2 and source.startswith("^") and source.endswith("$"):
        return Trigger(source, _compile_regex(source), frozenset())
    return Trigger(source, None, punctuation_of(source))


def _is_punctuation(char: str) -> bool:
    return char in string.punctuation or unicodedata.category(char).startswith("P")


def _compile_regex(source: str) -> re.Pattern[str]:
    if len(source) > PATTERN_LIMIT:
        raise TriggerError(f"a regex trigger is at most {PATTERN_LIMIT} characters")
    try:
        pattern = re.compile(source, re.IGNORECASE)
        parsed = sre_parse.parse(source, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError, ValueError) as error:
        position = getattr(error, "pos", None)
        where = f" at character {position + 1}" if isinstance(position, int) else ""
        message = getattr(error, "msg", None) or str(error)
        raise TriggerError(f"unable to parse your regex: {message}{where}") from None
    if backtracking_steps(parsed, REGEX_INPUT_LIMIT, REGEX_COST_LIMIT) > REGEX_COST_LIMIT:
        raise TriggerError(
            "that regex could take too long to match (repeats inside repeats, alternatives "
            "inside repeats, back-references or more than three open-ended repeats); simplify it"
        )
    return pattern
