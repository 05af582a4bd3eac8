"""The response language of auto-responses: parsed once at ``!set``, rendered at each trigger.

Grammar (from the Archit.us user documentation):

- plain text is sent as written;
- ``[author]`` ``[noun]`` ``[adj]`` ``[adv]`` ``[count]`` ``[member]`` are words filled in when
  the response fires (names are case-insensitive, spaces inside the brackets are ignored);
- ``[0]`` ``[1]`` ... are the trigger's captures, ``[0]`` being the whole match;
- ``[:name:]`` adds no text: the bot reacts to the trigger message with that emoji;
- ``[a, b, c]`` (a comma makes it a list) is one option chosen at random; options may hold
  tokens themselves (``[[noun], [adj] [noun]]``), up to `MAX_DEPTH` brackets deep;
- ``\\[`` ``\\]`` ``\\,`` ``\\\\`` are a literal bracket, comma, backslash; a ``]`` outside any
  bracket is literal too, and a backslash before anything else is kept.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from .emoji import emoji_from_shortcode, is_shortcode
from .words import ADJECTIVES, ADVERBS, NOUNS

MAX_DEPTH = 4
"""Brackets nested deeper than this are refused."""

WordKind: TypeAlias = Literal["author", "noun", "adj", "adv", "count", "member"]
_WORDS: frozenset[str] = frozenset({"author", "noun", "adj", "adv", "count", "member"})
_ESCAPABLE = "[]\\,"


@dataclass(frozen=True, slots=True)
class Text:
    """Literal text."""

    text: str


@dataclass(frozen=True, slots=True)
class Word:
    """A word filled in when the response fires."""

    kind: WordKind


@dataclass(frozen=True, slots=True)
class Capture:
    """A capture of the trigger: 0 is the whole match."""

    index: int


@dataclass(frozen=True, slots=True)
class React:
    """A reaction to the trigger message (unicode, or ``:name:`` when unknown)."""

    emoji: str


@dataclass(frozen=True, slots=True)
class Choice:
    """One of several options, chosen at random."""

    options: tuple[tuple[Node, ...], ...]


Node: TypeAlias = Text | Word | Capture | React | Choice


class ResponseError(ValueError):
    """The response cannot be parsed. `position` is the 0-based index of the offending text."""

    def __init__(self, reason: str, position: int) -> None:
        super().__init__(f"{reason} at character {position + 1}")
        self.reason = reason
        self.position = position


@dataclass(frozen=True, slots=True)
class Firing:
    """What a response needs to know when it fires."""

    author: str
    members: Sequence[str]
    count: int
    captures: Sequence[str]
    rng: random.Random


def parse_response(source: str, group_count: int = 0) -> tuple[Node, ...]:
    """Parse ``source``; ``group_count`` is how many groups the trigger has (``[0]`` always
    exists). Raises `ResponseError` naming the position of the first problem."""
    return _Parser(source, group_count).parse()


def render(nodes: Sequence[Node], firing: Firing) -> tuple[str, list[str]]:
    """The text of a response and the reactions it adds (deduplicated, in order)."""
    parts: list[str] = []
    reactions: list[str] = []
    _render_into(nodes, firing, parts, reactions)
    return "".join(parts), list(dict.fromkeys(reactions))


def _render_into(
    nodes: Sequence[Node], firing: Firing, parts: list[str], reactions: list[str]
) -> None:
    for node in nodes:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, React):
            reactions.append(node.emoji)
        elif isinstance(node, Capture):
            if node.index < len(firing.captures):
                parts.append(firing.captures[node.index])
        elif isinstance(node, Choice):
            _render_into(firing.rng.choice(node.options), firing, parts, reactions)
        else:
            parts.append(_word(node.kind, firing))


def _word(kind: WordKind, firing: Firing) -> str:
    if kind == "author":
        return firing.author
    if kind == "count":
        return str(firing.count)
    if kind == "member":
        return firing.rng.choice(firing.members) if firing.members else firing.author
    pool = {"noun": NOUNS, "adj": ADJECTIVES, "adv": ADVERBS}[kind]
    return firing.rng.choice(pool)


class _Parser:
    def __init__(self, source: str, group_count: int) -> None:
        self.source = source
        self.group_count = group_count
        self.pos = 0

    def parse(self) -> tuple[Node, ...]:
        return tuple(self._sequence(depth=0))

    def _sequence(self, depth: int) -> list[Node]:
        """Nodes up to the end, or (inside brackets) up to an unescaped ``,`` or ``]``."""
        src = self.source
        nodes: list[Node] = []
        text: list[str] = []
        while self.pos < len(src):
            char = src[self.pos]
            if char == "\\" and self.pos + 1 < len(src) and src[self.pos + 1] in _ESCAPABLE:
                text.append(src[self.pos + 1])
                self.pos += 2
            elif char == "[":
                if text:
                    nodes.append(Text("".join(text)))
                    text = []
                nodes.append(self._bracket(depth + 1))
            elif depth > 0 and char in ",]":
                break
            else:
                text.append(char)
                self.pos += 1
        if text:
            nodes.append(Text("".join(text)))
        return nodes

    def _bracket(self, depth: int) -> Node:
        start = self.pos
        if depth > MAX_DEPTH:
            raise ResponseError(f"brackets are nested more than {MAX_DEPTH} deep", start)
        self.pos += 1
        options: list[list[Node]] = []
        while True:
            options.append(self._sequence(depth))
            if self.pos >= len(self.source):
                raise ResponseError("`[` is never closed", start)
            closing = self.source[self.pos] == "]"
            self.pos += 1
            if closing:
                break
        if len(options) == 1:
            return self._token(options[0], start)
        return Choice(tuple(_strip(option) for option in options))

    def _token(self, nodes: list[Node], start: int) -> Node:
        raw = self.source[start : self.pos]
        shown = raw if len(raw) <= 40 else raw[:39] + "…"
        if not all(isinstance(node, Text) for node in nodes):
            raise ResponseError(f"unknown token `{shown}`", start)
        name = "".join(node.text for node in nodes if isinstance(node, Text)).strip()
        if name.lower() in _WORDS:
            return Word(name.lower())  # type: ignore[arg-type]
        if name.isascii() and name.isdigit():
            index = int(name)
            if index > self.group_count:
                groups = "no groups" if self.group_count == 0 else f"{self.group_count} group(s)"
                raise ResponseError(f"`{shown}` is no capture: the trigger has {groups}", start)
            return Capture(index)
        if is_shortcode(name):
            return React(emoji_from_shortcode(name))
        raise ResponseError(f"unknown token `{shown}`", start)


def _strip(option: list[Node]) -> tuple[Node, ...]:
    """Spaces around a list option are layout, not content."""
    nodes = list(option)
    if nodes and isinstance(nodes[0], Text):
        nodes[0] = Text(nodes[0].text.lstrip())
    if nodes and isinstance(nodes[-1], Text):
        nodes[-1] = Text(nodes[-1].text.rstrip())
    return tuple(node for node in nodes if not (isinstance(node, Text) and not node.text))
