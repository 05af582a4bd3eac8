"""Polls and scheduled events: bot messages whose text follows the reactions users add.

Both keep their voters by name, in the order they answered, and render the whole message again
after each change (the bot then edits its message). The layout follows the real bot's
``events_cog``, with plain names where Discord would have mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .emoji import MAYBE, NO, NUMBER_EMOJI, YES, emoji_key
from .when import When

MAX_OPTIONS = len(NUMBER_EMOJI)
"""A poll has at most this many options (one numbered reaction each)."""

TITLE_LIMIT = 200
OPTION_LIMIT = 100
_QUOTES = {'"': '"', "“": "”", "„": "”"}


class PollError(ValueError):
    """The ``!poll`` arguments cannot be read; the message says why, for the user."""


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_poll(arguments: str) -> tuple[str, list[str]]:
    """``"<title>" <option>, <option>, ...`` (an unquoted title is one word) -> title, options."""
    text = arguments.strip()
    if not text:
        raise PollError("a poll needs a title and options")
    if text[0] in _QUOTES:
        close = text.find(_QUOTES[text[0]], 1)
        if close == -1 and text[0] != '"':
            close = text.find('"', 1)
        if close == -1:
            raise PollError("the title's quote is never closed")
        title, rest = text[1:close].strip(), text[close + 1 :]
    else:
        title, *more = text.split(None, 1)
        rest = more[0] if more else ""
    options = [shorten(option.strip(), OPTION_LIMIT) for option in rest.split(",")]
    options = [option for option in options if option]
    if not title:
        raise PollError("the poll has no title")
    if not options:
        raise PollError("a poll needs at least one option, separated by commas")
    if len(options) > MAX_OPTIONS:
        raise PollError(f"a poll has at most {MAX_OPTIONS} options (got {len(options)})")
    return shorten(title, TITLE_LIMIT), options


def _names(voters: list[str]) -> str:
    return f": {', '.join(voters)}" if voters else ""


@dataclass(slots=True)
class Poll:
    """A ``!poll`` (several votes each) or ``!xpoll`` (one vote each, the latest counts)."""

    title: str
    options: list[str]
    exclusive: bool
    votes: list[list[str]] = field(default_factory=list)
    """Voter names per option."""

    def __post_init__(self) -> None:
        if not self.votes:
            self.votes = [[] for _ in self.options]

    @property
    def reactions(self) -> list[str]:
        """The numbered reactions the bot adds, one per option."""
        return list(NUMBER_EMOJI[: len(self.options)])

    def react(self, emoji: str, voter: str, added: bool) -> bool:
        """Count a reaction added or removed by ``voter``; whether the tallies changed."""
        keys = [emoji_key(number) for number in self.reactions]
        key = emoji_key(emoji)
        if key not in keys:
            return False
        chosen = self.votes[keys.index(key)]
        if not added:
            if voter not in chosen:
                return False
            chosen.remove(voter)
            return True
        changed = voter not in chosen
        if self.exclusive:
            for other in self.votes:
                if other is not chosen and voter in other:
                    other.remove(voter)
                    changed = True
        if voter not in chosen:
            chosen.append(voter)
        return changed

    def render(self) -> str:
        """The poll message: title, then each option with its tally and voters."""
        note = " (one vote each)" if self.exclusive else ""
        lines = [f"**__{self.title}__**{note}"]
        for number, option, voters in zip(NUMBER_EMOJI, self.options, self.votes, strict=False):
            lines.append(f"{number} **{option} ({len(voters)})**{_names(voters)}")
        return "\n".join(lines)


@dataclass(slots=True)
class Schedule:
    """A ``!schedule``d event. Each person has one answer: a new one replaces the old."""

    title: str
    when: When
    answers: dict[str, list[str]] = field(default_factory=lambda: {YES: [], NO: [], MAYBE: []})

    @property
    def reactions(self) -> list[str]:
        """The answer reactions the bot adds: yes, no, maybe."""
        return [YES, NO, MAYBE]

    def react(self, emoji: str, voter: str, added: bool) -> bool:
        """Record an answer added or taken back by ``voter``; whether the message changed."""
        keys = {emoji_key(answer): answer for answer in self.answers}
        answer = keys.get(emoji_key(emoji))
        if answer is None:
            return False
        chosen = self.answers[answer]
        if not added:
            if voter not in chosen:
                return False
            chosen.remove(voter)
            return True
        if voter in chosen:
            return False
        for voters in self.answers.values():
            if voter in voters:
                voters.remove(voter)
        chosen.append(voter)
        return True

    def render(self) -> str:
        """The event message: title, time, and who answered what."""
        labels = {YES: "Yes", NO: "No", MAYBE: "Maybe"}
        lines = [f"**__{self.title}__**", f"**Time:** {self.when.describe()}"]
        for answer, voters in self.answers.items():
            lines.append(f"{answer} {labels[answer]} ({len(voters)}){_names(voters)}")
        return "\n".join(lines)
